import { describe, expect, it } from "vitest";
import { layersFromSrcCopy, sharedPrefix } from "./layers.js";

describe("layersFromSrcCopy", () => {
  it("counts RUN, COPY and ADD from the src COPY on, that COPY included", () => {
    const file = [
      "FROM base AS base-container",
      "RUN useradd bentoml",
      "COPY --chown=bentoml:bentoml ./models ./models",
      "COPY --chown=bentoml:bentoml ./src ./src",
      "EXPOSE 3000",
      "RUN chmod +x /home/bentoml/bento/env/docker/entrypoint.sh",
      "USER bentoml",
    ].join("\n");
    expect(layersFromSrcCopy(file)).toBe(2);
  });

  it("counts from a code build's one COPY of its narrowed context", () => {
    const file = "FROM bento-env-x:k\nCOPY --chown=u:u . ./\nLABEL a=b\n";
    expect(layersFromSrcCopy(file)).toBe(1);
  });

  it("refuses a Containerfile without the src COPY", () => {
    expect(() => layersFromSrcCopy("FROM base\nCOPY ./models ./models\n")).toThrow(
      /no `COPY \.\/src/,
    );
  });
});

describe("sharedPrefix", () => {
  it("counts the leading entries two lists share", () => {
    expect(sharedPrefix(["a", "b", "c"], ["a", "b", "x"])).toBe(2);
    expect(sharedPrefix(["a"], ["a", "b"])).toBe(1);
    expect(sharedPrefix([], ["a"])).toBe(0);
  });
});
