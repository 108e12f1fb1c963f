import {
  describeFailure,
  dockerTcp,
  exec,
  podmanService,
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

// Issue 20: docker and buildx against a second dockerd reached as users reach a remote one
// (DOCKER_HOST on loopback TCP, mutual TLS), and podman's remote client against
// `podman system service` (CONTAINER_HOST); both daemons are started by scripts/engines.

const run = `${process.pid}`;
const TIMEOUT = 600_000;
const remoteDocker = dockerTcp();

/** `docker ARGV` against the second dockerd; rejects unless it exits 0. */
async function onRemoteDocker(argv: readonly string[]): Promise<string> {
  const full = ["docker", ...argv];
  const result = await exec(full, {
    env: { ...process.env, ...remoteDocker.env },
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(describeFailure(full, result));
  return result.stdout.trim();
}

/** The image id `tag` has in the local dockerd's store, or `undefined`. */
async function localDockerId(tag: string): Promise<string | undefined> {
  const result = await exec(["docker", "image", "inspect", "--format", "{{.Id}}", tag]);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

const dockerUsable = (await requireEngine("docker")) && (await requireEngine("buildx"));

describe.skipIf(!dockerUsable)("docker and buildx on a remote dockerd (DOCKER_HOST, TLS)", () => {
  let box: Sandbox;
  let buildxConfig: TempDir;
  let iris: string;
  const tags: string[] = [];
  beforeAll(async () => {
    // The daemon must answer: under CI a missing one fails here, it is not skipped.
    await onRemoteDocker(["version", "--format", "{{.Server.Version}}"]);
    box = await sandbox("bento-e2e-remote-docker-");
    buildxConfig = await tempDir("bento-e2e-remote-buildx-config-");
    iris = await box.copyBento(IRIS.dir, "iris");
  });
  afterAll(async () => {
    if (tags.length) await onRemoteDocker(["image", "rm", "--force", ...tags]).catch(() => {});
    await buildxConfig?.cleanup();
    await box?.cleanup();
  });
  // A private BUILDX_CONFIG: buildx's default builder is then the docker driver of DOCKER_HOST.
  const env = (extra: NodeJS.ProcessEnv = {}) =>
    box.env({ BUILDX_CONFIG: buildxConfig.path, ...remoteDocker.env, ...extra });

  it.each(["docker", "buildx"])(
    "%s: health names the remote daemon, never the certificates",
    async (backend) => {
      const result = await runBento(["health", backend, "--json"], env());
      expect(result.exitCode, result.stderr).toBe(0);
      const [report] = JSON.parse(result.stdout);
      expect(report).toMatchObject({ healthy: true, endpoint: remoteDocker.host });
      expect(`${result.stdout}${result.stderr}`).not.toContain(remoteDocker.certPath);
    },
  );

  it.each(["docker", "buildx"])(
    "%s: builds there; the image is in the remote store, not the local one",
    { timeout: TIMEOUT },
    async (backend) => {
      const tag = `bento-e2e-remote-${backend}:${run}`;
      tags.push(tag);
      const { json, stdout, stderr } = await containerize(
        iris,
        ["--backend", backend, "--base-image", registryBaseImage(), "-t", tag],
        env(),
      );
      expect(await onRemoteDocker(["image", "inspect", "--format", "{{.Id}}", tag])).toBe(
        json.imageId,
      );
      expect(await onRemoteDocker(["image", "inspect", "--format", "{{.Config.User}}", tag])).toBe(
        "bentoml",
      );
      expect(await localDockerId(tag)).toBeUndefined();
      expect(`${stdout}${stderr}`).not.toContain(remoteDocker.certPath);
    },
  );

  it.each<[string, string, NodeJS.ProcessEnv, RegExp]>([
    ["docker", "unreachable", { DOCKER_HOST: "tcp://127.0.0.1:9" }, /DOCKER_HOST/],
    [
      "docker",
      "untrusted (no client certificate)",
      { DOCKER_TLS_VERIFY: "", DOCKER_CERT_PATH: "" },
      /DOCKER_CERT_PATH/,
    ],
    ["buildx", "unreachable", { DOCKER_HOST: "tcp://127.0.0.1:9" }, /DOCKER_HOST/],
  ])(
    "%s: an %s daemon is exit 3 naming the setting to fix",
    async (backend, _case, extra, setting) => {
      const result = await runBento(
        ["containerize", iris, "--backend", backend, "-t", `bento-e2e-never:${run}`],
        env(extra),
      );
      expect(result.exitCode, result.stderr).toBe(3);
      expect(result.stderr).toContain(extra.DOCKER_HOST ?? remoteDocker.host);
      expect(result.stderr).toMatch(setting);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      const health = await runBento(["health", backend, "--json"], env(extra));
      expect(health.exitCode).toBe(3);
      expect(JSON.parse(health.stdout)[0]).toMatchObject({
        healthy: false,
        endpoint: extra.DOCKER_HOST ?? remoteDocker.host,
      });
      expect(`${health.stdout}${health.stderr}`).not.toContain(remoteDocker.certPath);
    },
  );
});

const podmanUsable = await requireEngine("podman");

describe.skipIf(!podmanUsable)("podman's remote client on podman system service", () => {
  const service = podmanService();
  let box: Sandbox;
  let iris: string;
  const tags: string[] = [];
  beforeAll(async () => {
    const argv = ["podman", "--remote", "--url", service.host, "version"];
    const answer = await exec(argv, { timeoutMs: 30_000 });
    if (answer.exitCode !== 0) throw new Error(describeFailure(argv, answer));
    box = await sandbox("bento-e2e-remote-podman-");
    iris = await box.copyBento(IRIS.dir, "iris");
  });
  afterAll(async () => {
    await removeImages("podman", ...tags);
    await box?.cleanup();
  });

  it("health names the service", async () => {
    const result = await runBento(
      ["health", "podman", "--json"],
      box.env({ CONTAINER_HOST: service.host }),
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ healthy: true, endpoint: service.host });
  });

  it("builds through the service (CONTAINER_HOST), under the service's image id", {
    timeout: TIMEOUT,
  }, async () => {
    const tag = `bento-e2e-remote-podman:${run}`;
    tags.push(tag);
    const { json } = await containerize(
      iris,
      ["--backend", "podman", "-t", tag],
      box.env({ CONTAINER_HOST: service.host }),
    );
    const argv = ["podman", "--remote", "--url", service.host, "image", "inspect"];
    const inspected = await exec([...argv, "--format", "{{.Id}} {{.Config.User}}", tag]);
    expect(inspected.exitCode, inspected.stderr).toBe(0);
    expect(inspected.stdout.trim()).toBe(`${json.imageId?.replace(/^sha256:/, "")} bentoml`);
  });

  it("an unreachable service is exit 3 naming CONTAINER_HOST", async () => {
    const host = "unix:///run/bento-container/no-such-podman.sock";
    const result = await runBento(
      ["containerize", iris, "--backend", "podman", "-t", `bento-e2e-never:${run}`],
      box.env({ CONTAINER_HOST: host }),
    );
    expect(result.exitCode, result.stderr).toBe(3);
    expect(result.stderr).toContain(host);
    expect(result.stderr).toMatch(/CONTAINER_HOST/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
