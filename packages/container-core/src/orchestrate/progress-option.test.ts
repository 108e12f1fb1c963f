import { describe, expect, it } from "vitest";
import { dropProgressWithoutBuildkit } from "./progress-option.js";

const docker = { name: "docker", buildkitSupport: true, env: { DOCKER_BUILDKIT: "1" } };
const podman = { name: "podman", buildkitSupport: false, env: { DOCKER_BUILDKIT: "0" } };

describe("dropProgressWithoutBuildkit (BentoML's containerize)", () => {
  it.each([
    ["podman", podman, {}, true],
    ["docker with DOCKER_BUILDKIT=0", docker, { DOCKER_BUILDKIT: "0" }, true],
    ["docker", docker, {}, false],
  ] as const)("%s: dropped %s", (_name, builder, env, dropped) => {
    const options: Record<string, unknown> = { progress: "plain", noCache: true };
    const warnings: string[] = [];
    dropProgressWithoutBuildkit(builder, env, options, (m) => warnings.push(m));
    expect(options).toEqual(dropped ? { noCache: true } : { progress: "plain", noCache: true });
    expect(warnings).toEqual(
      dropped
        ? [
            `progress=plain dropped: the ${builder.name} backend builds without BuildKit, which --progress needs.`,
          ]
        : [],
    );
  });
});
