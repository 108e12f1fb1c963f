import { execFile } from "node:child_process";

/** How a command ended. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an argv without a shell; resolves however it ends. */
export function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  const [file, ...args] = argv;
  return new Promise((resolve) => {
    execFile(file!, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
