import { rm } from "node:fs/promises";
import { join } from "node:path";
import { getContainerfile } from "@bento/container-core";
import {
  buildkitTcp,
  registryAddress,
  registryBaseImage,
  startFreshBuildkitd,
} from "@bento/test-support";
import { copyBento } from "../bentoml-way.js";
import { byteProxy } from "../byte-proxy.js";
import { timed } from "../clock.js";
import { mustRun } from "../command.js";
import { BENTO_BIN } from "../paths.js";
import { type Summary, summarize } from "../stats.js";
import type { BenchWorkspace } from "../workspace.js";

/** Both ways on the remote BuildKit daemon, and builder B with and without the shared cache. */
export interface RemoteBuilds {
  /** The daemon's TCP address (through the counting proxy). */
  endpoint: string;
  /** Rebuild after a one-line `src/` edit, pushed to the registry; bytes sent to the daemon. */
  bento: { change: Summary; sentBytes: number };
  bentoml: { change: Summary; sentBytes: number };
  /** `bento containerize` on a fresh buildkitd importing the registry cache, and without it. */
  fresh: { withCache: Summary; without: Summary };
}

/** What the remote section needs. */
export interface RemoteInput {
  workspace: BenchWorkspace;
  reps: number;
  runId: string;
  log(line: string): void;
}

/**
 * On the buildkitd setup.sh runs (its TCP address, mutual TLS, reached through a
 * proxy that counts what the client sends): per repetition a one-line edit, then
 * our rebuild and BentoML's (a full copy as its context, the compat Containerfile,
 * `buildctl build` there), both pushing to the loopback registry. Then, per
 * repetition, a fresh buildkitd builds the bento importing the cache builder A
 * exported to the registry, and another fresh one builds it without. Ours runs
 * with `--no-reproducible`, as BentoML's way pins no timestamps either.
 */
export async function benchRemote(input: RemoteInput): Promise<RemoteBuilds> {
  const { workspace, log } = input;
  const tcp = buildkitTcp();
  const proxy = await byteProxy(tcp.host.slice("tcp://".length));
  const remote = { BUILDKIT_HOST: proxy.address, BENTO_BUILDKIT_TLS_DIR: tcp.tlsDir };
  const ref = (what: string) => `${registryAddress()}/bento-bench-remote:${what}-${input.runId}`;
  const cacheRef = `${registryAddress()}/bento-bench-cache:${input.runId}`;
  const cacheDir = await workspace.freshDir("remote-cache-");
  const ours = (env: NodeJS.ProcessEnv, flags: string[], cache = cacheDir) =>
    mustRun(
      [
        ...[
          process.execPath,
          BENTO_BIN,
          "containerize",
          workspace.bentoTag,
          "--backend",
          "buildctl",
        ],
        ...["--base-image", registryBaseImage(), "--json", "--progress", "quiet"],
        // BentoML's way pins no timestamps; with them, BuildKit 0.13's rewrite-timestamp
        // re-compresses every layer, the model's too, at each export (see the README).
        ...["--no-reproducible", ...flags],
      ],
      { env: { ...workspace.env(cache), ...env } },
    );
  const theirs = async () => {
    const dir = await workspace.freshDir("bentoml-remote-");
    try {
      await copyBento(workspace, dir);
      const file = join(dir, "env/docker/Dockerfile");
      await getContainerfile(dir, {
        layout: "compat",
        enableBuildkit: true,
        baseImage: registryBaseImage(),
        outputPath: file,
      });
      await mustRun([
        ...["buildctl", "--addr", proxy.address, "--tlsdir", tcp.tlsDir, "build"],
        ...["--frontend", "dockerfile.v0", "--local", `context=${dir}`],
        ...["--local", `dockerfile=${join(dir, "env/docker")}`, "--opt", "filename=Dockerfile"],
        ...["--output", `type=image,name=${ref("bentoml")},push=true`],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const push = (what: string) => ["-t", ref(what), "--opt", "push"];
  const samples = {
    bento: [] as number[],
    bentoml: [] as number[],
    withCache: [] as number[],
    without: [] as number[],
  };
  const sent = { bento: 0, bentoml: 0 };
  try {
    // Builder A: both ways built once (the cache below the edit warm), the cache exported.
    await ours(remote, [
      ...push("bento"),
      "--opt",
      `export-cache=type=registry,ref=${cacheRef},mode=max`,
    ]);
    await theirs();
    for (let rep = 1; rep <= input.reps; rep++) {
      await workspace.editSource();
      for (const way of ["bento", "bentoml"] as const) {
        proxy.reset();
        const build = async () => {
          if (way === "bento") await ours(remote, push("bento"));
          else await theirs();
        };
        const { ms } = await timed(build);
        samples[way].push(ms);
        if (rep === 1) sent[way] = proxy.sent();
        log(
          `remote ${way} change #${rep}: ${(ms / 1000).toFixed(1)} s, ${proxy.sent()} bytes sent`,
        );
      }
    }
    for (let rep = 1; rep <= input.reps; rep++) {
      for (const kind of ["withCache", "without"] as const) {
        const builder = await startFreshBuildkitd();
        const cache = await workspace.freshDir("fresh-cache-");
        try {
          // The image stays in B's store: the time is the build's, not a push's.
          const flags = ["--opt", `output=type=image,name=bento-bench-fresh:${kind}`];
          if (kind === "withCache")
            flags.push("--opt", `import-cache=type=registry,ref=${cacheRef}`);
          const env = { BUILDKIT_HOST: builder.address, BENTO_BUILDKIT_TLS_DIR: "" };
          const { ms } = await timed(() => ours(env, flags, cache));
          samples[kind].push(ms);
          log(`remote fresh builder ${kind} #${rep}: ${(ms / 1000).toFixed(1)} s`);
        } finally {
          await builder.stop();
          await rm(cache, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await proxy.close();
  }
  return {
    endpoint: tcp.host,
    bento: { change: summarize(samples.bento), sentBytes: sent.bento },
    bentoml: { change: summarize(samples.bentoml), sentBytes: sent.bentoml },
    fresh: { withCache: summarize(samples.withCache), without: summarize(samples.without) },
  };
}
