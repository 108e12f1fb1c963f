import { nearest } from "../backend/nearest.js";
import type { BentoDockerSection } from "../bento/schema.js";
import { ContainerfileError } from "../errors.js";
import { cudaBaseImage, resolveCudaVersion } from "./cuda.js";
import { collapseToOneLine } from "./line-safety.js";
import { normalizePythonVersion } from "./python-version.js";

/** Distros a spec 1 bento can be containerized on. */
export const DISTROS = ["debian", "alpine", "ubi8", "amazonlinux"] as const;

/** One of {@link DISTROS}. */
export type Distro = (typeof DISTROS)[number];

/** The spec 1 template a bento renders with, and what it fills in. */
export interface V1TemplateChoice {
  /** Template file name without `.liquid`, e.g. `python_debian`, or `base` for a custom image. */
  template: string;
  baseImage: string;
  /** major.minor, when bento.yaml names one. */
  pythonVersion?: string;
  isCuda: boolean;
}

/** The python image per distro, as BentoML names it. */
export const PYTHON_IMAGES: Readonly<Record<Distro, (version: string) => string>> = {
  debian: (v) => `python:${v}-slim`,
  alpine: (v) => `python:${v}-alpine`,
  // ubi8 tags drop the dot: python-311
  ubi8: (v) => `registry.access.redhat.com/ubi8/python-${v.replace(".", "")}:1`,
  amazonlinux: () => "amazonlinux:2",
};

/** The miniconda image per distro; BentoML has none for ubi8 and amazonlinux. */
export const MINICONDA_IMAGES: Readonly<Partial<Record<Distro, string>>> = {
  debian: "continuumio/miniconda3:latest",
  alpine: "continuumio/miniconda3:4.10.3p0-alpine",
};

/**
 * Picks the template as BentoML does: a base image means the generic template;
 * else CUDA when `cuda_version` is set, else miniconda when conda is used, else python.
 */
export function chooseV1Template(
  docker: BentoDockerSection,
  usesConda: boolean,
  baseImageOverride?: string,
): V1TemplateChoice {
  const custom = baseImageOverride ?? docker.base_image;
  if (custom !== undefined && custom.trim() !== "") {
    const key = baseImageOverride === undefined ? "docker.base_image" : "the baseImage option";
    return {
      template: "base",
      baseImage: collapseToOneLine(custom, key),
      pythonVersion: optionalPython(docker),
      isCuda: false,
    };
  }
  const distro = checkDistro(docker.distro ?? "debian");
  if (docker.python_version === undefined)
    throw new ContainerfileError("bento.yaml: docker.python_version is missing", {
      hint: 'Set docker.python_version (e.g. "3.11"), or docker.base_image to an image with Python.',
    });
  const python = normalizePythonVersion(docker.python_version, "docker.python_version");
  if (docker.cuda_version !== undefined) return cudaChoice(distro, docker.cuda_version, python);
  if (usesConda) return condaChoice(distro, python);
  return {
    template: `python_${distro}`,
    baseImage: PYTHON_IMAGES[distro](python),
    pythonVersion: python,
    isCuda: false,
  };
}

function cudaChoice(distro: Distro, cudaVersion: string, python: string): V1TemplateChoice {
  if (distro !== "debian" && distro !== "ubi8")
    throw new ContainerfileError(
      `bento.yaml: docker.cuda_version is set, but CUDA is not available on ${distro}`,
      {
        hint: "Use distro debian or ubi8 for CUDA, or remove docker.cuda_version.",
      },
    );
  const full = resolveCudaVersion(cudaVersion);
  return {
    template: `cuda_${distro}`,
    baseImage: cudaBaseImage(distro, full),
    pythonVersion: python,
    isCuda: true,
  };
}

function condaChoice(distro: Distro, python: string): V1TemplateChoice {
  const image = MINICONDA_IMAGES[distro];
  if (image === undefined)
    throw new ContainerfileError(
      `bento.yaml: conda is set, but no miniconda image exists for ${distro}`,
      {
        hint: "Use distro debian or alpine with conda, or move the conda packages to python requirements.",
      },
    );
  return {
    template: `miniconda_${distro}`,
    baseImage: image,
    pythonVersion: python,
    isCuda: false,
  };
}

function checkDistro(distro: string): Distro {
  if ((DISTROS as readonly string[]).includes(distro)) return distro as Distro;
  const guess = nearest(distro, DISTROS);
  throw new ContainerfileError(`bento.yaml: docker.distro "${distro}" is not a supported distro`, {
    hint: `${guess ? `Did you mean "${guess}"? ` : ""}Supported distros: ${DISTROS.join(", ")}.`,
  });
}

function optionalPython(docker: BentoDockerSection): string | undefined {
  const version = docker.python_version;
  return version === undefined
    ? undefined
    : normalizePythonVersion(version, "docker.python_version");
}
