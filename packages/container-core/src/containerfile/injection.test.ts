import { afterAll, describe, expect, it } from "vitest";
import { KEYWORDS, parseInstructions, TempBentos } from "../../test/helpers/containerfile.js";
import { BentoError } from "../errors.js";
import type { ContainerfileOptions } from "./options.js";

const bentos = new TempBentos();
afterAll(() => bentos.cleanup());

/** Values that would add `USER pwned` to the Containerfile if written raw. */
const PAYLOADS = ["x\nUSER pwned", "x\r\nUSER pwned", "x \\\nUSER pwned", "x\u0000\nUSER pwned"];
/** bento.yaml lines `key: <JSON>` (JSON is YAML flow syntax), after the name/version/service lines. */
const yaml = (root: Record<string, unknown>) =>
  `${Object.entries(root)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n")}\n`;
/** A spec 1 bento with these docker options. */
const V1 = (docker: object = {}) => yaml({ docker: { python_version: "3.11", ...docker } });
/** A spec 2 bento with these image options and envs. */
const V2 = (image: object = {}, envs: object[] = []) =>
  yaml({
    spec: 2,
    envs,
    image: { base_image: "python:3.11-slim", python_version: "3.11", ...image },
  });
const FILES = { "env/docker/Dockerfile.template": "{% extends bento_base_template %}\n" };
const none = () => ({});

/** Each place a bento.yaml value (or option) reaches the Containerfile, and a harmless value for it. */
const CASES: [string, string, (v: string) => string, (v: string) => ContainerfileOptions][] = [
  ["docker.env value", "1", (v) => V1({ env: { A: v } }), none],
  ["docker.env name", "B", (v) => V1({ env: { [v]: "1" } }), none],
  ["docker.system_packages", "curl", (v) => V1({ system_packages: ["git", v] }), none],
  ["docker.base_image", "img:1", (v) => V1({ base_image: v }), none],
  ["docker.python_version", "", (v) => V1({ python_version: `3.11${v}` }), none],
  ["docker.cuda_version", "", (v) => V1({ cuda_version: `12${v}` }), none],
  ["docker.distro", "", (v) => V1({ distro: `debian${v}` }), none],
  ["docker.setup_script", "./setup.sh", (v) => V1({ setup_script: v }), none],
  ["docker.dockerfile_template", "./t.j2", (v) => V1({ dockerfile_template: v }), none],
  ["image.base_image", "img:1", (v) => V2({ base_image: v }), none],
  ["image.python_version", "", (v) => V2({ python_version: `3.11${v}` }), none],
  ["image.commands", "echo hi", (v) => V2({ commands: [v] }), none],
  ["image.post_commands", "echo hi", (v) => V2({ post_commands: [v] }), none],
  ["image.build_include", "service.py", (v) => V2({ build_include: [v] }), none],
  ["envs[].value", "1", (v) => V2({}, [{ name: "A", value: v }]), none],
  ["envs[].name", "B", (v) => V2({}, [{ name: v, value: "1" }]), none],
  ["envs[].name (build stage)", "B", (v) => V2({}, [{ name: v, stage: "build" }]), none],
  ["baseImage option", "img:1", () => V1(), (v) => ({ baseImage: v })],
  ["frontend option", "docker/dockerfile:1", () => V1(), (v) => ({ frontend: v })],
  ["contextEntries option", "README.md", () => V1(), (v) => ({ contextEntries: ["src", v] })],
  ["features option", "grpc", () => V1(), (v) => ({ features: [v] })],
];

describe("no value from bento.yaml starts a Containerfile instruction", () => {
  for (const [where, harmless, bento, options] of CASES) {
    it(`${where}: the harmless value renders (the case reaches the generator)`, async () => {
      const text = await bentos.render(bento(harmless), options(harmless), FILES);
      expect(parseInstructions(text).length).toBeGreaterThan(10);
    });

    it.each(PAYLOADS)(`${where} %j`, async (payload) => {
      let text: string;
      try {
        text = await bentos.render(bento(payload), options(payload), FILES);
      } catch (error) {
        // Refused, by the generator (not the YAML parser), with an error naming what and why.
        expect(error).toBeInstanceOf(BentoError);
        expect((error as Error).message).not.toMatch(/not valid YAML|is empty/);
        return;
      }
      const instructions = parseInstructions(text);
      expect(instructions.filter((i) => !KEYWORDS.has(i.keyword))).toEqual([]);
      expect(instructions.filter((i) => i.text.startsWith("USER pwned"))).toEqual([]);
    });
  }

  it("refuses line breaks with an error naming the key", async () => {
    const error = await bentos.render(V1({ env: { A: "x\nUSER pwned" } })).catch((e: unknown) => e);
    expect((error as Error).message).toContain("bento.yaml: docker.env.A holds a line break");
    const packages = await bentos
      .render(V1({ system_packages: ["git", "y\nRUN z"] }))
      .catch((e: unknown) => e);
    expect((packages as Error).message).toContain("docker.system_packages[1]");
    const command = await bentos.render(V2({ commands: ["a\nRUN b"] })).catch((e: unknown) => e);
    expect((command as Error).message).toContain("image.commands[0]");
  });

  it.each([
    ["image.commands[0]", V2({ commands: ["echo a \\"] })],
    ["image.post_commands[0]", V2({ post_commands: ["true \\"] })],
    ["image.base_image", V2({ base_image: "python:3.11 \\" })],
    ["docker.base_image", V1({ base_image: "img \\" })],
  ])(
    "refuses a trailing backslash in %s, which would swallow the next instruction",
    async (key, yaml) => {
      await expect(bentos.render(yaml)).rejects.toThrow(`bento.yaml: ${key} ends with a backslash`);
    },
  );
});
