import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type FakeHub,
  type FakeHubRepo,
  sha256Hex,
  startFakeHub,
  tempDir,
} from "@bento/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../../../test/helpers/rejection.js";
import type { HuggingFaceSource } from "../../bento/schema.js";
import {
  type BentoError,
  ModelAccessError,
  ModelDownloadError,
  ModelNotFoundError,
} from "../../errors.js";
import { type DownloadProgress, ensureHubModel, type HubModelOptions } from "./download.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const weightsA = randomBytes(300_000);
const weightsB = randomBytes(200_000);

function tinyRepo(): FakeHubRepo {
  const shared = {
    "tokenizer/vocab.txt": { content: "hello\nworld\n" },
    "README.md": { content: "# tiny\n" },
  };
  return {
    id: "acme/tiny",
    refs: { main: A },
    commits: {
      [A]: {
        ...shared,
        "config.json": { content: '{"v": 1}' },
        "model.safetensors": { content: weightsA, lfs: true },
      },
      [B]: {
        ...shared,
        "config.json": { content: '{"v": 2}' },
        "model.safetensors": { content: weightsB, lfs: true },
      },
    },
  };
}

let root: string;
let hub: FakeHub;
let hfCache: string;
const repoDir = () => join(hfCache, "models--acme--tiny");

beforeEach(async () => {
  root = (await tempDir("bento-hf-")).path;
  hfCache = join(root, "hf-cache");
  hub = await startFakeHub(tinyRepo());
});
afterEach(async () => {
  await hub.close();
  await rm(root, { recursive: true, force: true });
});

function source(extra: Partial<HuggingFaceSource> = {}): HuggingFaceSource {
  return { model_id: "acme/tiny", revision: "main", ...extra };
}

function options(extra: Partial<HubModelOptions> & { env?: Record<string, string> } = {}) {
  const events: DownloadProgress[] = [];
  const warnings: string[] = [];
  return {
    events,
    warnings,
    options: {
      cacheRoot: join(root, "bento-cache"),
      onProgress: (p: DownloadProgress) => events.push(p),
      onWarning: (m: string) => warnings.push(m),
      ...extra,
      env: {
        HF_ENDPOINT: hub.endpoint,
        BENTOML_HF_CACHE_DIR: hfCache,
        HF_HOME: join(root, "hf-home"),
        ...extra.env,
      },
    } satisfies HubModelOptions,
  };
}

/** The snapshot's files, read through their links. */
async function snapshotFiles(commit: string): Promise<Record<string, string>> {
  const dir = join(repoDir(), "snapshots", commit);
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = sha256Hex(await readFile(path));
  }
  return files;
}

