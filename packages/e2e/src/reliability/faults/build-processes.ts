import { findProcesses, type ProcessInfo } from "../support/processes.js";

/** The `docker build` process (the docker CLI, not its buildx plugin) building `tag`. */
export async function dockerBuildOf(tag: string): Promise<ProcessInfo | undefined> {
  const [found] = await findProcesses(
    (argv) => /(?:^|\/)docker$/.test(argv[0]!) && isBuildCommand(argv) && argv.includes(tag),
  );
  return found;
}

/** `docker build`, or `docker buildx build` as the docker backend calls it where docker would forward. */
function isBuildCommand(argv: readonly string[]): boolean {
  return argv[1] === "build" || (argv[1] === "buildx" && argv[2] === "build");
}

/** Every live process whose argv names `tag` (docker, its plugin) or, if given, runs `step` (the RUN). */
export function buildLeftovers(tag: string, step?: string): Promise<ProcessInfo[]> {
  return findProcesses(
    (argv) =>
      (argv.includes(tag) && !argv.some((arg) => arg.endsWith("bin.js"))) ||
      argv.join(" ") === step,
  );
}
