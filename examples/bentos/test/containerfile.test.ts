import { getContainerfile } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { IRIS, SENTIMENT } from "./paths.js";

const BASE = "bento-base:bookworm";

/** Index of the line that starts with `prefix`; fails the test when there is none. */
function lineIndex(text: string, prefix: string): number {
  const index = text.split("\n").findIndex((line) => line.startsWith(prefix));
  expect(index, `no line starts with ${prefix}`).toBeGreaterThanOrEqual(0);
  return index;
}

describe("the iris-classifier Containerfile", () => {
  it("runs the bento's commands and keeps runtime envs out of the image", async () => {
    const text = await getContainerfile(IRIS, { baseImage: BASE });
    expect(text).toContain(`FROM ${BASE} AS base-container`);
    expect(text).not.toContain("# syntax");
    expect(text).toContain("ARG IRIS_MODE=demo\nENV IRIS_MODE=$IRIS_MODE");
    expect(text).not.toContain("IRIS_LOG_LEVEL");
    const commands = lineIndex(text, "RUN  echo built > /tmp/commands-ran");
    const install = lineIndex(text, "RUN  --mount=type=cache");
    const post = lineIndex(text, "RUN  python -c 'import sys; print(sys.prefix)'");
    expect(commands).toBeLessThan(install);
    expect(install).toBeLessThan(post);
  });

  it("copies the store model before the code (layered)", async () => {
    const text = await getContainerfile(IRIS, { baseImage: BASE });
    expect(lineIndex(text, "COPY --chown=bentoml:bentoml ./models ./models")).toBeLessThan(
      lineIndex(text, "COPY --chown=bentoml:bentoml ./src ./src"),
    );
  });
});

describe("the sentiment-legacy Containerfile", () => {
  it("sets docker.env, runs the setup script, then the template's own step", async () => {
    const text = await getContainerfile(SENTIMENT, { baseImage: BASE });
    expect(text).toContain(`FROM ${BASE} as base-container`);
    expect(text).toContain(
      "ARG SENTIMENT_THRESHOLD=0.25\nENV SENTIMENT_THRESHOLD=$SENTIMENT_THRESHOLD",
    );
    expect(text).toContain("ARG TOKENIZERS_PARALLELISM=false");
    expect(lineIndex(text, "RUN /home/bentoml/bento/env/docker/setup_script")).toBeLessThan(
      lineIndex(text, "RUN echo template-ran > /tmp/template-ran"),
    );
    // A base image selects the generic template: no apt-get, so it builds offline.
    expect(text).not.toContain("apt-get");
  });

  it("needs --base-image offline: its own python:3.11-slim template installs apt packages", async () => {
    const text = await getContainerfile(SENTIMENT);
    expect(text).toContain("FROM python:3.11-slim as base-container");
    expect(text).toContain("apt-get install");
  });
});
