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
  /**
   * `bento containerize` on a fresh buildkitd: importing the cache builder A exported for
   * this bento, importing the one it exported before the `src/` edits, and without a cache.
   */
  fresh: { withCache: Summary; earlierCache: Summary; without: Summary };
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
 * `buildctl build` there), both pushing to the loopback registry. Builder A then
 * exports the cache of the bento as it now is. Per repetition, a fresh buildkitd
 * builds the same bento importing that cache, another imports the cache A exported
 * before the edits (only the code's `COPY` misses), and another builds without a
 * cache. Ours runs with `--no-reproducible`, as BentoML's way pins no timestamps.
 */
export async function benchRemote(input: RemoteInput): Promise<RemoteBuilds> {
  const { workspace, log } = input;
  const tcp = buildkitTcp();
  const proxy = await byteProxy(tcp.host.slice("tcp://".length));
  const remote = { BUILDKIT_HOST: proxy.address, BENTO_BUILDKIT_TLS_DIR: tcp.tlsDir };
  const ref = (what: string) => `${registryAddress()}/bento-bench-remote:${what}-${input.runId}`;
  const cacheRef = (what: string) =>
    `${registryAddress()}/bento-bench-cache:${what}-${input.runId}`;
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
    earlierCache: [] as number[],
    without: [] as number[],
  };
  const sent = { bento: 0, bentoml: 0 };
  try {
    const exportCache = (what: string) => [
      "--opt",
      `export-cache=type=registry,ref=${cacheRef(what)},mode=max`,
    ];
    // Builder A: both ways built once (the cache below the edit warm), the cache exported.
    await ours(remote, [...push("bento"), ...exportCache("earlier")]);
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
    // What a shared cache holds after A's last build (CI exports it with every build).
    await ours(remote, [...push("bento"), ...exportCache("current")]);
    const imports = { withCache: "current", earlierCache: "earlier", without: undefined };
    for (let rep = 1; rep <= input.reps; rep++) {
      for (const kind of ["withCache", "earlierCache", "without"] as const) {
        const builder = await startFreshBuildkitd();
        const cache = await workspace.freshDir("fresh-cache-");
        try {
          // The image stays in B's store: the time is the build's, not a push's.
          const flags = ["--opt", `output=type=image,name=bento-bench-fresh:${kind}`];
          const from = imports[kind];
          if (from) flags.push("--opt", `import-cache=type=registry,ref=${cacheRef(from)}`);
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
    fresh: {
      withCache: summarize(samples.withCache),
      earlierCache: summarize(samples.earlierCache),
      without: summarize(samples.without),
    },
  };
}
