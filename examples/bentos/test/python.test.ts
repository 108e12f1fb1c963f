import { cp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { which } from "@bento/container-core";
import { exec, isCi, type RecordingStandIn, recordingStandIn, tempDir } from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IRIS, SENTIMENT } from "./paths.js";

// The services never run here (BentoML is not installed); python3 only parses
// them. install.sh runs under bash with a recording stand-in `uv`.

function hostHas(binary: string): boolean {
  if (which(binary)) return true;
  const reason = `${binary} is not on PATH`;
  if (isCi(process.env)) throw new Error(`CI needs ${binary}: ${reason}`);
  console.warn(`Skipping the ${binary} checks of the example bentos: ${reason}.`);
  return false;
}

describe.skipIf(!hostHas("python3")).each([
  ["iris-classifier", IRIS],
  ["sentiment-legacy", SENTIMENT],
])("%s service.py", (_name, dir) => {
  it("is valid Python 3", async () => {
    const check = "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])";
    const result = await exec(["python3", "-c", check, join(dir, "src/service.py")], {});
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
  });
});

describe.skipIf(!hostHas("bash"))("sentiment-legacy install.sh", () => {
  let uv: RecordingStandIn;
  beforeAll(async () => {
    uv = await recordingStandIn("uv");
  });
  afterAll(() => uv.cleanup());

  const install = async (pythonDir: string) => {
    const before = (await uv.calls()).length;
    const env = { PATH: uv.pathEnv() };
    const result = await exec(["bash", "-euxo", "pipefail", join(pythonDir, "install.sh")], {
      env,
    });
    return { ...result, calls: (await uv.calls()).slice(before).map((call) => call.argv) };
  };

  it("installs nothing for the empty requirements.txt", async () => {
    const result = await install(join(SENTIMENT, "env/python"));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("no Python requirements to install");
    expect(result.calls).toEqual([]);
  });

  it("installs requirements.txt, or the lock file when there is one", async () => {
    const dir = await tempDir("install-sh-");
    try {
      await cp(join(SENTIMENT, "env/python"), dir.path, { recursive: true });
      await writeFile(join(dir.path, "requirements.txt"), "numpy==1.26.4\n");
      const plain = await install(dir.path);
      expect(plain.calls).toEqual([["pip", "install", "-r", join(dir.path, "requirements.txt")]]);

      await writeFile(join(dir.path, "requirements.lock.txt"), "numpy==1.26.4\n");
      const locked = await install(dir.path);
      expect(locked.calls).toEqual([
        ["pip", "install", "-r", join(dir.path, "requirements.lock.txt")],
      ]);
    } finally {
      await dir.cleanup();
    }
  });
});
