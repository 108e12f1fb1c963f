import { describe, expect, it } from "vitest";
import { parseFacts } from "./image-facts.js";

describe("parseFacts", () => {
  it("reads each tagged line of the probe's output", () => {
    const stdout = [
      "@user bentoml 1034",
      "@pwd /home/bentoml/bento",
      "@python /app/.venv/bin/python",
      "@ran commands-ran built",
      "@ran post-commands-ran /app/.venv",
      "@env IRIS_MODE=demo",
      "@env OPTS=a=b c",
      `@sha ${"a".repeat(64)}  ./src/service.py`,
      `@sha ${"b".repeat(64)}  ./models/m/v/two  spaces`,
      "",
    ].join("\n");
    expect(parseFacts(stdout)).toEqual({
      user: "bentoml",
      uid: "1034",
      pwd: "/home/bentoml/bento",
      python: "/app/.venv/bin/python",
      env: { IRIS_MODE: "demo", OPTS: "a=b c" },
      ran: { "commands-ran": "built", "post-commands-ran": "/app/.venv" },
      digests: { "src/service.py": "a".repeat(64), "models/m/v/two  spaces": "b".repeat(64) },
    });
  });

  it("leaves out what the probe did not print", () => {
    expect(parseFacts("noise\n@python \n")).toMatchObject({ user: "", python: "", env: {} });
  });
});
