import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBentoConfig } from "../bento/load-config.js";
import { generateContainerfile } from "../containerfile/generate.js";
import { codeContainerfile, labelInstruction, splitContainerfile } from "./split.js";

const EXAMPLES = fileURLToPath(new URL("../../../../examples/bentos/", import.meta.url));
const ENTRIES = ["README.md", "bento.yaml", "env", "models", "src"];

async function layered(name: string, entries = ENTRIES): Promise<string> {
  const dir = `${EXAMPLES}${name}`;
  const config = await loadBentoConfig(dir);
  return generateContainerfile({ dir, config }, { layout: "layered", contextEntries: entries });
}

describe("splitContainerfile", () => {
  it.each(["iris-classifier"])(
    "cuts %s's layered Containerfile into environment and code",
    async (name) => {
      const text = await layered(name);
      const split = splitContainerfile(text, ENTRIES);
      expect(split).toBeDefined();
      if (!split) return;
      expect(split.codeLines.map((line) => line.split(" ").at(-1))).toEqual(
        expect.arrayContaining(["./README.md", "./bento.yaml", "./src"]),
      );
      expect(split.codeLines).toHaveLength(3);
      expect(split.environment).toContain("./models ./models");
      expect(split.environment).toContain("ENTRYPOINT");
      expect(split.environment).not.toMatch(/\.\/src \.\/src|\.\/bento\.yaml/);
      expect(split.environmentEntries).toEqual(["env", "models"]);
      // Nothing lost, nothing added: the two parts hold the original lines.
      const rejoined = [...split.environment.split("\n"), ...split.codeLines].sort();
      expect(rejoined).toEqual(text.split("\n").sort());
    },
  );

  it("keeps the single build where a setup script runs after the code (sentiment-legacy)", async () => {
    const text = await layered("sentiment-legacy");
    expect(text).toMatch(/\.\/src \.\/src\n(.*\n)*RUN .*setup_script/);
    expect(splitContainerfile(text, ENTRIES)).toBeUndefined();
  });

  it("puts the code FROM the environment image: files in one COPY, labels in one LABEL", () => {
    const split = splitContainerfile(
      [
        "FROM base",
        "RUN install",
        "COPY --chown=u:u ./README.md ./README.md",
        "COPY --chown=u:u ./apis ./apis",
        "COPY --chown=u:u ./bento.yaml ./bento.yaml",
        "COPY --chown=u:u ./src ./src",
        "USER u",
      ].join("\n"),
      ["README.md", "apis", "bento.yaml", "src"],
    );
    expect(split).toBeDefined();
    if (!split) return;
    const labels = { "ai.bentoml.bento": "iris:v1", "org.opencontainers.image.title": "iris" };
    expect(
      codeContainerfile("bento-env-x:k", split, {
        files: new Set(["README.md", "bento.yaml"]),
        labels,
      }),
    ).toBe(
      [
        "FROM bento-env-x:k",
        "ARG SOURCE_DATE_EPOCH",
        "COPY --chown=u:u ./README.md ./bento.yaml ./",
        "COPY --chown=u:u ./apis ./apis",
        "COPY --chown=u:u ./src ./src",
        'LABEL "ai.bentoml.bento"="iris:v1" "org.opencontainers.image.title"="iris"',
        "",
      ].join("\n"),
    );
    expect(codeContainerfile("e", split, { files: new Set(["README.md"]), labels: {} })).toContain(
      "\nCOPY --chown=u:u ./README.md ./README.md\n",
    );
  });

  it.each([
    ["a quote", { a: 'say "hi"' }],
    ["a dollar", { a: "$HOME" }],
    ["a backslash", { "a\\b": "c" }],
    ["a newline", { a: "b\nc" }],
  ])("leaves labels with %s to the command line", (_what, labels) => {
    expect(labelInstruction(labels)).toBeUndefined();
  });

  it("counts code copied before the install step as environment input", () => {
    const text = [
      "FROM base",
      "COPY --chown=u:u ./src/pkg ./src/pkg",
      "RUN install",
      "COPY --chown=u:u ./src ./src",
    ].join("\n");
    expect(splitContainerfile(text, ["env", "src"])?.environmentEntries).toEqual(["env", "src"]);
  });

  it.each([
    ["several stages", "FROM a AS x\nFROM x\nCOPY --chown=u:u ./src ./src\n"],
    [
      "a RUN after the code",
      "FROM a\nCOPY --chown=u:u ./src ./src\nRUN python -m compileall src\n",
    ],
    ["a code entry copied some other way", "FROM a\nCOPY . ./\n"],
    ["an ADD after the code", "FROM a\nCOPY --chown=u:u ./src ./src\nADD x y\n"],
  ])("keeps the single build for %s", (_why, text) => {
    expect(splitContainerfile(text, ["src"])).toBeUndefined();
  });
});
