import { spec2 } from "../support/bento-files.js";
import { apiBuild } from "./api.js";
import { type BadInputCase, bentoDir } from "./case.js";

const containerize =
  (...flags: string[]) =>
  (ref: string) => ["containerize", ref, ...flags];

const cliCase = (name: string, flags: string[], message: RegExp, code = "E_USAGE") =>
  ({
    name,
    setup: bentoDir(spec2()),
    cli: containerize(...flags),
    exit: 2,
    code,
    message,
  }) satisfies BadInputCase;

/** Backends that do not exist or cannot run, and options and flags that are wrong. */
export const BACKEND_CASES: readonly BadInputCase[] = [
  {
    name: "unknown backend",
    setup: bentoDir(spec2()),
    cli: containerize("--backend", "dockr"),
    api: apiBuild({ backend: "dockr" }),
    exit: 2,
    code: "E_UNKNOWN_BACKEND",
    message: /dockr.*docker/s,
  },
  {
    name: "misspelt option",
    setup: bentoDir(spec2()),
    cli: containerize("--backend", "docker", "--opt", "no-cahce"),
    api: apiBuild({ backend: "docker", noCahce: true }),
    exit: 2,
    code: "E_OPTION",
    message: /noCahce|no-cahce/,
  },
  {
    name: "ill-typed option",
    setup: bentoDir(spec2()),
    cli: containerize("--backend", "docker", "--opt", "network"),
    api: apiBuild({ backend: "docker", network: true }),
    exit: 2,
    code: "E_OPTION",
    message: /network.*(?:must be a string|needs a value)/,
  },
  {
    name: "option outside its allowed values",
    setup: bentoDir(spec2()),
    cli: containerize("--backend", "docker", "--opt", "progress=loud"),
    api: apiBuild({ backend: "docker", progress: "loud" }),
    exit: 2,
    code: "E_OPTION",
    message: /progress.*auto, tty, plain/,
  },
  cliCase("empty --opt key before =", ["--opt", "=value"], /--opt/),
  cliCase("empty --opt key before :", ["--opt", ":value"], /--opt/),
  cliCase("--opt with no argument", ["--opt"], /--opt/),
  cliCase("unknown flag", ["--frobnicate"], /--frobnicate/),
  cliCase("unknown layout", ["--layout", "stacked"], /stacked/),
  cliCase("unknown progress mode", ["--progress", "loud"], /loud/),
  {
    name: "containerize without a bento",
    setup: bentoDir(spec2()),
    cli: () => ["containerize"],
    exit: 2,
    code: "E_USAGE",
    message: /BENTO|bento/,
  },
  {
    name: "unknown command",
    setup: bentoDir(spec2()),
    cli: (ref) => ["containerise", ref],
    exit: 2,
    code: "E_USAGE",
    message: /containerise.*containerize/s,
  },
  {
    name: "invalid --frontend image",
    setup: bentoDir(spec2()),
    cli: containerize("--frontend", "not an image"),
    api: apiBuild({ frontend: "not an image" }),
    exit: 2,
    code: "E_CONTAINERFILE",
    message: /not an image/,
  },
  {
    name: "no healthy backend (auto)",
    setup: bentoDir(spec2()),
    engines: "none",
    cli: containerize(),
    api: apiBuild(),
    exit: 3,
    code: "E_BACKEND_UNAVAILABLE",
    message: /docker/,
  },
  {
    name: "backend binary missing (podman)",
    setup: bentoDir(spec2()),
    engines: "none",
    cli: containerize("--backend", "podman"),
    api: apiBuild({ backend: "podman" }),
    exit: 3,
    code: "E_BACKEND_UNAVAILABLE",
    message: /podman.*not on PATH/s,
  },
  {
    name: "docker daemon not answering",
    setup: bentoDir(spec2()),
    engines: "docker-down",
    cli: containerize("--backend", "docker"),
    api: apiBuild({ backend: "docker" }),
    exit: 3,
    code: "E_BACKEND_UNAVAILABLE",
    message: /docker version.*Cannot connect to the Docker daemon/s,
  },
];
