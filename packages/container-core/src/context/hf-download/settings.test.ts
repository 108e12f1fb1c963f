import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hubSettings } from "./settings.js";

const PUBLIC = "https://hub.example";
const src = (endpoint?: string) => ({ model_id: "a/b", revision: "main", endpoint });

describe("hubSettings", () => {
  it("HF_ENDPOINT (a mirror) wins over the public hub bento.yaml records, not over a private one", async () => {
    const env = { HF_ENDPOINT: "http://127.0.0.1:9/", HF_HOME: "/nonexistent" };
    expect((await hubSettings(src(`${PUBLIC}/`), env, PUBLIC)).endpoint).toBe("http://127.0.0.1:9");
    expect((await hubSettings(src(), env, PUBLIC)).endpoint).toBe("http://127.0.0.1:9");
    expect((await hubSettings(src("http://127.0.0.2:8"), env, PUBLIC)).endpoint).toBe(
      "http://127.0.0.2:8",
    );
    expect((await hubSettings(src(), { HF_HOME: "/nonexistent" }, PUBLIC)).endpoint).toBe(PUBLIC);
  });

  it("BENTOML_HF_CACHE_DIR, else the hub cache; HF_HUB_OFFLINE", async () => {
    const s = await hubSettings(
      src(),
      { BENTOML_HF_CACHE_DIR: "/c", HF_HUB_CACHE: "/h", HF_HUB_OFFLINE: "1" },
      PUBLIC,
    );
    expect(s).toMatchObject({ cacheDir: "/c", offline: true });
    expect((await hubSettings(src(), { HF_HUB_CACHE: "/h" }, PUBLIC)).cacheDir).toBe("/h");
    expect((await hubSettings(src(), { HF_HUB_OFFLINE: "0" }, PUBLIC)).offline).toBe(false);
  });

  it("HF_TOKEN, else the token file under HF_HOME", async () => {
    const home = await mkdtemp(join(tmpdir(), "bento-hf-home-"));
    try {
      await writeFile(join(home, "token"), "hf_from_file\n");
      expect((await hubSettings(src(), { HF_HOME: home }, PUBLIC)).token).toBe("hf_from_file");
      expect((await hubSettings(src(), { HF_HOME: home, HF_TOKEN: "t" }, PUBLIC)).token).toBe("t");
      expect(
        (await hubSettings(src(), { HF_HOME: join(home, "none") }, PUBLIC)).token,
      ).toBeUndefined();
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
