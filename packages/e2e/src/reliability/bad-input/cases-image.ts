import { spec1, spec2 } from "../support/bento-files.js";
import { apiBuild, apiContainerfile } from "./api.js";
import { type BadInputCase, bentoDir } from "./case.js";

const containerfile =
  (...flags: string[]) =>
  (ref: string) => ["containerfile", ref, ...flags];
const containerize =
  (...flags: string[]) =>
  (ref: string) => ["containerize", ref, ...flags];
const TEMPLATE = "env/docker/Dockerfile.template";

const imageCase = (
  name: string,
  yaml: Record<string, unknown>,
  code: string,
  message: RegExp,
  files: Record<string, string> = {},
) =>
  ({
    name,
    setup: bentoDir(yaml, files),
    cli: containerfile(),
    api: apiContainerfile(),
    exit: 2,
    code,
    message,
  }) satisfies BadInputCase;

const templateCase = (name: string, template: string, message: RegExp) =>
  imageCase(name, spec1({ dockerfile_template: TEMPLATE }), "E_CONTAINERFILE", message, {
    [TEMPLATE]: template,
  });

/** Settings no image can be made from: distro, CUDA, Python, paths, templates, features. */
export const IMAGE_CASES: readonly BadInputCase[] = [
  imageCase("unknown distro", spec1({ distro: "gentoo" }), "E_CONTAINERFILE", /distro "gentoo"/),
  imageCase(
    "CUDA on alpine",
    spec1({ distro: "alpine", cuda_version: "12" }),
    "E_CONTAINERFILE",
    /CUDA is not available on alpine/,
  ),
  imageCase(
    "CUDA on amazonlinux",
    spec1({ distro: "amazonlinux", cuda_version: "12.8" }),
    "E_CONTAINERFILE",
    /CUDA is not available on amazonlinux/,
  ),
  imageCase(
    "unknown CUDA version",
    spec1({ cuda_version: "9.9" }),
    "E_CONTAINERFILE",
    /cuda_version "9\.9" is not a supported CUDA version/,
  ),
  imageCase(
    "Python version of the wrong form (spec 1)",
    spec1({ python_version: "3.11.2.1" }),
    "E_CONTAINERFILE",
    /python_version "3\.11\.2\.1" is not a Python version/,
  ),
  imageCase(
    "neither base image nor Python version (spec 2)",
    spec2({ base_image: null, python_version: null }),
    "E_CONTAINERFILE",
    /base_image and image\.python_version are both missing/,
  ),
  imageCase(
    "Python version that is no version",
    spec2({ python_version: "three" }),
    "E_CONTAINERFILE",
    /python_version "three" is not a Python version/,
  ),
  imageCase(
    "build_include leaving src/ with ..",
    spec2({ build_include: ["../../etc/passwd"] }),
    "E_UNSAFE_PATH",
    /build_include\[0\].*outside the bento/,
  ),
  imageCase(
    "build_include absolute",
    spec2({ build_include: ["/etc/passwd"] }),
    "E_UNSAFE_PATH",
    /build_include\[0\].*outside the bento/,
  ),
  imageCase(
    "dockerfile_template missing",
    spec1({ dockerfile_template: TEMPLATE }),
    "E_CONTAINERFILE",
    /dockerfile_template.*cannot be read/,
  ),
  templateCase(
    "template importing a file that is not _macros.j2",
    "{% extends bento_base_template %}\n{% import 'mine.j2' as m %}\n",
    /Dockerfile\.template:2: cannot import "mine\.j2"/,
  ),
  templateCase(
    "template with {% include %}",
    "{% extends bento_base_template %}\n{% include 'other.j2' %}\n",
    /Dockerfile\.template:2: unsupported Jinja statement \{% include/,
  ),
  templateCase(
    "template with an unclosed block",
    "{% extends bento_base_template %}\n{% block SETUP_BENTO_COMPONENTS %}\nRUN true\n",
    /Dockerfile\.template:2: \{% block %\} is never closed/,
  ),
  templateCase(
    "template with an unknown filter",
    "{% extends bento_base_template %}\n{% block SETUP_BENTO_COMPONENTS %}{{ x | shout }}{% endblock %}\n",
    /Dockerfile\.template:2: unsupported filter "shout"/,
  ),
  {
    name: "unknown feature",
    setup: bentoDir(spec1()),
    cli: containerize("--enable-features", "grpc,telepathy"),
    api: apiBuild({ features: ["grpc", "telepathy"] }),
    exit: 2,
    code: "E_CONTAINERFILE",
    message: /telepathy/,
  },
  {
    name: "build-stage env without BuildKit (containerfile --no-buildkit)",
    setup: bentoDir(spec2({}, { envs: [{ name: "TOKEN", value: "t", stage: "build" }] })),
    cli: containerfile("--no-buildkit"),
    api: apiContainerfile({ enableBuildkit: false }),
    exit: 2,
    code: "E_CONTAINERFILE",
    message: /Build-stage envs \(TOKEN\).*BuildKit is off/,
  },
  {
    name: "build-stage env without BuildKit (DOCKER_BUILDKIT=0)",
    setup: bentoDir(spec2({}, { envs: [{ name: "TOKEN", stage: "build" }] })),
    env: { DOCKER_BUILDKIT: "0", TOKEN: "from-env" },
    cli: containerize("--backend", "docker"),
    api: apiBuild({ backend: "docker" }),
    exit: 2,
    code: "E_CONTAINERFILE",
    message: /Build-stage envs \(TOKEN\).*BuildKit is off/,
  },
];
