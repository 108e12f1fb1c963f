import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../../test/helpers/rejection.js";
import { AbortedError, CommandFailedError } from "../errors.js";
import { runBuildProcess } from "./run-build.js";

let work: string;
const env = { PATH: process.env.PATH ?? "" };

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-run-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Alive and not a zombie waiting for a reaper. */
function isRunning(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

describe("runBuildProcess", () => {
  it("streams lines from both streams, without a shell, in the given cwd", async () => {
    const seen: string[] = [];
    const result = await runBuildProcess(["sh", "-c", 'echo "out $PWD"; echo err >&2', "x"], {
      env,
      cwd: work,
      onLine: (stream, line) => seen.push(`${stream}:${line}`),
    });
    expect(seen).toContain(`stdout:out ${work}`);
    expect(seen).toContain("stderr:err");
    expect(result.output).toContain("err");
  });

  it("passes only the given environment", async () => {
    const seen: string[] = [];
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell script, not a template
    await runBuildProcess(["sh", "-c", "echo ${ONLY:-none} ${HOME:-nohome}"], {
      env: { ...env, ONLY: "yes" },
      cwd: work,
      onLine: (_, line) => seen.push(line),
    });
    expect(seen).toEqual(["yes nohome"]);
  });

  it("rejects with the exit code and the output's tail", async () => {
    const error = await rejectionOf<CommandFailedError>(
      runBuildProcess(["sh", "-c", "echo step one; echo boom >&2; exit 3"], {
        env,
        cwd: work,
      }),
    );
    expect(error).toBeInstanceOf(CommandFailedError);
    expect(error.message).toMatch(/^Command failed: sh -c .*, exit code: 3$/);
    expect(error.engineExitCode).toBe(3);
    expect(error.outputTail).toContain("boom");
  });

  it("explains exit 137 as a kill for memory", async () => {
    const error = await rejectionOf<CommandFailedError>(
      runBuildProcess(["sh", "-c", "exit 137"], { env, cwd: work }),
    );
    expect(error.hint).toMatch(/memory/);
  });

  it("stops the whole process tree on abort", async () => {
    const pidFile = join(work, "grandchild.pid");
    const controller = new AbortController();
    const running = runBuildProcess(["sh", "-c", `sleep 30 & echo $! > ${pidFile}; wait`], {
      env,
      cwd: work,
      signal: controller.signal,
      killGraceMs: 500,
    });
    while (!existsSync(pidFile)) await new Promise((r) => setTimeout(r, 20));
    const grandchild = Number(await readFile(pidFile, "utf8"));
    controller.abort();
    await expect(running).rejects.toThrow(AbortedError);
    await expect(running).rejects.toMatchObject({ exitCode: 130 });
    await new Promise((r) => setTimeout(r, 700));
    expect(isRunning(grandchild)).toBe(false);
  });

  it("exits as the signal an abort names: SIGTERM is 143", async () => {
    const controller = new AbortController();
    controller.abort("SIGTERM");
    const running = runBuildProcess(["sleep", "30"], { env, cwd: work, signal: controller.signal });
    await expect(running).rejects.toMatchObject({ code: "E_ABORTED", exitCode: 143 });
  });

  it("pipes stdout into a loader and reports the loader's failure", async () => {
    const out = join(work, "loaded");
    await runBuildProcess(["sh", "-c", "printf tarball"], {
      env,
      cwd: work,
      loader: ["sh", "-c", `cat > ${out}`],
    });
    expect(await readFile(out, "utf8")).toBe("tarball");
    await writeFile(out, "");
    await expect(
      runBuildProcess(["sh", "-c", "printf x"], {
        env,
        cwd: work,
        loader: ["sh", "-c", "cat >/dev/null; exit 4"],
      }),
    ).rejects.toThrow(/exit code: 4/);
  });
});
