import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { standInEngine } from "../../test/helpers/stand-in-engine.js";
import type { OCIBuilder } from "../backend/contract.js";
import { localImageIds } from "./image-store.js";

// A stand-in store: `engine ids REF...` prints each id and fails when one is absent
// (as `docker image inspect` and `podman image inspect` do), logging each call.
let dir: string;
let builder: OCIBuilder;
const ID = (n: number) => `sha256:${String(n).repeat(64)}`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bento-image-store-"));
  const engine = await standInEngine(
    dir,
    `const fs = require("node:fs");
fs.appendFileSync(${JSON.stringify(join(dir, "calls.log"))}, process.argv.slice(2).join(" ") + "\\n");
const store = { a: "${ID(1)}", b: "${ID(2)}" };
let missing = false;
for (const ref of process.argv.slice(3)) store[ref] ? console.log(store[ref]) : (missing = true);
process.exit(missing ? 1 : 0);
`,
  );
  builder = {
    name: "standin",
    binary: engine,
    imageStore: {
      imageId: (ref: string) => ["ids", ref],
      imageIds: (refs: readonly string[]) => ["ids", ...refs],
      tag: () => [],
    },
  } as unknown as OCIBuilder;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const calls = async () => (await readFile(join(dir, "calls.log"), "utf8")).trim().split("\n");

describe("localImageIds", () => {
  it("asks once for several images when all are present", async () => {
    expect(await localImageIds({ builder, env: { ...process.env } }, ["a", "b"])).toEqual([
      ID(1),
      ID(2),
    ]);
    expect(await calls()).toEqual(["ids a b"]);
  });

  it("asks per image when one is absent, and says which", async () => {
    expect(await localImageIds({ builder, env: { ...process.env } }, ["a", "gone", "b"])).toEqual([
      ID(1),
      undefined,
      ID(2),
    ]);
    expect((await calls()).slice(1).sort()).toEqual(["ids a", "ids b", "ids gone"]);
  });
});
