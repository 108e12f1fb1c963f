import { readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, requireBuiltCli, runCli } from "./helpers/run-cli.js";

beforeAll(requireBuiltCli);

describe("bento (built binary)", () => {
  it("--help lists the commands and exits 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.exitCode).toBe(0);
    for (const command of ["containerize", "containerfile", "health", "backends", "list"]) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`));
    }
    expect(result.stderr).toBe("");
  });

  it("COMMAND --help shows the command's flags", async () => {
    const result = await runCli(["containerize", "--help"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: bento containerize BENTO/);
    for (const flag of ["--backend", "--opt", "--dry-run", "--json", "--progress", "--no-labels"]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it("--version prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(dirname(BIN), "../package.json"), "utf8"));
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ exitCode: 0, stdout: `${pkg.version}\n` });
  });

  it("an unknown command is a usage error naming the closest command", async () => {
    const result = await runCli(["contanerize", "x"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'error: Unknown command "contanerize". Did you mean "containerize"?\n' +
        "Commands: containerize, containerfile, health, backends, list. Run `bento --help` for more.\n",
    );
    expect(result.stdout).toBe("");
  });

  it("no command prints help on stderr and exits 2", async () => {
    const result = await runCli([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Usage: bento COMMAND");
  });

  it("an unknown flag is a usage error naming the closest flag", async () => {
    const result = await runCli(["list", "--jsn"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: bento list has no flag --jsn\. Did you mean --json\?\n/);
  });
});

/** Relative imports a built module makes statically (`import ... from "./x.js"` or `import "./x.js"`). */
function staticImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(?:[^"']*?\s+from\s+)?["']([^"']+)["']/gm)].map(
    (match) => match[1]!,
  );
}

describe("start-up", () => {
  it("--help loads no core or backend module: everything heavy is imported lazily", async () => {
    const seen = new Set<string>();
    const bare: string[] = [];
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of staticImports(await readFile(file, "utf8"))) {
        if (specifier.startsWith(".")) await visit(join(dirname(file), specifier));
        else bare.push(specifier);
      }
    };
    await visit(BIN);
    expect(seen.size).toBeGreaterThan(1);
    expect(
      bare.filter((specifier) => !specifier.startsWith("node:") && specifier !== "fs"),
    ).toEqual([]);
  });

  it("--help and --version load neither core nor any backend (they start as fast as Node)", async () => {
    // The built CLI alone, with no node_modules anywhere above it: any import of
    // @bento/container-core or a backend on these paths would fail to resolve.
    const alone = await mkdtemp(join(tmpdir(), "bento-cli-alone-"));
    try {
      await cp(dirname(BIN), join(alone, "dist"), { recursive: true });
      await writeFile(
        join(alone, "package.json"),
        readFileSync(join(dirname(BIN), "../package.json")),
      );
      for (const args of [["--help"], ["--version"], ["containerize", "--help"]]) {
        const result = await execa(process.execPath, [join(alone, "dist/bin.js"), ...args], {
          reject: false,
        });
        expect(result.stderr).toBe("");
        expect(result.exitCode).toBe(0);
      }
    } finally {
      await rm(alone, { recursive: true, force: true });
    }
  });
});
