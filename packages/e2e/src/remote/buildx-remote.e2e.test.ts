import {
  buildkitTcp,
  describeFailure,
  exec,
  registryBaseImage,
  removeImages,
  requireEngine,
  type TempDir,
  tempDir,
} from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerize, runBento } from "../engines/bento-cli.js";
import { IRIS } from "../engines/paths.js";
import { type Sandbox, sandbox } from "../engines/sandbox.js";
import { deleteFromRegistry, fetchManifest, registryRef } from "./registry.js";

// Issue 20: buildx's capabilities come from its builder. A `remote` driver builder on the
// real buildkitd (loopback TCP, mutual TLS), made in a private BUILDX_CONFIG, pins
// timestamps and attaches provenance; the docker driver refuses attestations before building.

const usable = (await requireEngine("buildx")) && (await requireEngine("buildctl"));
const run = `${process.pid}`;
const TIMEOUT = 600_000;

describe.skipIf(!usable)("buildx on a remote builder", () => {
  const name = `bento-e2e-remote-${run}`;
  let config: TempDir;
  let box: Sandbox;
  let iris: string;
  const dockerTags: string[] = [];
  const pushed: string[] = [];
  const remoteEnv = () => ({ BUILDX_CONFIG: config.path, BUILDX_BUILDER: name });

  beforeAll(async () => {
    config = await tempDir("bento-e2e-buildx-config-");
    box = await sandbox("bento-e2e-buildx-remote-");
    iris = await box.copyBento(IRIS.dir, "iris");
    const { host, tlsDir } = buildkitTcp();
    const certs = ["cacert=ca.pem", "cert=cert.pem", "key=key.pem"]
      .map((pair) => pair.replace("=", `=${tlsDir}/`))
      .join(",");
    const argv = ["docker", "buildx", "create", "--name", name, "--driver", "remote"];
    const created = await exec([...argv, "--driver-opt", certs, host], {
      env: { ...process.env, BUILDX_CONFIG: config.path },
    });
    if (created.exitCode !== 0) throw new Error(describeFailure(argv, created));
  });
  afterAll(async () => {
    await exec(["docker", "buildx", "rm", name], {
      env: { ...process.env, BUILDX_CONFIG: config.path },
    });
    await removeImages("buildx", ...dockerTags);
    for (const ref of pushed) await deleteFromRegistry(ref);
    await config?.cleanup();
    await box?.cleanup();
  });
  const build = (flags: readonly string[]) =>
    containerize(
      iris,
      ["--backend", "buildx", "--base-image", registryBaseImage(), ...flags],
      box.env(remoteEnv()),
    );

  it("health reads the builder: remote driver, its BuildKit, its endpoint", async () => {
    const result = await runBento(["health", "buildx", "--json"], box.env(remoteEnv()));
    expect(result.exitCode, result.stderr).toBe(0);
    const [report] = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      healthy: true,
      version: "0.13.2",
      builder: `${name} (remote driver)`,
      endpoint: buildkitTcp().host,
      capabilities: { attestations: true, reproducibleTimestamps: true },
    });
    expect(result.stdout).not.toContain(buildkitTcp().tlsDir);
  });

  it("gives one image id from two no-cache builds", { timeout: TIMEOUT }, async () => {
    const tags = [`bento-e2e-buildx-remote:${run}-a`, `bento-e2e-buildx-remote:${run}-b`];
    dockerTags.push(...tags);
    const first = await build(["-t", tags[0]!, "--opt", "no-cache"]);
    const second = await build(["-t", tags[1]!, "--opt", "no-cache"]);
    expect(first.json.reproducible).toEqual({ applied: true });
    expect(first.json.argv).toContain("type=docker,rewrite-timestamp=true");
    expect(second.json.imageId).toBe(first.json.imageId);
  });

  it("pushes with a provenance attestation", { timeout: TIMEOUT }, async () => {
    const ref = registryRef("bento-e2e-buildx-provenance", run);
    pushed.push(ref);
    await build(["-t", ref, "--opt", "push", "--opt", "provenance=mode=max"]);
    const index = await fetchManifest(ref);
    const kinds = (index.body.manifests ?? []).map(
      (entry) => entry.annotations?.["vnd.docker.reference.type"] ?? "image",
    );
    expect(kinds).toEqual(["image", "attestation-manifest"]);
  });

  it("refuses attestations on the docker driver before building", async () => {
    const result = await runBento(
      [
        ...["containerize", iris, "--backend", "buildx", "--base-image", registryBaseImage()],
        ...["-t", `bento-e2e-never:${run}`, "--opt", "provenance=mode=max"],
      ],
      box.env({ BUILDX_BUILDER: "default" }),
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/cannot do attestations \(SBOM, provenance\).*docker driver/);
    expect(result.stderr).not.toMatch(/building with|#\d+ /);
  });
});
