import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { timed } from "../clock.js";
import { mustRun } from "../command.js";
import type { BenchEngine } from "../engines.js";
import type { ImageLedger } from "../images.js";
import { type Summary, summarize } from "../stats.js";
import type { BenchWorkspace } from "../workspace.js";

/**
 * Flags of the engine's own cached build: buildah caches nothing unless asked
 * (https://github.com/containers/buildah/blob/main/docs/buildah-build.1.md, --layers).
 */
const CACHED: Readonly<Record<string, readonly string[]>> = { buildah: ["--layers"] };

/**
 * The floor of a code-change rebuild on one engine: its own cached build of a
 * two-line Containerfile (`FROM` the image our rebuild's build is `FROM`: the
 * run's base image, or on podman and buildah the environment image; then
 * `COPY src`) after a one-line edit of `src/`, timed `reps` times after one
 * untimed warm-up.
 */
export async function benchFloor(
  engine: BenchEngine,
  workspace: BenchWorkspace,
  fromImage: string,
  reps: number,
  ledger: ImageLedger,
): Promise<Summary> {
  const dir = await workspace.freshDir("floor-");
  await cp(join(workspace.bentoDir, "src"), join(dir, "src"), { recursive: true });
  const file = join(dir, "Containerfile");
  await writeFile(file, `FROM ${fromImage}\nCOPY src /home/bentoml/bento/src\n`);
  const argv = [
    engine.name,
    "build",
    ...(CACHED[engine.name] ?? []),
    "--file",
    file,
    "--tag",
    `bento-bench-floor:${engine.name}`,
    dir,
  ];
  const env = { ...process.env, ...engine.env };
  let edits = 0;
  const build = async () => {
    await writeFile(join(dir, "src", "service.py"), `# floor edit ${++edits}\n`, { flag: "a" });
    return timed(() => mustRun(argv, { env }));
  };
  await build();
  const samples: number[] = [];
  for (let rep = 0; rep < reps; rep++) samples.push((await build()).ms);
  await ledger.add(`bento-bench-floor:${engine.name}`);
  return summarize(samples);
}
