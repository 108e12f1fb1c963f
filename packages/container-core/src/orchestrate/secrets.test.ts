import { describe, expect, it } from "vitest";
import { parseBentoConfig } from "../bento/load-config.js";
import { BentoError } from "../errors.js";
import { buildStageSecrets } from "./secrets.js";

function config(envs: string) {
  return parseBentoConfig(
    [
      "name: s",
      "version: v1",
      "service: a:B",
      "spec: 2",
      "image: {python_version: '3.11'}",
      envs,
    ].join("\n"),
    "bento.yaml",
  );
}

describe("buildStageSecrets (BentoML's os.getenv(name, value))", () => {
  const yaml =
    "envs:\n  - {name: TOKEN, value: from-yaml, stage: build}\n  - {name: EMPTY, value: '', stage: build}\n  - {name: PLAIN, value: x}";

  it("takes the environment's value over the bento.yaml value, '' included", () => {
    const warnings: string[] = [];
    const values = buildStageSecrets(
      config(yaml),
      { TOKEN: "from-env", EMPTY: "env-fills-empty" },
      (m) => warnings.push(m),
    );
    expect(values).toEqual({ TOKEN: "from-env", EMPTY: "env-fills-empty" });
    expect(warnings).toEqual([]);
  });

  it("falls back to the bento.yaml value, warning when that value is empty", () => {
    const warnings: string[] = [];
    expect(buildStageSecrets(config(yaml), {}, (m) => warnings.push(m))).toEqual({
      TOKEN: "from-yaml",
      EMPTY: "",
    });
    expect(warnings).toEqual([expect.stringContaining('"EMPTY" is empty')]);
  });

  it("an environment variable set to '' still wins, as os.getenv does", () => {
    expect(buildStageSecrets(config(yaml), { TOKEN: "", EMPTY: "" }, () => {})).toMatchObject({
      TOKEN: "",
    });
  });

  it("refuses, naming every env, when neither the environment nor bento.yaml gives a value", () => {
    const both = config(
      "envs:\n  - {name: A_TOKEN, stage: build}\n  - {name: B_TOKEN, stage: build}",
    );
    let error: unknown;
    try {
      buildStageSecrets(both, { A_TOKEN_X: "no" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BentoError);
    expect((error as BentoError).exitCode).toBe(2);
    expect((error as BentoError).message).toContain("A_TOKEN, B_TOKEN have no value");
    expect((error as BentoError).hint).toContain("Set A_TOKEN, B_TOKEN in the environment");
  });
});
