import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { standInEngine } from "../../test/helpers/stand-in-engine.js";
import type { OCIBuilder } from "../backend/contract.js";
import { checkGuess, lookUpBases, recalledIds } from "./base-lookup.js";

// A stand-in engine: `engine ID REF` prints the id the store file gives REF and logs the call.
let dir: string;
let access: { builder: OCIBuilder; env: Record<string, string> };
const HEX = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;

async function store(images: Record<string, string>): Promise<void> {
  await writeFile(join(dir, "store.json"), JSON.stringify(images));
}
async function calls(): Promise<string[]> {
  return (await readFile(join(dir, "calls.log"), "utf8").catch(() => ""))
    .split("\n")
    .filter(Boolean);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bento-base-lookup-"));
  const engine = await standInEngine(
    dir,
    `const fs = require("node:fs");
const ref = process.argv[3];
fs.appendFileSync(${JSON.stringify(join(dir, "calls.log"))}, ref + "\\n");
const id = JSON.parse(fs.readFileSync(${JSON.stringify(join(dir, "store.json"))}, "utf8"))[ref];
if (!id) process.exit(1);
console.log(id);
`,
  );
  const builder = {
    name: "standin",
    binary: engine,
    imageStore: { imageId: (ref: string) => ["id", ref], tag: () => [] },
  } as unknown as OCIBuilder;
  access = { builder, env: { ...process.env } as Record<string, string> };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const tagFor = (ids: readonly string[]) => `env:${ids.map((id) => id.slice(7, 9)).join("-")}`;

describe("lookUpBases", () => {
  it("finds the environment image in the same round once the base ids are remembered", async () => {
    const cache = join(dir, "cache");
    await store({ base: HEX(1), "env:11": HEX(7) });
    expect(await lookUpBases(access, cache, ["base"], tagFor)).toEqual({
      ids: [HEX(1)],
      environmentId: undefined,
    });
    expect(await calls()).toEqual(["base"]);
    expect(await lookUpBases(access, cache, ["base"], tagFor)).toEqual({
      ids: [HEX(1)],
      environmentId: HEX(7),
    });
    expect((await calls()).slice(1).sort()).toEqual(["base", "env:11"]);
  });

  it("does not trust a remembered id once the base image changed", async () => {
    const cache = join(dir, "cache");
    await store({ base: HEX(1), "env:11": HEX(7), "env:22": HEX(8) });
    await lookUpBases(access, cache, ["base"], tagFor);
    await store({ base: HEX(2), "env:11": HEX(7), "env:22": HEX(8) });
    // The guess (env:11) was for the old base: its id is not given.
    expect(await lookUpBases(access, cache, ["base"], tagFor)).toEqual({
      ids: [HEX(2)],
      environmentId: undefined,
    });
    // The new id is remembered: the next lookup finds env:22 at once.
    expect((await lookUpBases(access, cache, ["base"], tagFor)).environmentId).toBe(HEX(8));
  });

  it("says a base image is missing and remembers nothing then", async () => {
    const cache = join(dir, "cache");
    await store({});
    expect(await lookUpBases(access, cache, ["base"], tagFor)).toEqual({
      ids: [undefined],
      environmentId: undefined,
    });
    await expect(readFile(join(cache, "environments", "base-ids.json"))).rejects.toThrow();
  });
});

describe("checkGuess", () => {
  it("gives the environment image's id while the remembered base ids hold", async () => {
    const cache = join(dir, "cache");
    await store({ base: HEX(1), "env:11": HEX(7) });
    await lookUpBases(access, cache, ["base"], tagFor);
    const remembered = await recalledIds(cache, ["base"]);
    expect(remembered).toEqual([HEX(1)]);
    expect(await checkGuess(access, cache, ["base"], remembered!, "env:11")).toBe(HEX(7));
  });

  it("gives none when the base changed, and remembers the new id", async () => {
    const cache = join(dir, "cache");
    await store({ base: HEX(2), "env:11": HEX(7) });
    expect(await checkGuess(access, cache, ["base"], [HEX(1)], "env:11")).toBeUndefined();
    expect(await recalledIds(cache, ["base"])).toEqual([HEX(2)]);
  });

  it("gives none when the environment image is gone, or the engine fails", async () => {
    const cache = join(dir, "cache");
    await store({ base: HEX(1) });
    expect(await checkGuess(access, cache, ["base"], [HEX(1)], "env:11")).toBeUndefined();
    const broken = { ...access, builder: { ...access.builder, binary: join(dir, "missing") } };
    expect(await checkGuess(broken, cache, ["base"], [HEX(1)], "env:11")).toBeUndefined();
  });

  it("has nothing to recall before a build remembered the ids", async () => {
    expect(await recalledIds(join(dir, "cache"), ["base"])).toBeUndefined();
  });
});
