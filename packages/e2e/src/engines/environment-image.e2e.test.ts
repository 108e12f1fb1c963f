import { appendFile, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  baseImage,
  type EngineName,
  exec,
  imageInspect,
  removeImages,
  requireEngine,
} from "@bento/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containerize, runBento } from "./bento-cli.js";
import { editServiceSource } from "./bento-edits.js";
import { sharedPrefix } from "./layers.js";
import { IRIS } from "./paths.js";
import { type Sandbox, sandbox } from "./sandbox.js";

// Issue 17: on podman and buildah a layered build is the bento's environment as its own
// image plus the code on top; on every engine a build whose inputs are unchanged tags
// the image it made before instead of running.

const runId = `${process.pid}`;
const BUILT_ENVIRONMENT = "Building the environment image";
const PLANNED_AGAIN = "planning again";

/** One `bento containerize` of the suite, with the environment image its code build used. */
interface Run {
  tag: string;
  imageId: string;
  reused: boolean;
  output: string;
  /** The code build's FROM image (`bento-env-...`), `undefined` for a single build. */
  environment?: string;
}

function suite(engine: EngineName, split: boolean): void {
  let box: Sandbox;
  let usable = false;
  const made = new Set<string>();
  beforeAll(async () => {
    usable = await requireEngine(engine);
    if (usable) box = await sandbox(`bento-e2e-env-${engine}-`);
  });
  afterAll(async () => {
    if (!usable) return;
    await removeImages(engine, ...made);
    await box.cleanup();
  });

  /** A copy of iris whose requirements carry `nonce`: an environment no other run shares. */
  const iris = async (name: string, nonce: string) => {
    const dir = await box.copyBento(IRIS.dir, name);
    await appendFile(join(dir, "env/python/requirements.txt"), `# ${nonce}\n`);
    return dir;
  };
  const build = async (
    dir: string,
    what: string,
    flags: string[] = [],
    base = baseImage(),
  ): Promise<Run> => {
    const tag = `bento-e2e-env-${what}:${engine}-${runId}`;
    made.add(tag);
    const common = ["-t", tag, "--backend", engine, "--base-image", base];
    const run = await containerize(dir, [...common, ...flags], box.env());
    const text = await readFile(run.json.containerfile, "utf8");
    const environment = /^FROM (bento-env-\S+)$/m.exec(text)?.[1];
    if (environment) made.add(environment);
    return {
      tag,
      imageId: run.json.imageId ?? "",
      reused: run.json.reused,
      output: `${run.stdout}\n${run.stderr}`,
      environment,
    };
  };
  const layers = async (tag: string) => (await imageInspect(engine, tag)).layers;
  /** A check of the environment image: registered only where the engine builds one. */
  const splitIt = (name: string, check: () => Promise<void>) => {
    if (split) it(name, check);
  };

  describe(`${engine}: ${split ? "environment image, " : ""}unchanged builds`, () => {
    splitIt("after a src edit only the code layer changes", async () => {
      if (!usable) return;
      const dir = await iris("iris", `edit-${runId}`);
      const first = await build(dir, "iris");
      expect(first.environment).toMatch(/^bento-env-iris_classifier:[0-9a-f]{32}$/);
      expect(first.output).toContain(BUILT_ENVIRONMENT);
      const before = await layers(first.tag);
      await editServiceSource(dir);
      const second = await build(dir, "iris");
      expect(second.environment).toBe(first.environment);
      expect(second.output).not.toContain(BUILT_ENVIRONMENT);
      expect(second.imageId).not.toBe(first.imageId);
      const after = await layers(second.tag);
      expect(after).toHaveLength(before.length);
      expect(sharedPrefix(before, after)).toBe(before.length - 1);
    });

    it("an unchanged build tags the image it made before; no-cache builds again", async () => {
      if (!usable) return;
      const dir = await iris("iris-noop", `noop-${runId}`);
      const first = await build(dir, "noop");
      expect(first.reused).toBe(false);
      const again = await build(dir, "noop-again");
      expect(again).toMatchObject({ reused: true, imageId: first.imageId });
      expect((await imageInspect(engine, again.tag)).id).toBe(first.imageId);
      await editServiceSource(dir);
      expect((await build(dir, "noop-edited")).reused).toBe(false);
      if (!split) {
        const fresh = await build(dir, "noop-edited", ["--opt", "no-cache"]);
        expect(fresh.reused).toBe(false);
      }
    });

    splitIt("a requirements or model change rebuilds the environment", async () => {
      if (!usable) return;
      const dir = await iris("iris-deps", `deps-${runId}`);
      const first = await build(dir, "deps");
      await appendFile(join(dir, "env/python/requirements.txt"), "# one more line\n");
      const requirements = await build(dir, "deps");
      expect(requirements.output).toContain(BUILT_ENVIRONMENT);
      expect(requirements.environment).not.toBe(first.environment);
      // The store's model file changes (a small file: it is identified by its bytes).
      const model = join(box.home, "models", IRIS.model.name, IRIS.model.version);
      await appendFile(join(model, "saved_model.pkl"), "\n");
      const modelChanged = await build(dir, "deps");
      expect(modelChanged.output).toContain(BUILT_ENVIRONMENT);
      expect(modelChanged.environment).not.toBe(requirements.environment);
    });

    splitIt("a removed environment image is built again, transparently", async () => {
      if (!usable) return;
      const dir = await iris("iris-removed", `removed-${runId}`);
      const first = await build(dir, "removed");
      // The image built on it goes first: podman keeps an image that has children.
      await exec(["podman", "rmi", first.tag], { timeoutMs: 60_000 });
      await exec(["podman", "rmi", first.environment!], { timeoutMs: 60_000 });
      const gone = await exec(["podman", "image", "exists", first.environment!]);
      expect(gone.exitCode).toBe(1);
      await editServiceSource(dir);
      const again = await build(dir, "removed");
      // The base ids remembered from the first build named the image: the code build
      // started on that guess, which did not hold, and the build was planned again.
      expect(again.output).toContain(PLANNED_AGAIN);
      expect(again.output).toContain(BUILT_ENVIRONMENT);
      expect(again.environment).toBe(first.environment);
      expect((await exec(["podman", "image", "exists", first.environment!])).exitCode).toBe(0);
    });

    splitIt("a base tag moved to another image gets an environment built on it", async () => {
      if (!usable) return;
      const base = `bento-e2e-env-base:${engine}-${runId}`;
      made.add(base);
      await exec(["podman", "tag", baseImage(), base], { timeoutMs: 60_000 });
      const dir = await iris("iris-rebased", `rebased-${runId}`);
      const first = await build(dir, "rebased", [], base);
      const file = join(dir, "..", "rebased.Containerfile");
      await writeFile(file, `FROM ${baseImage()}\nRUN echo rebased > /rebased\n`);
      const moved = await exec(["podman", "build", "-q", "-t", base, "-f", file, dirname(file)], {
        timeoutMs: 300_000,
      });
      expect(moved.exitCode).toBe(0);
      await editServiceSource(dir);
      const again = await build(dir, "rebased", [], base);
      expect(again.output).toContain(PLANNED_AGAIN);
      expect(again.output).toContain(BUILT_ENVIRONMENT);
      expect(again.environment).not.toBe(first.environment);
      const run = ["podman", "run", "--rm", "--entrypoint", "cat", again.tag, "/rebased"];
      expect((await exec(run, { timeoutMs: 120_000 })).stdout.trim()).toBe("rebased");
      // The new id is remembered: the next rebuild's guess holds.
      await editServiceSource(dir);
      const third = await build(dir, "rebased", [], base);
      expect(third.output).not.toContain(PLANNED_AGAIN);
      expect(third.environment).toBe(again.environment);
    });

    splitIt("two bentos sharing an environment build it once, at once", async () => {
      if (!usable) return;
      const nonce = `shared-${runId}`;
      const [one, two] = await Promise.all([iris("iris-one", nonce), iris("iris-two", nonce)]);
      // A second version of the bento: its own staged context, the same environment.
      const yaml = join(two, "bento.yaml");
      await writeFile(
        yaml,
        (await readFile(yaml, "utf8")).replace(/^version: .*$/m, "version: concurrent2"),
      );
      await editServiceSource(two);
      const runs = await Promise.all([build(one, "shared-one"), build(two, "shared-two")]);
      expect(runs[0].environment).toBe(runs[1].environment);
      expect(runs.filter((run) => run.output.includes(BUILT_ENVIRONMENT))).toHaveLength(1);
      expect(runs[0].imageId).not.toBe(runs[1].imageId);
    });

    it("a dry run shows every command the build runs, the environment image's first", async () => {
      if (!usable) return;
      const dir = await iris("iris-dry", `dry-${runId}`);
      const tag = `bento-e2e-env-dry:${engine}-${runId}`;
      const flags = ["-t", tag, "--backend", engine, "--base-image", baseImage()];
      const dry = (await containerize(dir, [...flags, "--dry-run"], box.env())).json;
      const real = await build(dir, "dry");
      const shown = (await runBento(["containerize", dir, ...flags, "--dry-run"], box.env()))
        .stdout;
      if (!split) {
        expect(dry.environment).toBeNull();
        expect(shown).not.toContain("bento-env-");
        return;
      }
      // The tag the dry run names is the one the build made and built FROM.
      expect(dry.environment?.tag).toBe(real.environment);
      expect(real.output).toContain(`${BUILT_ENVIRONMENT} ${dry.environment?.tag}`);
      expect(dry.environment?.argv).toEqual(
        expect.arrayContaining([engine, "build", "--tag", dry.environment!.tag]),
      );
      expect(dry.environment?.argv).not.toContain("--iidfile");
      expect(dry.argv).toContain(tag);
      // Build arguments reach the environment build; the code build reads none.
      expect(dry.environment?.argv).toContain("--build-arg");
      expect(dry.argv).not.toContain("--build-arg");
      expect(real.output).not.toContain("not consumed");
      const envAt = shown.indexOf(`--tag ${dry.environment?.tag}`);
      expect(envAt).toBeGreaterThan(0);
      expect(shown.indexOf(`--tag ${tag}`)).toBeGreaterThan(envAt);
    });

    splitIt("the split image keeps user, entrypoint, labels and env", async () => {
      if (!usable) return;
      const dir = await iris("iris-facts", `facts-${runId}`);
      const split = await build(dir, "facts");
      const single = await build(dir, "facts-single", ["--no-environment-image"]);
      expect(single.environment).toBeUndefined();
      const [a, b] = await Promise.all([
        imageInspect(engine, split.tag),
        imageInspect(engine, single.tag),
      ]);
      for (const key of ["user", "workdir", "entrypoint", "cmd", "exposedPorts", "env"] as const)
        expect(a[key], key).toEqual(b[key]);
      expect(a.labels).toEqual(b.labels);
      expect(a.labels["ai.bentoml.bento"]).toBe(`${IRIS.name}:x4kzqfv7ckc3ahqb`);
    });
  });
}

suite("podman", true);
suite("buildah", true);
suite("docker", false);
