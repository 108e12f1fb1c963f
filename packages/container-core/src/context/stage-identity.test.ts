import { appendFile, chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { treeIdentity } from "../reuse/tree-identity.js";
import { stageContext } from "./stage.js";

// The staging walk gives the staged tree's identity, so the unchanged-build
// check need not walk the tree again: it must be exactly what a walk gives.

let work: string;
let bento: string;
let store: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "bento-stage-identity-"));
  bento = join(work, "bento");
  store = join(work, "models/iris/v1");
  await mkdir(join(bento, "src/pkg"), { recursive: true });
  await mkdir(join(bento, "models"), { recursive: true });
  await writeFile(join(bento, "bento.yaml"), "name: x\n");
  await writeFile(join(bento, "src/service.py"), "v = 1\n");
  await writeFile(join(bento, "src/pkg/empty.py"), "");
  await writeFile(Buffer.from([...Buffer.from(`${bento}/src/odd-`), 0xff]), "odd\n");
  await symlink("service.py", join(bento, "src/alias.py"));
  await chmod(join(bento, "src/pkg"), 0o750);
  await mkdir(store, { recursive: true });
  await writeFile(join(store, "model.bin"), Buffer.alloc(4096, 7));
  await writeFile(join(store, "empty"), "");
});
afterEach(() => rm(work, { recursive: true, force: true }));

const stage = () =>
  stageContext({
    bentoDir: bento,
    extras: [{ from: store, to: "models/iris/v1" }],
    key: "iris",
    cacheRoot: join(work, "cache"),
  });

describe("the staged context's identity", () => {
  it("is the tree identity of the staged tree, first stage and re-stage alike", async () => {
    const first = await stage();
    await first.release();
    expect(first.identity).toBe(await treeIdentity(first.dir));

    await appendFile(join(bento, "src/service.py"), "# edit\n");
    await rm(join(bento, "src/alias.py"));
    await symlink("pkg", join(bento, "src/alias.py"));
    await chmod(join(bento, "src/pkg"), 0o755);
    await writeFile(join(first.dir, "stray"), "left by someone\n");
    const second = await stage();
    await second.release();
    expect(second.reused).toBeGreaterThan(0);
    expect(second.identity).toBe(await treeIdentity(second.dir));
    expect(second.identity).not.toBe(first.identity);
  });

  it("stays the same while nothing changes", async () => {
    const first = await stage();
    await first.release();
    const again = await stage();
    await again.release();
    expect(again.identity).toBe(first.identity);
  });

  it("is absent when the bento itself is the context", async () => {
    const own = await stageContext({
      bentoDir: bento,
      extras: [],
      key: "iris",
      cacheRoot: join(work, "cache"),
    });
    expect(own.identity).toBeUndefined();
  });
});
