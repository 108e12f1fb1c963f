import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describeFailure, exec, tempDir } from "@bento/backend-testing";
import type { TestProject } from "vitest/node";
import { type PackedInstall, REPO } from "../helpers/packed.js";

interface PackageJson {
  name: string;
  private?: boolean;
}

/** The workspace's public packages, by name, with their directories. */
async function publicPackages(): Promise<{ name: string; dir: string }[]> {
  const packages = [];
  for (const entry of (await readdir(join(REPO, "packages"))).sort()) {
    const dir = join(REPO, "packages", entry);
    const file = join(dir, "package.json");
    const pkg = JSON.parse(await readFile(file, "utf8").catch(() => "{}")) as PackageJson;
    if (pkg.name && !pkg.private) packages.push({ name: pkg.name, dir });
  }
  return packages;
}

async function run(argv: string[], cwd: string): Promise<string> {
  const result = await exec(argv, { cwd, env: { ...process.env, npm_config_yes: "true" } });
  if (result.exitCode !== 0) throw new Error(describeFailure(argv, result));
  return result.stdout;
}

/**
 * Packs every public package with `pnpm pack` (as publishing does: workspace
 * ranges rewritten) and installs the tarballs with plain npm into a new project
 * outside the workspace; the tests share that install.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await tempDir("bento-packed-");
  const tarballDir = join(root.path, "tarballs");
  const app = join(root.path, "app");
  await mkdir(tarballDir);
  await mkdir(app);
  const tarballs: Record<string, string> = {};
  for (const { name, dir } of await publicPackages()) {
    const out = await run(["pnpm", "pack", "--pack-destination", tarballDir], dir);
    tarballs[name] = out.trim().split("\n").at(-1)!.trim();
  }
  const dependencies = Object.fromEntries(
    Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
  );
  const manifest = {
    name: "packed-app",
    private: true,
    type: "module",
    dependencies: { ...dependencies, "@types/node": "^20.19.0" },
  };
  await writeFile(join(app, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline"], app);
  const packed: PackedInstall = { root: root.path, app, tarballs };
  project.provide("packed", packed);
  return () => root.cleanup();
}
