import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { spec1, spec2, writeFiles, writeStoreModel } from "../support/bento-files.js";
import type { Sandbox } from "../support/sandbox.js";
import { apiBuild } from "./api.js";
import { type BadInputCase, bentoDir } from "./case.js";

const containerize = (ref: string) => ["containerize", ref];
const yamlCase = (name: string, yaml: string | Record<string, unknown>, message: RegExp) =>
  ({
    name,
    setup: bentoDir(yaml),
    cli: containerize,
    api: apiBuild(),
    exit: 2,
    code: "E_BENTO_YAML",
    message,
  }) satisfies BadInputCase;

/**
 * A bento whose name, version or model tag climbs out of the cache or the store towards
 * `work/victim` (built with a model and an explicit tag, so it would be staged): refused,
 * and the victim's file untouched (the work tree's checksum covers it).
 */
const escapeCase = (name: string, top: Record<string, unknown>, message: RegExp) =>
  ({
    name,
    setup: async (box: Sandbox) => {
      await writeFiles(join(box.work, "victim"), { "keep.txt": "precious\n" });
      await writeStoreModel(box.home, "relia_model", "m1");
      const models = [{ tag: "relia_model:m1", registry: "bentoml", module: "x" }];
      return bentoDir(spec2({}, { models, ...top }))(box);
    },
    cli: (ref: string) => ["containerize", ref, "--dry-run", "-t", "ok:1"],
    api: apiBuild({ dryRun: true, imageTag: "ok:1" }),
    exit: 2,
    code: "E_BENTO_YAML",
    message,
  }) satisfies BadInputCase;

const without = (key: string) => {
  const yaml = spec2();
  delete yaml[key];
  return yaml;
};

/** bento.yaml that cannot be parsed, is not a mapping, or has wrong types or missing fields. */
/** Nine aliases of nine aliases, six levels deep: 9^6 nodes from a few hundred bytes. */
const ALIAS_BOMB = ["a: &a [x, x, x, x, x, x, x, x, x]"]
  .concat(
    ["b", "c", "d", "e", "f"].map((key, i) => {
      const prev = "abcde"[i];
      return `${key}: &${key} [${Array(9).fill(`*${prev}`).join(", ")}]`;
    }),
  )
  .concat(["name: relia", "version: v1", "service: s:S", ""])
  .join("\n");

/** A block mapping 2,000 levels deep (about 2 MB of indentation). */
const DEEP_BLOCK = `${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} 1\n`;

export const YAML_CASES: readonly BadInputCase[] = [
  yamlCase(
    "YAML alias bomb",
    ALIAS_BOMB,
    /bento\.yaml: cannot be read as YAML: its aliases expand too far/,
  ),
  yamlCase(
    "flow collections nested 100,000 deep",
    `name: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
    /bento\.yaml: cannot be read as YAML: its \[ \] and \{ \} collections nest more than 64 deep/,
  ),
  yamlCase(
    "block mappings nested 2,000 deep",
    DEEP_BLOCK,
    /bento\.yaml: cannot be read as YAML: it is nested too deeply/,
  ),
  yamlCase(
    "a 50 MB bento.yaml",
    `name: relia\nversion: v1\nservice: s:S\nlabels:\n${"  k: v\n".repeat((50 * 1024 * 1024) / 7)}`,
    /bento\.yaml: is 50\.0 MB, more than a bento\.yaml can be \(4 MB\)/,
  ),
  yamlCase("malformed YAML", "name: [relia\nversion: v1\n", /bento\.yaml.*not valid YAML/s),
  yamlCase("duplicate key", "name: a\nname: b\nversion: v1\nservice: s:S\n", /bento\.yaml/),
  yamlCase("empty bento.yaml", "", /bento\.yaml.*is empty/),
  yamlCase("YAML that is a list", "- name\n- version\n", /must be a mapping/),
  yamlCase("YAML that is a scalar", "just some text\n", /must be a mapping/),
  yamlCase(
    "system_packages a string",
    spec1({ system_packages: "curl" }),
    /docker\.system_packages must be a list of strings/,
  ),
  yamlCase("envs a mapping", spec2({}, { envs: { A: "1" } }), /envs must be a list/),
  yamlCase("image.commands a number", spec2({ commands: 5 }), /image\.commands/),
  yamlCase("labels a list", spec2({}, { labels: ["a", "b"] }), /labels must be a mapping/),
  yamlCase("name missing", without("name"), /name is missing/),
  yamlCase("version missing", without("version"), /version is missing/),
  yamlCase("spec 3", spec2({}, { spec: 3 }), /spec must be 1 or 2/),
  yamlCase(
    "unknown env stage",
    spec2({}, { envs: [{ name: "A", value: "1", stage: "later" }] }),
    /envs\[0\]\.stage must be one of all, build, runtime/,
  ),
  escapeCase(
    "version climbing out of the cache",
    { version: "/../../../work/victim" },
    /version "\/\.\.\/.*may only hold/,
  ),
  escapeCase("name with a slash", { name: "../../work/victim" }, /name ".*may only hold/),
  escapeCase(
    "model tag climbing out of the store",
    { models: [{ tag: "../../work/victim:v1", registry: "bentoml", module: "x" }] },
    /models\[0\]\.tag ".*may only hold/,
  ),
  {
    name: "directory without bento.yaml",
    setup: async (box) => {
      const dir = join(box.work, "empty-dir");
      await mkdir(dir);
      return dir;
    },
    cli: containerize,
    api: apiBuild(),
    exit: 2,
    code: "E_BENTO_NOT_FOUND",
    message: /No bento\.yaml in .*empty-dir/,
  },
];
