import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
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

  it("--help answers about as fast as a bare node start", async () => {
    const time = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    const node: number[] = [];
    const help: number[] = [];
    for (let i = 0; i < 3; i++) {
      node.push(await time(() => execa(process.execPath, ["-e", "0"])));
      help.push(await time(() => runCli(["--help"])));
    }
    // Loading core and the backends costs several hundred ms; --help must not pay it.
    expect(median(help)).toBeLessThan(median(node) + 150);
  });
});
