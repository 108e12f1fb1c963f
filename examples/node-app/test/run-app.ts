import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root: the app runs from there, as the README shows. */
export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/** A running app: its process, what it printed so far, and its end. */
export interface AppRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr contains `text`; rejects if the app ends first. */
  waitForStderr(text: string): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/main.js ARGS` in the repository root. */
export function runApp(args: readonly string[], env: NodeJS.ProcessEnv): AppRun {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: REPO,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const waiters: (() => void)[] = [];
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const check of waiters) check();
  });
  const waitForStderr = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => stderr.includes(text) && resolve();
      waiters.push(check);
      check();
      exit.then(() => reject(new Error(`the app ended before printing "${text}":\n${stderr}`)));
    });
  return { child, stdout: () => stdout, stderr: () => stderr, waitForStderr, exit };
}
