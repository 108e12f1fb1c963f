import { describe, expect, it } from "vitest";
import { UnknownBackendError } from "../errors.js";
import { unknownBackendError } from "./unknown-backend.js";

describe("unknownBackendError", () => {
  it("tells to install and import the package of an official backend", () => {
    const error = unknownBackendError("podman", ["docker"]);
    expect(error).toBeInstanceOf(UnknownBackendError);
    expect(error.message).toBe(
      "The podman backend is not registered: its package, @bento/backend-podman, is not loaded.",
    );
    expect(error.hint).toBe(
      'Install @bento/backend-podman (npm install @bento/backend-podman) and import it: import "@bento/backend-podman";',
    );
  });

  it("names the closest registered backend for a typo", () => {
    const error = unknownBackendError("dokcer", ["docker", "podman", "kaniko"]);
    expect(error.message).toBe(
      'Unknown backend "dokcer". Did you mean "docker"? Registered backends: docker, podman, kaniko.',
    );
    expect(error.hint).toContain("bento --plugin PACKAGE");
  });

  it("lists the registered backends when nothing is close", () => {
    expect(unknownBackendError("somethingelse", ["docker"]).message).toBe(
      'Unknown backend "somethingelse". Registered backends: docker.',
    );
    expect(unknownBackendError("kaniko", []).hint).toContain("Import a backend package");
  });
});
