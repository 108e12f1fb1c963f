import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BentoNotFoundError, ModelNotFoundError } from "../errors.js";
import { listNames, listVersions } from "./entries.js";
import { resolveStoreEntry } from "./resolve.js";

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "bento-store-"));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

async function addBento(name: string, version: string, created: string): Promise<void> {
  await mkdir(join(home, "bentos", name, version), { recursive: true });
  await writeFile(
    join(home, "bentos", name, version, "bento.yaml"),
    `name: ${name}\nversion: ${version}\ncreation_time: '${created}'\n`,
  );
}

describe("resolveStoreEntry", () => {
  beforeEach(async () => {
    await addBento("iris", "old", "2024-01-01T00:00:00Z");
    await addBento("iris", "new", "2025-06-01T00:00:00Z");
    await addBento("iris", "mid", "2025-01-01T00:00:00Z");
  });

  it("uses the version the latest file names", async () => {
    await writeFile(join(home, "bentos", "iris", "latest"), "mid\n");
    expect((await resolveStoreEntry(home, "bentos", { name: "iris" })).version).toBe("mid");
  });

  it("uses the newest creation_time when latest is missing", async () => {
    expect((await resolveStoreEntry(home, "bentos", { name: "iris" })).version).toBe("new");
  });

  it("falls back to the newest, with a warning, when latest names a deleted version", async () => {
    await writeFile(join(home, "bentos", "iris", "latest"), "gone");
    const warnings: string[] = [];
    const entry = await resolveStoreEntry(
      home,
      "bentos",
      { name: "iris" },
      { onWarning: (m) => warnings.push(m) },
    );
    expect(entry.version).toBe("new");
    expect(warnings[0]).toContain('"gone"');
  });

  it("resolves a pinned version and its path", async () => {
    const entry = await resolveStoreEntry(home, "bentos", { name: "iris", version: "old" });
    expect(entry.path).toBe(join(home, "bentos", "iris", "old"));
  });

  it("names where it looked when a bento is missing", async () => {
    await expect(
      resolveStoreEntry(home, "bentos", { name: "iris", version: "nope" }),
    ).rejects.toThrow(BentoNotFoundError);
    await expect(resolveStoreEntry(home, "bentos", { name: "absent" })).rejects.toThrow(
      join(home, "bentos", "absent"),
    );
  });

  it("raises ModelNotFoundError for models", async () => {
    await expect(resolveStoreEntry(home, "models", { name: "m" })).rejects.toThrow(
      ModelNotFoundError,
    );
  });
});

describe("listing", () => {
  it("lists names and versions newest first", async () => {
    await addBento("b", "1", "2024-01-01T00:00:00Z");
    await addBento("a", "2", "2024-02-01T00:00:00Z");
    await addBento("a", "3", "2024-03-01T00:00:00Z");
    expect(await listNames(home, "bentos")).toEqual(["a", "b"]);
    expect((await listVersions(home, "bentos", "a")).map((e) => e.version)).toEqual(["3", "2"]);
  });

  it("lists nothing for an empty or missing store", async () => {
    expect(await listNames(join(home, "missing"), "bentos")).toEqual([]);
  });
});
