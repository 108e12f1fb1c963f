import { findProcesses, type ProcessInfo } from "../support/processes.js";

/** The `docker build` process (the docker CLI, not its buildx plugin) building `tag`. */
export async function dockerBuildOf(tag: string): Promise<ProcessInfo | undefined> {
  const [found] = await findProcesses(
    (argv) => /(?:^|\/)docker$/.test(argv[0]!) && argv[1] === "build" && argv.includes(tag),
  );
  return found;
}

/** Every live process whose argv names `tag` (docker, its plugin) or, if given, runs `step` (the RUN). */
export function buildLeftovers(tag: string, step?: string): Promise<ProcessInfo[]> {
  return findProcesses(
    (argv) =>
      (argv.includes(tag) && !argv.some((arg) => arg.endsWith("bin.js"))) ||
      argv.join(" ") === step,
  );
}
