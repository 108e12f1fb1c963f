import {
  appendFile,
  chmod,
  cp,
  link,
  mkdir,
  mkdtemp,
  rm,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { treeIdentity } from "./tree-identity.js";

let root: string;
let tree: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "bento-tree-identity-"));
  tree = join(root, "tree");
  await mkdir(join(tree, "src"), { recursive: true });
  await mkdir(join(tree, "models", "iris", "v1"), { recursive: true });
  await writeFile(join(tree, "src", "service.py"), "print('hi')\n");
  await writeFile(join(tree, "models", "iris", "v1", "model.bin"), Buffer.alloc(4096, 7));
  await writeFile(join(tree, "bento.yaml"), "name: iris\n");
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe("treeIdentity", () => {
  it("reads names that are not UTF-8, and tells two such names apart", async () => {
    const odd = (byte: number) =>
      Buffer.concat([
        Buffer.from(`${join(tree, "src")}/not`),
        Buffer.from([byte]),
        Buffer.from(".py"),
      ]);
    await writeFile(odd(0xff), "a\n");
    const first = await treeIdentity(tree);
    await rm(odd(0xff));
    await writeFile(odd(0xfe), "a\n");
    expect(await treeIdentity(tree)).not.toBe(first);
  });

  it("is stable while nothing changes, and the same for a tree of hard links", async () => {
    const first = await treeIdentity(tree);
    expect(await treeIdentity(tree)).toBe(first);
    const links = join(root, "links");
    for (const dir of ["src", "models/iris/v1"]) await mkdir(join(links, dir), { recursive: true });
    for (const file of ["src/service.py", "models/iris/v1/model.bin", "bento.yaml"])
      await link(join(tree, file), join(links, file));
    expect(await treeIdentity(links)).toBe(first);
  });

  it("changes with an edit, even one that keeps the size and the inode", async () => {
    const before = await treeIdentity(tree);
    await writeFile(join(tree, "src", "service.py"), "print('ho')\n");
    const later = new Date(Date.now() + 5_000);
    await utimes(join(tree, "src", "service.py"), later, later);
    expect(await treeIdentity(tree)).not.toBe(before);
  });

  it("changes with an added file, a removed file, a mode or a symlink target", async () => {
    const seen = new Set([await treeIdentity(tree)]);
    await writeFile(join(tree, "src", "extra.py"), "");
    seen.add(await treeIdentity(tree));
    await rm(join(tree, "src", "extra.py"));
    await chmod(join(tree, "bento.yaml"), 0o755);
    seen.add(await treeIdentity(tree));
    await symlink("service.py", join(tree, "src", "alias.py"));
    seen.add(await treeIdentity(tree));
    await rm(join(tree, "src", "alias.py"));
    await symlink("bento.yaml", join(tree, "src", "alias.py"));
    seen.add(await treeIdentity(tree));
    expect(seen.size).toBe(5);
  });

  it("identifies a copy of a large file by its inode, of a small file by its content", async () => {
    const copy = join(root, "copy");
    await cp(tree, copy, { recursive: true, preserveTimestamps: true });
    const env = { only: ["src", "bento.yaml"], contentUpTo: 1024 };
    expect(await treeIdentity(copy, env)).toBe(await treeIdentity(tree, env));
    expect(await treeIdentity(copy, { contentUpTo: 1024 })).not.toBe(
      await treeIdentity(tree, { contentUpTo: 1024 }),
    );
    await appendFile(join(copy, "src", "service.py"), "#\n");
    expect(await treeIdentity(copy, env)).not.toBe(await treeIdentity(tree, env));
  });

  it("reads only the top-level names asked for", async () => {
    const models = await treeIdentity(tree, { only: ["models"] });
    await appendFile(join(tree, "src", "service.py"), "# edit\n");
    expect(await treeIdentity(tree, { only: ["models"] })).toBe(models);
    expect(await treeIdentity(tree, { skip: ["src"] })).toBe(
      await treeIdentity(tree, { only: ["models", "bento.yaml"] }),
    );
  });
});
