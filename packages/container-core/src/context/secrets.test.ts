import { readdir, readFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { prepareSecretFiles, writeSecretFiles } from "./secrets.js";

describe("prepareSecretFiles and writeSecretFiles", () => {
  it("writes 0600 files in a 0700 directory and removes them", async () => {
    const secrets = await prepareSecretFiles({ HF_TOKEN: "s3cret", OTHER: "x" });
    expect(secrets.specs).toEqual([
      `id=HF_TOKEN,src=${secrets.dir}/HF_TOKEN`,
      `id=OTHER,src=${secrets.dir}/OTHER`,
    ]);
    expect(await readdir(secrets.dir!)).toEqual([]);
    await writeSecretFiles(secrets.files);
    expect((await stat(secrets.dir!)).mode & 0o777).toBe(0o700);
    expect((await stat(`${secrets.dir}/HF_TOKEN`)).mode & 0o777).toBe(0o600);
    expect(await readFile(`${secrets.dir}/HF_TOKEN`, "utf8")).toBe("s3cret");
    await secrets.dispose();
    await expect(stat(secrets.dir!)).rejects.toThrow(/ENOENT/);
  });

  it("makes nothing when there are no secrets", async () => {
    const secrets = await prepareSecretFiles({});
    expect(secrets.specs).toEqual([]);
    expect(secrets.dir).toBeUndefined();
  });

  it("refuses a name that could leave the directory", async () => {
    await expect(prepareSecretFiles({ "../x": "v" })).rejects.toThrow(/Invalid build secret name/);
  });
});
