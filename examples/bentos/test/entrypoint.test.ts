import { join } from "node:path";
import { exec, type RecordingStandIn, recordingStandIn } from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IRIS, SENTIMENT } from "./paths.js";

// Both bentos' env/docker/entrypoint.sh, run by the host's sh with a recording
// stand-in `bentoml` on PATH.

describe.each([
  ["iris-classifier", IRIS],
  ["sentiment-legacy", SENTIMENT],
])("%s entrypoint", (_name, dir) => {
  const entrypoint = join(dir, "env/docker/entrypoint.sh");
  let bentoml: RecordingStandIn;
  beforeAll(async () => {
    bentoml = await recordingStandIn("bentoml", { envKeys: ["BENTOML_PORT"] });
  });
  afterAll(() => bentoml.cleanup());

  const start = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const env = { PATH: bentoml.pathEnv(), BENTO_PATH: "/home/bentoml/bento", ...extraEnv };
    const before = (await bentoml.calls()).length;
    const result = await exec(["sh", entrypoint, ...args], { env });
    return { ...result, calls: (await bentoml.calls()).slice(before) };
  };

  it("runs a given command: IMAGE echo ok prints ok", async () => {
    const result = await start(["echo", "ok"]);
    expect(result).toMatchObject({ exitCode: 0, stdout: "ok\n", calls: [] });
  });

  it("passes the command's exit code through", async () => {
    expect((await start(["sh", "-c", "exit 7"])).exitCode).toBe(7);
  });

  it.each([
    [[], ["serve", "/home/bentoml/bento"]],
    [
      ["--port", "4000"],
      ["serve", "/home/bentoml/bento", "--port", "4000"],
    ],
    [
      ["serve-http", "--production"],
      ["serve-http", "--production"],
    ],
  ])("with %j runs bentoml %j", async (args, expected) => {
    const result = await start(args);
    expect(result.exitCode).toBe(0);
    expect(result.calls.map((call) => call.argv)).toEqual([expected]);
  });

  it("exports PORT as BENTOML_PORT", async () => {
    const result = await start([], { PORT: "8080" });
    expect(result.calls[0]?.env).toEqual({ BENTOML_PORT: "8080" });
  });
});
