import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  normalizeImageId,
  parseDockerInspect,
  parseEnv,
  parsePodmanInspect,
} from "./parse-inspect.js";

// Real output of `docker image inspect`, `docker history` and `podman image inspect` for one
// image (FROM bento-base:bookworm; useradd; ENV; WORKDIR; EXPOSE; USER; ENTRYPOINT; CMD).
const fixture = (name: string) =>
  readFileSync(new URL(`../test/fixtures/inspect/${name}`, import.meta.url), "utf8");

const common = {
  user: "bentoml",
  workdir: "/home/bentoml/bento",
  entrypoint: ["/bin/sh", "-c"],
  cmd: ["echo hi"],
  exposedPorts: ["3000/tcp"],
  env: {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    LANG: "C.UTF-8",
    OPTS: "a=b",
  },
};

describe("parseDockerInspect", () => {
  const info = parseDockerInspect(fixture("docker-inspect.json"), fixture("docker-history.jsonl"));

  it("reads the config", () => {
    expect(info).toMatchObject(common);
    expect(info.id).toBe("sha256:8060fd9292a9d15495a3a3ea4b53bd826aa94b24161087c9f0b4f0955a912aa6");
    expect(info.labels["org.test"]).toBe("fixture");
    expect(info.layers).toHaveLength(3);
  });

  it("turns history oldest first", () => {
    expect(info.history.map((step) => step.createdBy)).toEqual([
      "",
      "RUN /bin/sh -c useradd -m -u 1034 bentoml # buildkit",
      "ENV OPTS=a=b",
      "WORKDIR /home/bentoml/bento",
      "EXPOSE map[3000/tcp:{}]",
      "USER bentoml",
      'ENTRYPOINT ["/bin/sh" "-c"]',
      'CMD ["echo hi"]',
    ]);
    expect(info.history[0]?.comment).toBe("Imported from -");
  });
});

describe("parsePodmanInspect", () => {
  const info = parsePodmanInspect(fixture("podman-inspect.json"));

  it("reads the config and prefixes the id", () => {
    expect(info).toMatchObject(common);
    expect(info.id).toBe("sha256:19c772e31c8c307326f67b323f521e97e00aba2fc3c54de30bd67b8e392b494e");
    expect(info.labels).toMatchObject({ "org.test": "fixture", "io.buildah.version": "1.28.2" });
    expect(info.layers).toHaveLength(2);
  });

  it("keeps history oldest first", () => {
    expect(info.history).toHaveLength(9);
    expect(info.history[1]?.createdBy).toBe("/bin/sh -c useradd -m -u 1034 bentoml");
    expect(info.history[8]?.createdBy).toBe('/bin/sh -c #(nop) LABEL "org.test"="fixture"');
  });
});

describe("parseEnv", () => {
  it("splits at the first =", () => {
    expect(parseEnv(["A=1", "B=x=y", "C=", "D"])).toEqual({ A: "1", B: "x=y", C: "", D: "" });
  });
});

describe("normalizeImageId", () => {
  it("adds sha256: only when missing", () => {
    expect(normalizeImageId("abc")).toBe("sha256:abc");
    expect(normalizeImageId("sha256:abc")).toBe("sha256:abc");
  });
});
