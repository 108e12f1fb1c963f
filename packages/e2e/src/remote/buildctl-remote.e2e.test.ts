import { appendFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  buildkitTcp,
  exec,
  imageInspect,
  registryBaseImage,
  removeImages,
  requireEngine,
} from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerize, runBento } from "../engines/bento-cli.js";
import { IRIS } from "../engines/paths.js";
import { type Sandbox, sandbox } from "../engines/sandbox.js";
import { configDigest, deleteFromRegistry, registryRef } from "./registry.js";

// Issue 20: buildctl on the real buildkitd beyond loading into docker: into podman, pushed
// to the loopback registry, and over loopback TCP with mutual TLS as a remote builder.

const usable = (await requireEngine("buildctl")) && (await requireEngine("podman"));
const run = `${process.pid}`;
const TIMEOUT = 600_000;

describe.skipIf(!usable)("buildctl beyond one machine", () => {
  let box: Sandbox;
  let iris: string;
  const pushed: string[] = [];
  const podmanTags: string[] = [];
  const dockerTags: string[] = [];
  beforeAll(async () => {
    box = await sandbox("bento-e2e-buildctl-remote-");
    iris = await box.copyBento(IRIS.dir, "iris");
  });
  afterAll(async () => {
    await removeImages("podman", ...podmanTags);
    await removeImages("docker", ...dockerTags);
    for (const ref of pushed) await deleteFromRegistry(ref);
    await box?.cleanup();
  });
  const build = (flags: readonly string[], env: NodeJS.ProcessEnv = {}, bento = iris) =>
    containerize(
      bento,
      ["--backend", "buildctl", "--base-image", registryBaseImage(), ...flags],
      box.env(env),
    );

  it("loads into podman when asked (--opt load=podman), under podman's id", {
    timeout: TIMEOUT,
  }, async () => {
    const tag = `bento-e2e-buildctl-podman:${run}`;
    podmanTags.push(tag);
    const { json } = await build(["-t", tag, "--opt", "load=podman"]);
    expect(json.argv).toContain(`type=oci,name=${tag},rewrite-timestamp=true`);
    expect((await imageInspect("podman", tag)).id).toBe(json.imageId);
  });

  it("pushes to the registry the tag names (--opt push)", { timeout: TIMEOUT }, async () => {
    const ref = registryRef("bento-e2e-buildctl-push", run);
    pushed.push(ref);
    const { json } = await build(["-t", ref, "--opt", "push"]);
    expect(json.argv).toContain(`type=image,name=${ref},push=true,rewrite-timestamp=true`);
    expect(await configDigest(ref)).toBe(json.imageId);
  });

  it("pushes with the user's own output=type=image,push=true", { timeout: TIMEOUT }, async () => {
    const ref = registryRef("bento-e2e-buildctl-output", run);
    pushed.push(ref);
    const { json } = await build(["--opt", `output=type=image,name=${ref},push=true`]);
    expect(await configDigest(ref)).toBe(json.imageId);
  });

  describe("over loopback TCP with mutual TLS", () => {
    const { host, tlsDir } = buildkitTcp();
    const remote = { BUILDKIT_HOST: host, BENTO_BUILDKIT_TLS_DIR: tlsDir };

    it("health names the endpoint and the daemon's version, never the certificates", async () => {
      const result = await runBento(["health", "buildctl", "--json"], box.env(remote));
      expect(result.exitCode).toBe(0);
      const [report] = JSON.parse(result.stdout);
      expect(report).toMatchObject({ healthy: true, endpoint: host, version: "0.13.2" });
      expect(`${result.stdout}${result.stderr}`).not.toContain(tlsDir);
    });

    it("builds there, the image loaded into docker", { timeout: TIMEOUT }, async () => {
      const tag = `bento-e2e-buildctl-tcp:${run}`;
      dockerTags.push(tag);
      const { json, stdout, stderr } = await build(["-t", tag], remote);
      expect((await imageInspect("docker", tag)).id).toBe(json.imageId);
      expect(`${stdout}${stderr}`).not.toContain(tlsDir);
    });

    it("after a one-line edit sends only the changed files, even with other builds in between", {
      timeout: TIMEOUT,
    }, async () => {
      // A 4 MiB model file makes a whole-context upload plain to see.
      const model = join(box.home, "models/iris_model/r6tb2fv7ccdxkhqb/weights.bin");
      await writeFile(model, Buffer.alloc(4 << 20, 7));
      const tag = `bento-e2e-buildctl-edit:${run}`;
      dockerTags.push(tag);
      const first = await build(["-t", tag], remote);
      expect(contextBytes(first.stdout + first.stderr)).toBeGreaterThan(4 << 20);
      // Other directories built in between, BentoML's way (buildctl's main context, which
      // every such build shares: it used to take the daemon's kept upload, and the next
      // build sent everything again) and another bento.
      const other = await box.copyBento(IRIS.dir, "other");
      await writeFile(join(other, "Dockerfile.e2e"), "FROM scratch\nCOPY . /\n");
      const plain = [
        ...["buildctl", "--addr", host, "--tlsdir", tlsDir, "build", "--frontend"],
        ...["dockerfile.v0", "--local", `context=${other}`, "--local", `dockerfile=${other}`],
        ...["--opt", "filename=Dockerfile.e2e"],
      ];
      const theirs = await exec(plain, { timeoutMs: 120_000 });
      expect(theirs.exitCode, theirs.stderr).toBe(0);
      await build(["-t", tag], remote, other);
      await appendFile(join(iris, "src/service.py"), `# edit ${run}\n`);
      const edited = await build(["-t", tag], remote);
      expect(contextBytes(edited.stdout + edited.stderr)).toBeLessThan(64 << 10);
    });

    it.each([
      ["without its certificates", { BUILDKIT_HOST: host }, /BENTO_BUILDKIT_TLS_DIR/],
      ["when nothing listens", { BUILDKIT_HOST: "tcp://127.0.0.1:9" }, /BUILDKIT_HOST/],
    ])("exits 3 naming the setting %s", async (_case, env, setting) => {
      const result = await runBento(
        ["containerize", iris, "--backend", "buildctl", "-t", `bento-e2e-never:${run}`],
        box.env(env),
      );
      expect(result.exitCode).toBe(3);
      expect(result.stderr).toContain(env.BUILDKIT_HOST);
      expect(result.stderr).toMatch(setting);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const health = await runBento(["health", "buildctl", "--json"], box.env(env));
      expect(health.exitCode).toBe(3);
      expect(JSON.parse(health.stdout)[0]).toMatchObject({
        healthy: false,
        endpoint: env.BUILDKIT_HOST,
      });
    });
  });
});

/** Bytes BuildKit's plain progress says it received for bento's named context. */
function contextBytes(output: string): number {
  const units: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };
  let total = 0;
  for (const match of output.matchAll(
    /transferring bento-[0-9a-f]{16}: ([\d.]+)(B|kB|MB|GB)\b.*done/g,
  )) {
    total += Number(match[1]) * (units[match[2] as string] ?? 1);
  }
  return total;
}
