import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { resolveBento } from "@bento/container-core";
import type { RawTarEntry } from "@bento/test-support";
import { writeBentoArchive } from "../support/bento-archive.js";
import { spec2, writeBento } from "../support/bento-files.js";
import type { Sandbox } from "../support/sandbox.js";
import { apiBuild } from "./api.js";
import { type ApiContext, type BadInputCase, bentoDir } from "./case.js";

const containerize =
  (...flags: string[]) =>
  (ref: string) => ["containerize", ref, ...flags];
const resolve = (ref: string, { env, cwd }: ApiContext) => resolveBento(ref, { env, cwd });

/** A setup putting a valid bento `relia:v1` into the store; the reference is `ref`. */
const storeBento = (ref: string) => async (box: Sandbox) => {
  await writeBento(join(box.home, "bentos/relia/v1"), spec2());
  await writeFile(join(box.home, "bentos/relia/latest"), "v1");
  return ref;
};

const tagCase = (name: string, ref: string, message: RegExp) =>
  ({
    name,
    setup: storeBento(ref),
    cli: containerize(),
    api: resolve,
    exit: 2,
    code: "E_TAG",
    message,
  }) satisfies BadInputCase;

const imageTagCase = (name: string, tag: string) =>
  ({
    name,
    setup: bentoDir(spec2()),
    cli: containerize("-t", tag),
    api: apiBuild({ imageTag: tag }),
    exit: 2,
    code: "E_TAG",
    message: /Invalid image tag/,
  }) satisfies BadInputCase;

const archiveCase = (
  name: string,
  file: string,
  evil: (box: Sandbox) => RawTarEntry[],
  code = "E_UNSAFE_PATH",
  message = /Refusing to unpack.*outside the archive/,
) =>
  ({
    name,
    setup: async (box: Sandbox) => {
      return writeBentoArchive(join(box.work, file), spec2(), evil(box));
    },
    cli: containerize(),
    api: apiBuild(),
    exit: 2,
    code,
    message,
  }) satisfies BadInputCase;

/** Bento references that are invalid or name nothing, and archives with escaping entries. */
export const REF_CASES: readonly BadInputCase[] = [
  tagCase("bento tag with a trailing colon", "relia:", /relia:latest/),
  tagCase("bento tag too long", `relia:${"v".repeat(64)}`, /63/),
  tagCase("bento tag with shell characters", "relia;touch", /relia;touch/),
  tagCase("bento tag with $()", "relia:$(id)", /\$\(id\)/),
  imageTagCase("image tag with a trailing colon", "relia:"),
  imageTagCase("image tag with a space and upper case", "Relia Img:1"),
  imageTagCase("image tag with shell characters", "relia:1;touch"),
  imageTagCase("image tag too long", `relia:${"a".repeat(129)}`),
  {
    name: "bento missing from the store",
    setup: storeBento("nosuch:v1"),
    cli: containerize(),
    api: apiBuild(),
    exit: 2,
    code: "E_BENTO_NOT_FOUND",
    message: /nosuch/,
  },
  {
    name: "bento version missing from the store",
    setup: storeBento("relia:v9"),
    cli: containerize(),
    api: apiBuild(),
    exit: 2,
    code: "E_BENTO_NOT_FOUND",
    message: /relia:v9|v9/,
  },
  {
    name: "bento path that does not exist",
    setup: async (box) => join(box.work, "no/such/bento"),
    cli: containerize(),
    api: apiBuild(),
    exit: 2,
    code: "E_BENTO_NOT_FOUND",
    message: /no\/such\/bento/,
  },
  {
    name: "model missing from the store",
    setup: bentoDir(
      spec2({}, { models: [{ tag: "ghost_model:m1", registry: "bentoml", module: "x" }] }),
    ),
    cli: containerize("--dry-run"),
    api: apiBuild({ dryRun: true }),
    exit: 2,
    code: "E_MODEL_NOT_FOUND",
    message: /ghost_model/,
  },
  {
    name: "Hugging Face model missing from the hub cache",
    setup: bentoDir(
      spec2(
        {},
        {
          models: [
            {
              tag: "hf_ghost:m1",
              registry: "huggingface",
              module: "x",
              metadata: { model_id: "acme/ghost", revision: "main" },
            },
          ],
        },
      ),
    ),
    // Offline: without HF_HUB_OFFLINE a build would download it (a dry run warns).
    env: { HF_HUB_OFFLINE: "1" },
    cli: containerize("--dry-run"),
    api: apiBuild({ dryRun: true }),
    exit: 2,
    code: "E_MODEL_NOT_FOUND",
    message: /acme\/ghost.*HF_HUB_OFFLINE/s,
  },
  archiveCase("archive entry with ..", "dotdot.tar", () => [
    { path: "src/../../evil.txt", content: "x" },
  ]),
  archiveCase("archive entry with an absolute path", "absolute.tar.gz", (box) => [
    { path: `${box.tmp}/evil.txt`, content: "x" },
  ]),
  archiveCase("archive symlink to an absolute path", "abs-link.bento", () => [
    { path: "src/etc", type: "symlink", linkpath: "/etc" },
  ]),
  archiveCase("archive symlink climbing out", "climb-link.tar", () => [
    { path: "src/up", type: "symlink", linkpath: "../../.." },
    { path: "src/up/evil.txt", content: "x" },
  ]),
  archiveCase("archive hard link to outside", "hardlink.tar", () => [
    { path: "src/passwd", type: "hardlink", linkpath: "../../../etc/passwd" },
  ]),
  {
    name: "archive that is not a tar",
    setup: async (box) => {
      const path = join(box.work, "garbage.tar.gz");
      await writeFile(path, "this is not an archive\n");
      return path;
    },
    cli: containerize(),
    api: apiBuild(),
    exit: 2,
    code: "E_ARCHIVE",
    message: /garbage\.tar\.gz/,
  },
];
