import { createHash, randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  baseImage,
  describeFailure,
  ENGINES,
  type EngineName,
  exec,
  imageInspect,
  isBuildkit,
  registryBaseImage,
  removeImages,
  requireEngine,
  runInImage,
  type TempDir,
  tempDir,
} from "../src/index.js";

// The first proof that scripts/engines/setup.sh left working engines: each one builds FROM the
// offline base image with the uv stand-in, a cache mount, a secret mount, --iidfile and --label.

const usable = new Map<EngineName, boolean>();
for (const engine of ENGINES) usable.set(engine, await requireEngine(engine));

const SECRET = `not-in-the-image-${randomUUID()}`;

// BuildKit leaves secrets out of the cache key: without a per-run nonce in the instruction,
// a rebuild with a new secret value reuses the step that saw the old one.
const NONCE = randomUUID();

const containerfile = (from: string) => `FROM ${from}
RUN uv venv -p 3.11 /app/.venv
ENV VIRTUAL_ENV=/app/.venv
ENV PATH="/app/.venv/bin:$PATH"
COPY requirements.txt /tmp/requirements.txt
RUN --mount=type=cache,target=/root/.cache/uv uv pip install -r /tmp/requirements.txt
RUN --mount=type=secret,id=FOO : ${NONCE} && sha256sum /run/secrets/FOO | cut -d' ' -f1 > /app/secret.sha256
`;

/** The build command per engine; the flags are the ones the backends pass. */
function buildArgv(engine: EngineName, dir: string, tag: string): string[] {
  if (engine === "buildctl") return buildctlArgv(dir, tag);
  const flags = [
    "--tag",
    tag,
    "--iidfile",
    join(dir, "iid"),
    "--label",
    `org.bento-container.test=${engine}`,
    "--secret",
    `id=FOO,src=${join(dir, "foo.secret")}`,
    "--file",
    join(dir, "Containerfile"),
    join(dir, "context"),
  ];
  const command: Record<Exclude<EngineName, "buildctl">, string[]> = {
    docker: ["docker", "build"],
    buildx: ["docker", "buildx", "build", "--load"],
    podman: ["podman", "build"],
    buildah: ["buildah", "build"],
  };
  return [...command[engine], ...flags];
}

/** buildctl writes a docker tarball that `docker load` reads; the id comes in its metadata file. */
function buildctlArgv(dir: string, tag: string): string[] {
  const build = [
    ...["buildctl", "build", "--frontend", "dockerfile.v0"],
    ...["--local", `context=${join(dir, "context")}`, "--local", `dockerfile=${dir}`],
    ...["--opt", "filename=Containerfile", "--opt", "label:org.bento-container.test=buildctl"],
    ...["--secret", `id=FOO,src=${join(dir, "foo.secret")}`],
    ...["--metadata-file", join(dir, "metadata.json")],
    ...["--output", `type=docker,name=${tag}`],
  ];
  const quoted = build.map((arg) => `'${arg}'`).join(" ");
  return ["bash", "-c", `set -o pipefail; ${quoted} | docker load`];
}

/** The image id the build reported. */
async function reportedId(engine: EngineName, dir: string): Promise<string> {
  if (engine !== "buildctl") return (await readFile(join(dir, "iid"), "utf8")).trim();
  const metadata = JSON.parse(await readFile(join(dir, "metadata.json"), "utf8"));
  return metadata["containerimage.config.digest"];
}

async function prepare(engine: EngineName, dir: string): Promise<void> {
  await exec(["mkdir", "-p", join(dir, "context")]);
  await writeFile(join(dir, "context", "requirements.txt"), "");
  await writeFile(join(dir, "foo.secret"), SECRET, { mode: 0o600 });
  // buildkitd sees no local image store: it pulls the base image from the loopback registry.
  const from = engine === "buildctl" ? registryBaseImage() : baseImage();
  await writeFile(join(dir, "Containerfile"), containerfile(from));
}

for (const engine of ENGINES) {
  describe.skipIf(!usable.get(engine))(`${engine} engine`, () => {
    const tag = `bento-test-engines-${engine}:${process.pid}`;
    let dir: TempDir | undefined;

    afterAll(async () => {
      await removeImages(engine, tag);
      await dir?.cleanup();
    });

    it("builds from the base image and runs the result", { timeout: 300_000 }, async () => {
      dir = await tempDir(`bento-e2e-${engine}-`);
      await prepare(engine, dir.path);
      const argv = buildArgv(engine, dir.path, tag);
      const build = await exec(argv, {
        env: engine === "docker" ? { ...process.env, DOCKER_BUILDKIT: "1" } : process.env,
        timeoutMs: 280_000,
      });
      expect(build.exitCode, describeFailure(argv, build)).toBe(0);

      const info = await imageInspect(engine, tag);
      expect(await reportedId(engine, dir.path)).toBe(info.id);
      expect(info.labels["org.bento-container.test"]).toBe(engine);
      expect(info.env.VIRTUAL_ENV).toBe("/app/.venv");
      expect(info.history.map((step) => step.createdBy).join("\n")).not.toContain(SECRET);

      const run = await runInImage(engine, tag, [
        "sh",
        "-c",
        'python -c "import sys; print(sys.prefix)"; cat /app/secret.sha256; test ! -e /run/secrets/FOO',
      ]);
      const sha = createHash("sha256").update(SECRET).digest("hex");
      expect(run.stdout.trim().split("\n")).toEqual(["/app/.venv", sha]);
    });

    if (isBuildkit(engine)) {
      it("builds with BuildKit", async () => {
        const info = await imageInspect(engine, tag);
        expect(info.history.at(-1)?.comment).toBe("buildkit.dockerfile.v0");
      });
    }
  });
}
