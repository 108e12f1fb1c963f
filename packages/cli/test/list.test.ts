import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { cliSandbox } from "./helpers/sandbox.js";

async function storeBento(home: string, name: string, version: string, created: string) {
  const dir = join(home, "bentos", name, version);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, "bento.yaml"),
    `name: ${name}\nversion: ${version}\ncreation_time: "${created}"\n`,
  );
  return dir;
}

const box = cliSandbox(async (box) => {
  const home = box.env().BENTOML_HOME!;
  await storeBento(home, "iris", "old1", "2025-01-01T00:00:00+00:00");
  await storeBento(home, "iris", "new2", "2026-02-01T10:00:00+00:00");
  await storeBento(home, "summarizer", "v1", "2026-01-01T00:00:00+00:00");
  // `latest` names the older iris on purpose: the file wins over creation times.
  await writeFile(join(home, "bentos", "iris", "latest"), "old1\n");
});

describe("bento list", () => {
  it("tabulates the store, newest version first, marking latest", async () => {
    const result = await runCli(["list"], { env: box().env() });
    expect(result.exitCode).toBe(0);
    const home = box().env().BENTOML_HOME!;
    expect(result.stdout).toBe(
      [
        "TAG            CREATED               LATEST  PATH",
        `iris:new2      2026-02-01T10:00:00Z          ${home}/bentos/iris/new2`,
        `iris:old1      2025-01-01T00:00:00Z  yes     ${home}/bentos/iris/old1`,
        `summarizer:v1  2026-01-01T00:00:00Z  yes     ${home}/bentos/summarizer/v1`,
        "",
      ].join("\n"),
    );
  });

  it("--json gives one object per bento", async () => {
    const result = await runCli(["list", "--json"], { env: box().env() });
    expect(result.exitCode).toBe(0);
    const listings = JSON.parse(result.stdout) as {
      tag: string;
      latest: boolean;
      creationTime: string;
    }[];
    expect(listings.map((bento) => [bento.tag, bento.latest, bento.creationTime])).toEqual([
      ["iris:new2", false, "2026-02-01T10:00:00.000Z"],
      ["iris:old1", true, "2025-01-01T00:00:00.000Z"],
      ["summarizer:v1", true, "2026-01-01T00:00:00.000Z"],
    ]);
  });

  it("says so when the store is empty", async () => {
    const empty = join(box().root, "empty-home");
    const result = await runCli(["list"], { env: box().env({ BENTOML_HOME: empty }) });
    expect(result).toMatchObject({ exitCode: 0, stdout: `No bentos in ${empty}.\n` });
  });
});
