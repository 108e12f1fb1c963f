import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exec } from "@bento/backend-testing";
import { beforeAll, describe, expect, it } from "vitest";
import { mustRun, packed } from "./helpers/packed.js";

// (5) npm installs one core for core and the backends (core is their peer);
// with a second copy forced under one backend, registration, error brands and
// `bento health`'s warning still work.

/** Directories of every installed @bento/container-core under `dir`. */
async function coreCopies(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (modules: string): Promise<void> => {
    const entries = await readdir(modules).catch(() => [] as string[]);
    for (const entry of entries) {
      if (entry.startsWith("@")) {
        for (const scoped of await readdir(join(modules, entry))) {
          const pkg = join(modules, entry, scoped);
          if (`${entry}/${scoped}` === "@bento/container-core") found.push(pkg);
          await walk(join(pkg, "node_modules"));
        }
      } else if (!entry.startsWith(".")) await walk(join(modules, entry, "node_modules"));
    }
  };
  await walk(join(dir, "node_modules"));
  return found;
}

const CHECK = `import * as core from "@bento/container-core";
import "@bento/backend-podman";
import "@bento/backend-docker";

const nested = await import("./node_modules/@bento/backend-podman/node_modules/@bento/container-core/dist/index.js");
let error;
try {
  nested.getBackend("no-such-backend");
} catch (caught) {
  error = caught;
}
process.stdout.write(JSON.stringify({
  copies: core.loadedCores().length,
  registered: core.listBackends().map((b) => b.name),
  podman: core.getBackend("podman").name,
  brand: core.isBentoError(error),
  instance: error instanceof core.BentoError,
  code: error.code,
}));
`;

describe("one core", () => {
  let two: string;

  beforeAll(async () => {
    // A copy of the project with a second core nested under the podman backend.
    two = join(packed().root, "two-cores");
    await cp(packed().app, two, { recursive: true, verbatimSymlinks: true });
    const nested = join(
      two,
      "node_modules/@bento/backend-podman/node_modules/@bento/container-core",
    );
    await mkdir(nested, { recursive: true });
    const tarball = packed().tarballs["@bento/container-core"]!;
    await mustRun(["tar", "xzf", tarball, "-C", nested, "--strip-components=1"], { cwd: two });
    await writeFile(join(two, "check.mjs"), CHECK);
  });

  it("npm installs exactly one copy of core for core, the CLI and every backend", async () => {
    const copies = await coreCopies(packed().app);
    expect(copies).toEqual([join(packed().app, "node_modules/@bento/container-core")]);
  });

  it("with a second copy, backends still register where the app looks and errors keep their brand", async () => {
    expect(await coreCopies(two)).toHaveLength(2);
    const { stdout } = await mustRun([process.execPath, "check.mjs"], { cwd: two });
    expect(JSON.parse(stdout)).toEqual({
      copies: 2,
      registered: ["podman", "docker"],
      podman: "podman",
      brand: true,
      instance: true,
      code: "E_UNKNOWN_BACKEND",
    });
  });

  it("bento health warns when two cores are loaded, and not when one is", async () => {
    const bento = (dir: string) =>
      exec([join(dir, "node_modules/.bin/bento"), "health", "podman"], { cwd: dir });
    const twice = await bento(two);
    expect(twice.stderr).toContain("warning: 2 copies of @bento/container-core are loaded:");
    expect(twice.stderr).toContain(
      "node_modules/@bento/backend-podman/node_modules/@bento/container-core (0.0.0)",
    );
    expect(twice.stdout).toContain("podman");
    const once = await bento(packed().app);
    expect(once.stderr).not.toContain("copies of @bento/container-core");
    expect(once.stdout).toContain("podman");
  });
});