/** Nothing half-written: every blob holds what its name promises, every link resolves, no partial remains. */
async function expectCacheWhole(): Promise<void> {
  const blobs = join(repoDir(), "blobs");
  for (const name of await readdir(blobs).catch(() => [] as string[])) {
    const bytes = await readFile(join(blobs, name));
    const gitId = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    expect([sha256Hex(bytes), gitId], name).toContain(name);
  }
  for (const commit of await readdir(join(repoDir(), "snapshots")).catch(() => [] as string[])) {
    for (const entry of await readdir(join(repoDir(), "snapshots", commit), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (entry.isSymbolicLink())
        expect((await readlink(join(entry.parentPath, entry.name))).startsWith("../")).toBe(true);
      else expect(entry.isDirectory(), entry.name).toBe(true);
    }
  }
  const partials = await readdir(join(hfCache, ".bento-downloads", "models--acme--tiny")).catch(
    () => [] as string[],
  );
  expect(partials).toEqual([]);
}

const fileDownloads = () =>
  hub.requests.filter((r) => r.url.includes("/resolve/") || r.server === "cdn");

describe("ensureHubModel against a loopback hub", () => {
  it("first fetch: the standard cache layout, ETag-named blobs, relative links, refs/main, progress", async () => {
    const run = options();
    const model = await ensureHubModel(source(), run.options);
    expect(model).toMatchObject({ present: true, repoDir: repoDir(), commit: A, downloaded: 4 });
    expect(await snapshotFiles(A)).toEqual({
      "README.md": sha256Hex("# tiny\n"),
      "config.json": sha256Hex('{"v": 1}'),
      "model.safetensors": sha256Hex(weightsA),
      "tokenizer/vocab.txt": sha256Hex("hello\nworld\n"),
    });
    expect(await readlink(join(repoDir(), "snapshots", A, "model.safetensors"))).toBe(
      `../../blobs/${sha256Hex(weightsA)}`,
    );
    expect(await readFile(join(repoDir(), "refs", "main"), "utf8")).toBe(A);
    expect(run.events[0]).toMatchObject({ phase: "start", totalFiles: 4, files: 0, bytes: 0 });
    expect(run.events.at(-1)).toMatchObject({
      phase: "done",
      files: 4,
      totalFiles: 4,
      bytes: run.events[0]!.totalBytes,
    });
    // The LFS file came from the "CDN" after the hub's redirect.
    expect(hub.downloads("model.safetensors").map((r) => r.server)).toEqual(["hub", "cdn"]);
    await expectCacheWhole();
  });

  it("downloads nothing again: a branch costs two API calls, a listed commit none", async () => {
    await ensureHubModel(source(), options().options);
    const before = hub.requests.length;
    const again = options();
    expect(await ensureHubModel(source(), again.options)).toMatchObject({
      commit: A,
      downloaded: 0,
    });
    expect(hub.requests.slice(before).map((r) => r.url.split("?")[0])).toEqual([
      `/api/models/acme/tiny/revision/main`,
      `/api/models/acme/tiny/tree/${A}`,
    ]);
    expect(again.events).toEqual([]);
    const pinned = hub.requests.length;
    expect(await ensureHubModel(source({ revision: A }), options().options)).toMatchObject({
      commit: A,
      downloaded: 0,
    });
    expect(hub.requests.length).toBe(pinned);
  });

  it("revision change: fetches only the files that changed, keeps the old snapshot, moves refs/main", async () => {
    await ensureHubModel(source(), options().options);
    const vocabBefore = hub.downloads("tokenizer/vocab.txt").length;
    const tiny = tinyRepo();
    await hub.close();
    hub = await startFakeHub({ ...tiny, refs: { main: B } });
    const model = await ensureHubModel(source(), options().options);
    expect(model).toMatchObject({ commit: B, downloaded: 2 });
    expect(hub.downloads("tokenizer/vocab.txt")).toHaveLength(0);
    expect(vocabBefore).toBe(1);
    expect((await snapshotFiles(B))["model.safetensors"]).toBe(sha256Hex(weightsB));
    expect((await snapshotFiles(A))["model.safetensors"]).toBe(sha256Hex(weightsA));
    expect(await readFile(join(repoDir(), "refs", "main"), "utf8")).toBe(B);
    await expectCacheWhole();
  });

  it("include/exclude select files as huggingface_hub's fnmatch patterns do", async () => {
    await ensureHubModel(
      source({ include: ["*.json", "tokenizer/", "*.md"], exclude: ["README*"] }),
      options().options,
    );
    expect(Object.keys(await snapshotFiles(A)).sort()).toEqual([
      "config.json",
      "tokenizer/vocab.txt",
    ]);
    expect(fileDownloads().some((r) => r.url.includes("safetensors"))).toBe(false);
    await expectCacheWhole();
  });

  it("a connection broken mid-file resumes with a byte range in the same build", async () => {
    hub.faults.dropAfter = { path: "model.safetensors", bytes: 100_000, times: 1 };
    const model = await ensureHubModel(source(), options().options);
    expect(model.downloaded).toBe(4);
    const cdn = hub.downloads("model.safetensors").filter((r) => r.server === "cdn");
    expect(cdn.map((r) => r.range)).toEqual([undefined, "bytes=100000-"]);
    expect((await snapshotFiles(A))["model.safetensors"]).toBe(sha256Hex(weightsA));
    await expectCacheWhole();
  });

  it("a download an earlier build left partial resumes from where it stopped", async () => {
    const partials = join(hfCache, ".bento-downloads", "models--acme--tiny");
    await mkdir(partials, { recursive: true });
    await writeFile(
      join(partials, `${sha256Hex(weightsA)}.incomplete`),
      weightsA.subarray(0, 123_456),
    );
    await ensureHubModel(source(), options().options);
    const cdn = hub.downloads("model.safetensors").filter((r) => r.server === "cdn");
    expect(cdn.map((r) => r.range)).toEqual(["bytes=123456-"]);
    expect((await snapshotFiles(A))["model.safetensors"]).toBe(sha256Hex(weightsA));
    await expectCacheWhole();
  });

  it("401 without a token: a clear error naming HF_TOKEN, nothing written", async () => {
    await hub.close();
    hub = await startFakeHub({ ...tinyRepo(), token: "hf_secret_token" });
    const error = await rejectionOf<BentoError>(ensureHubModel(source(), options().options));
    expect(error).toBeInstanceOf(ModelAccessError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/"acme\/tiny".*refused \(HTTP 401/);
    expect(error.hint).toContain("set HF_TOKEN");
    expect(await readdir(hfCache).catch(() => [])).toEqual([]);
  });

  it("with HF_TOKEN: the hub gets the token, the storage host behind its redirect never does", async () => {
    await hub.close();
    hub = await startFakeHub({ ...tinyRepo(), token: "any-token-form" });
    await ensureHubModel(source(), options({ env: { HF_TOKEN: "any-token-form" } }).options);
    expect(hub.requests.filter((r) => r.server === "hub").every((r) => r.authorization)).toBe(true);
    expect(hub.requests.filter((r) => r.server === "cdn").map((r) => r.authorization)).toEqual([
      undefined,
    ]);
    const wrong = await rejectionOf<BentoError>(
      ensureHubModel(source(), options({ env: { HF_TOKEN: "wrong" } }).options),
    );
    expect(wrong.hint).toContain("The token from HF_TOKEN was refused");
    expect(`${wrong.message} ${wrong.hint}`).not.toContain("wrong");
  });

  it("404: an unknown model or revision is ModelNotFoundError naming it", async () => {
    const model = await rejectionOf<BentoError>(
      ensureHubModel(source({ model_id: "acme/ghost" }), options().options),
    );
    expect(model).toBeInstanceOf(ModelNotFoundError);
    expect(model.message).toMatch(/"acme\/ghost".*not found \(HTTP 404: Repository not found\)/);
    const revision = await rejectionOf<BentoError>(
      ensureHubModel(source({ revision: "v9" }), options().options),
    );
    expect(revision.message).toMatch(/revision "v9".*HTTP 404/);
    expect(await readdir(hfCache).catch(() => [])).toEqual([]);
  });

  it("a checksum mismatch is refused: no blob, no link, no partial for that file", async () => {
    hub.faults.corrupt = "model.safetensors";
    const error = await rejectionOf<BentoError>(ensureHubModel(source(), options().options));
    expect(error).toBeInstanceOf(ModelDownloadError);
    expect(error.message).toMatch(
      new RegExp(`Checksum mismatch for "model.safetensors".*sha256 ${sha256Hex(weightsA)}`),
    );
    expect(await readdir(join(repoDir(), "blobs"))).not.toContain(sha256Hex(weightsA));
    expect(Object.keys(await snapshotFiles(A))).not.toContain("model.safetensors");
    await expectCacheWhole();
  });

  it("two builds fetching the same model at once download each file once and both succeed", async () => {
    hub.faults.delayMs = 150;
    const [one, two] = await Promise.all([
      ensureHubModel(source(), options().options),
      ensureHubModel(source(), options().options),
    ]);
    expect(one.commit).toBe(A);
    expect(two.commit).toBe(A);
    for (const path of ["config.json", "README.md", "tokenizer/vocab.txt"])
      expect(hub.downloads(path), path).toHaveLength(1);
    expect(hub.downloads("model.safetensors").filter((r) => r.server === "cdn")).toHaveLength(1);
    expect(Object.keys(await snapshotFiles(A))).toHaveLength(4);
    await expectCacheWhole();
  });

  it("hub unreachable: the cached revision stands in with a warning; HF_HUB_OFFLINE never asks", async () => {
    await ensureHubModel(source(), options().options);
    const endpoint = hub.endpoint;
    await hub.close();
    const down = options({ env: { HF_ENDPOINT: endpoint } });
    expect(await ensureHubModel(source(), down.options)).toMatchObject({
      present: true,
      commit: A,
    });
    expect(down.warnings).toEqual([expect.stringMatching(/could not be reached.*revision "main"/)]);
    const offline = options({ env: { HF_ENDPOINT: endpoint, HF_HUB_OFFLINE: "1" } });
    expect(await ensureHubModel(source(), offline.options)).toMatchObject({ commit: A });
    expect(offline.warnings).toEqual([]);
    const missing = await rejectionOf<BentoError>(
      ensureHubModel(source({ model_id: "acme/other" }), offline.options),
    );
    expect(missing).toBeInstanceOf(ModelNotFoundError);
    expect(missing.hint).toContain("HF_HUB_OFFLINE");
    hub = await startFakeHub(tinyRepo());
  });

  it("a dry run never downloads: a missing model is a warning, not a fetch", async () => {
    const dry = options({ cacheOnly: true });
    expect(await ensureHubModel(source(), dry.options)).toMatchObject({ present: false });
    expect(dry.warnings).toEqual([expect.stringContaining("a build downloads it")]);
    expect(hub.requests).toEqual([]);
  });
});
