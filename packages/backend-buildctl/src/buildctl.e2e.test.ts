import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OptionTable } from "@bento/container-core";
import {
  exec,
  flagsMissingFromTable,
  helpFlags,
  imageInspect,
  registryBaseImage,
  removeImages,
  requireEngine,
  type TempDir,
  tableFlags,
  tempDir,
} from "@bento/test-support";
import { afterAll, describe, expect, it } from "vitest";
import { buildctlBackend } from "./index.js";
import { buildctlFlags } from "./options.js";

// Issue 20: the backend on the real buildkitd scripts/engines/setup.sh starts (its default
// socket): health asks the daemon, and the argv it constructs builds, loads into docker and
// reports docker's image id.

const usable = await requireEngine("buildctl");

describe.skipIf(!usable)("buildctl on the real buildkitd", () => {
  const tag = `bento-test-buildctl:${process.pid}`;
  let dir: TempDir | undefined;
  afterAll(async () => {
    await removeImages("buildctl", tag);
    await dir?.cleanup();
  });

  it("reports the daemon's BuildKit version, its endpoint and buildctl's own", async () => {
    const report = await buildctlBackend.diagnose({ env: process.env });
    expect(report).toMatchObject({
      healthy: true,
      endpoint: process.env.BUILDKIT_HOST ?? "unix:///run/buildkit/buildkitd.sock",
    });
    const daemon = await exec(["buildctl", "debug", "info"]);
    expect(daemon.stdout).toContain(`v${report.version}`);
    const client = await exec(["buildctl", "--version"]);
    expect(client.stdout).toContain(`v${report.clientVersion}`);
  });

  it("builds with the constructed argv, loads into docker, and reads docker's id", {
    timeout: 300_000,
  }, async () => {
    dir = await tempDir("bento-test-buildctl-");
    const context = join(dir.path, "context");
    await mkdir(context);
    await writeFile(join(context, "hello.txt"), "hello\n");
    const file = join(dir.path, "svc.dockerfile");
    await writeFile(
      file,
      `FROM ${registryBaseImage()}\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt\n`,
    );
    const report = await buildctlBackend.diagnose({ env: process.env });
    const invocation = {
      contextPath: context,
      file,
      tag: [tag],
      metadataFile: join(dir.path, "metadata.json"),
      label: { "org.bento-container.test": "buildctl" },
      version: report.version,
    };
    const args = buildctlBackend.constructBuildArgs(invocation);
    const load = buildctlBackend.loadCommand?.(invocation);
    expect(load).toEqual(["docker", "load"]);
    const quoted = (argv: readonly string[]) => argv.map((arg) => `'${arg}'`).join(" ");
    const command = `set -o pipefail; ${quoted(["buildctl", ...buildctlBackend.buildCommand, ...args])} | ${quoted(load ?? [])}`;
    const built = await exec(["bash", "-c", command], { timeoutMs: 280_000 });
    expect(built.exitCode, built.stderr).toBe(0);
    const id = buildctlBackend.imageId?.parse(await readFile(invocation.metadataFile, "utf8"));
    const info = await imageInspect("buildctl", tag);
    expect(info.id).toBe(id);
    expect(info.labels["org.bento-container.test"]).toBe("buildctl");
  });

  it("has an option for every `buildctl build` flag, and writes only flags it lists", async () => {
    const help = await exec(["buildctl", "build", "--help"]);
    expect(help.exitCode).toBe(0);
    const listed = helpFlags(help.stdout);
    // The frontend options become `--opt key=value`, and the output choices pick `--output`.
    const table: OptionTable = buildctlFlags;
    expect(flagsMissingFromTable(listed, table)).toEqual([]);
    expect([...tableFlags(table)].filter((flag) => !listed.has(flag))).toEqual([]);
  });
});
