import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBentoConfig } from "../bento/load-config.js";
import { generateContainerfile } from "../containerfile/generate.js";
import {
  codeContainerfile,
  codeIgnoreFile,
  labelInstruction,
  splitContainerfile,
  wholeContextCopy,
} from "./split.js";

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

  it("copies the whole context in one COPY when every code line can be one", () => {
    const entries = ["README.md", "env", "models", "src"];
    const lines = ["FROM base", "COPY --chown=u:u ./env ./env", "RUN install"];
    const split = splitContainerfile(
      [...lines, "COPY --chown=u:u ./README.md ./README.md", "COPY --chown=u:u ./src ./src"].join(
        "\n",
      ),
      entries,
    )!;
    expect(wholeContextCopy(split)).toBe("--chown=u:u");
    expect(codeIgnoreFile(entries, split)).toBe("env\nmodels\n");
    const labels = { "ai.bentoml.bento": "iris:v1" };
    expect(
      codeContainerfile("e:k", split, { files: new Set(), labels, wholeContext: "--chown=u:u" }),
    ).toBe('FROM e:k\nCOPY --chown=u:u . ./\nLABEL "ai.bentoml.bento"="iris:v1"\n');
    const owners = splitContainerfile(
      [...lines, "COPY --chown=u:u ./README.md ./README.md", "COPY --chown=v:v ./src ./src"].join(
        "\n",
      ),
      entries,
    )!;
    expect(wholeContextCopy(owners)).toBeUndefined();
    const json = splitContainerfile(
      [...lines, 'COPY --chown=u:u ["./my src", "./my src"]'].join("\n"),
      ["env", "my src"],
    )!;
    expect(wholeContextCopy(json)).toBeUndefined();
  });

  it("leaves names that an ignore file would read as patterns to per-entry copies", () => {
    const split = splitContainerfile("FROM a\nCOPY --chown=u:u ./src ./src\n", ["src"])!;
    expect(codeIgnoreFile(["src", "models"], split)).toBe("models\n");
    expect(codeIgnoreFile(["src", "mod*"], split)).toBeUndefined();
    expect(codeIgnoreFile(["src", "!models"], split)).toBeUndefined();
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
