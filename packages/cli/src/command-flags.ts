import { directFlagTable } from "./deprecated-flags.js";
import type { FlagTable } from "./flags.js";

const CONTAINERFILE_SHAPE = {
  "enable-features": {
    type: "string",
    multiple: true,
    value: "a,b",
    doc: "BentoML extras to install, e.g. grpc,tracing (spec 1 bentos)",
  },
  layout: {
    type: "string",
    value: "layered|compat",
    doc: "layered (default) copies models before code; compat is BentoML's exact file",
  },
  "base-image": { type: "string", value: "IMAGE", doc: "Replace the FROM image" },
  frontend: { type: "string", value: "IMAGE", doc: "Add a `# syntax=IMAGE` line" },
  "no-frontend": { type: "boolean", doc: "Leave out the `# syntax` line" },
} as const satisfies FlagTable;

/** `--json`, which every command but `containerfile` takes. */
export const JSON_FLAG = {
  json: { type: "boolean", doc: "Print JSON on stdout" },
} as const satisfies FlagTable;

/** `bento containerize`'s flags, the deprecated direct flags hidden among them. */
export const CONTAINERIZE_FLAGS = {
  "image-tag": {
    type: "string",
    short: "t",
    multiple: true,
    value: "NAME:TAG",
    doc: "Image tag (repeatable); default: the bento's name:version",
  },
  "docker-image-tag": { type: "string", multiple: true, hidden: true, doc: "Same as -t" },
  backend: {
    type: "string",
    value: "NAME|auto",
    doc: "Builder backend; default: BENTOML_CONTAINERIZE_BACKEND, else auto (first healthy)",
  },
  opt: {
    type: "string",
    multiple: true,
    value: "ARG[=|:]VALUE",
    doc: "Backend option, e.g. --opt build-arg=FOO=bar --opt no-cache (repeatable)",
  },
  ...CONTAINERFILE_SHAPE,
  "dry-run": { type: "boolean", doc: "Print the Containerfile path and the argv; run nothing" },
  ...JSON_FLAG,
  "run-as-root": { type: "boolean", doc: "Run the backend through sudo" },
  progress: {
    type: "string",
    value: "auto|plain|quiet",
    doc: "auto: a live status line on a terminal; plain: every log line; quiet: the result only",
  },
  "no-labels": { type: "boolean", doc: "Add no OCI labels to the image" },
  "no-reproducible": {
    type: "boolean",
    doc: "Do not pin image timestamps to the bento's creation time",
  },
  "no-environment-image": {
    type: "boolean",
    doc: "podman, buildah: build all in one build, not the environment image plus the code",
  },
  ...directFlagTable(),
} as const satisfies FlagTable;

/** `bento containerfile`'s flags. */
export const CONTAINERFILE_FLAGS = {
  output: {
    type: "string",
    short: "o",
    value: "PATH",
    doc: "Write it here instead (a directory gets NAME_VERSION.dockerfile)",
  },
  "no-buildkit": { type: "boolean", doc: "Plain RUN lines, no BuildKit mounts" },
  ...CONTAINERFILE_SHAPE,
} as const satisfies FlagTable;
