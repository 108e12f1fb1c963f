import type { BuildResult } from "@bento/container-core";
import { describe, expect, it } from "vitest";
import { buildResultJson } from "./json.js";
import { builtText, dryRunText, runtimeFor } from "./result.js";

const result: BuildResult = {
  imageId: "sha256:abc",
  tags: ["iris:v1", "iris:latest"],
  backend: "buildah",
  argv: ["buildah", "build", "--tag", "iris:v1", "--label", "a b", "/ctx"],
  containerfile: "FROM x\n",
  containerfilePath: "/cache/iris.Dockerfile",
  contextPath: "/ctx",
  durationMs: 12_345,
  output: "log",
  reproducible: { applied: true },
  warnings: ["w"],
  dryRun: false,
};

describe("runtimeFor", () => {
  it.each([
    ["docker", "docker"],
    ["buildx", "docker"],
    ["podman", "podman"],
    ["buildah", "podman"],
    ["nerdctl", "nerdctl"],
  ])("runs %s images with %s", (backend, runtime) => {
    expect(runtimeFor(backend, () => false)).toBe(runtime);
  });

  it("picks the first runtime on PATH for others (buildctl)", () => {
    expect(runtimeFor("buildctl", (binary) => binary === "podman")).toBe("podman");
    expect(runtimeFor("kaniko", () => false)).toBe("docker");
  });
});

describe("builtText", () => {
  it("gives the image id, the tags and how to run it", () => {
    expect(builtText(result, "podman", false)).toBe(
      [
        "Built iris:v1, iris:latest with buildah in 12.3 s",
        "Image id: sha256:abc",
        "Tags:     iris:v1 iris:latest",
        "Run it with:",
        "  podman run --rm -p 3000:3000 iris:v1",
        "",
      ].join("\n"),
    );
  });

  it("says when the backend reported no image id", () => {
    expect(builtText({ ...result, imageId: undefined }, "docker", false)).toContain(
      "Image id: (the backend reported none)",
    );
  });
});

describe("dryRunText and JSON", () => {
  it("says when an unchanged image was tagged instead of built", () => {
    expect(builtText({ ...result, reused: true }, "podman", false)).toMatch(
      /^Tagged the unchanged image iris:v1, iris:latest with buildah in 12\.3 s\n/,
    );
  });

  it("gives the Containerfile location and the exact argv, shell-quoted", () => {
    const text = dryRunText({ ...result, dryRun: true });
    expect(text).toContain("Containerfile: /cache/iris.Dockerfile\n");
    expect(text).toContain("  buildah build --tag iris:v1 --label 'a b' /ctx\n");
  });

  it("gives the result fields with the Containerfile as a path", () => {
    expect(buildResultJson({ ...result, imageId: undefined })).toEqual({
      imageId: null,
      tags: ["iris:v1", "iris:latest"],
      backend: "buildah",
      argv: result.argv,
      containerfile: "/cache/iris.Dockerfile",
      durationMs: 12_345,
      reproducible: { applied: true },
      warnings: ["w"],
      dryRun: false,
      reused: false,
      environment: null,
    });
    expect(buildResultJson({ ...result, reused: true }).reused).toBe(true);
  });

  const environment = {
    tag: "bento-env-iris:0123",
    argv: ["buildah", "build", "--tag", "bento-env-iris:0123", "/ctx"],
    containerfilePath: "/cache/iris-environment.Dockerfile",
  };

  it("gives both commands of a split build, the environment image's first", () => {
    const text = dryRunText({ ...result, dryRun: true, environment });
    const first = text.indexOf("buildah build --tag bento-env-iris:0123 /ctx\n");
    const second = text.indexOf("buildah build --tag iris:v1 --label 'a b' /ctx\n");
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain("bento-env-iris:0123, built only when the image store lacks that tag");
    expect(text).toContain("Containerfile: /cache/iris-environment.Dockerfile\n");
    expect(text).toContain("Containerfile: /cache/iris.Dockerfile\n");
  });

  it("gives the environment image's build in JSON, its Containerfile as a path", () => {
    expect(buildResultJson({ ...result, environment }).environment).toEqual({
      tag: "bento-env-iris:0123",
      argv: environment.argv,
      containerfile: "/cache/iris-environment.Dockerfile",
    });
  });
});
