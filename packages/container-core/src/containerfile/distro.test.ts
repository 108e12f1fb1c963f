import { describe, expect, it } from "vitest";
import { ContainerfileError } from "../errors.js";
import { CUDA_VERSIONS, cudaBaseImage, resolveCudaVersion } from "./cuda.js";
import { chooseV1Template } from "./distro.js";

describe("spec 1 template and base image", () => {
  it.each([
    ["debian", "3.11", false, "python_debian", "python:3.11-slim"],
    ["alpine", "3.10", false, "python_alpine", "python:3.10-alpine"],
    ["ubi8", "3.11", false, "python_ubi8", "registry.access.redhat.com/ubi8/python-311:1"],
    ["ubi8", "3.9.18", false, "python_ubi8", "registry.access.redhat.com/ubi8/python-39:1"],
    ["amazonlinux", "3.12", false, "python_amazonlinux", "amazonlinux:2"],
    ["debian", "3.12", true, "miniconda_debian", "continuumio/miniconda3:latest"],
    ["alpine", "3.12", true, "miniconda_alpine", "continuumio/miniconda3:4.10.3p0-alpine"],
  ])("%s python %s conda=%s", (distro, python, conda, template, image) => {
    const choice = chooseV1Template({ distro, python_version: python }, conda);
    expect(choice).toMatchObject({ template, baseImage: image, isCuda: false });
  });

  it("defaults to debian and keeps major.minor of a patch version", () => {
    expect(chooseV1Template({ python_version: "3.11.7" }, false)).toMatchObject({
      template: "python_debian",
      baseImage: "python:3.11-slim",
      pythonVersion: "3.11",
    });
  });

  it("uses the generic template for a base image, collapsed to one line, whatever else is set", () => {
    const choice = chooseV1Template(
      {
        base_image: "  --platform=linux/amd64\n   my/img:1  ",
        distro: "alpine",
        cuda_version: "99",
      },
      true,
    );
    expect(choice).toEqual({
      template: "base",
      baseImage: "--platform=linux/amd64 my/img:1",
      pythonVersion: undefined,
      isCuda: false,
    });
  });

  it("lets the baseImage option replace the bento's image", () => {
    const choice = chooseV1Template({ python_version: "3.11" }, false, "local/py:offline");
    expect(choice).toMatchObject({
      template: "base",
      baseImage: "local/py:offline",
      pythonVersion: "3.11",
    });
  });

  it.each([
    [
      { distro: "debain", python_version: "3.11" },
      false,
      'docker.distro "debain" is not a supported distro',
      'Did you mean "debian"?',
    ],
    [{ distro: "debian" }, false, "docker.python_version is missing", "docker.base_image"],
    [{ python_version: "3.1.2.3" }, false, '"3.1.2.3" is not a Python version', "major.minor"],
    [{ python_version: "three" }, false, '"three" is not a Python version', "major.minor"],
    [
      { python_version: "3.11", distro: "alpine", cuda_version: "12" },
      false,
      "CUDA is not available on alpine",
      "debian or ubi8",
    ],
    [
      { python_version: "3.11", distro: "amazonlinux", cuda_version: "12" },
      false,
      "CUDA is not available on amazonlinux",
      "debian or ubi8",
    ],
    [
      { python_version: "3.11", cuda_version: "10.2" },
      false,
      'cuda_version "10.2" is not a supported CUDA version',
      "12.8",
    ],
    [
      { python_version: "3.11", distro: "ubi8" },
      true,
      "no miniconda image exists for ubi8",
      "debian or alpine",
    ],
  ])("refuses %j (conda=%s)", (docker, conda, message, hint) => {
    let error: unknown;
    try {
      chooseV1Template(docker, conda);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContainerfileError);
    expect((error as ContainerfileError).message).toContain(message);
    expect((error as ContainerfileError).hint).toContain(hint);
  });
});

describe("CUDA versions", () => {
  it.each([
    ["12", "12.8.1"],
    ["12.8", "12.8.1"],
    ["12.6", "12.6.3"],
    ["12.1", "12.1.1"],
    ["12.0", "12.0.1"],
    ["11", "11.8.0"],
    ["11.8", "11.8.0"],
    ["11.7", "11.7.1"],
    ["11.6", "11.6.2"],
    ["11.4", "11.4.3"],
    ["11.2", "11.2.2"],
    ["11.6.2", "11.6.2"],
    ["12.6.0", "12.6.0"],
    ["12.1.0", "12.1.0"],
    ["12.0.0", "12.0.0"],
    ["default", "12.8.1"],
  ])("%s is %s", (short, full) => {
    expect(resolveCudaVersion(short)).toBe(full);
  });

  it("accepts BentoML's 26 keys", () => {
    expect(Object.keys(CUDA_VERSIONS)).toHaveLength(26);
  });

  it("maps every accepted version to itself once full", () => {
    for (const full of Object.values(CUDA_VERSIONS)) expect(resolveCudaVersion(full)).toBe(full);
  });

  it.each([
    ["debian", "12.8.1", "nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04"],
    ["debian", "12.6.3", "nvidia/cuda:12.6.3-cudnn-runtime-ubuntu24.04"],
    ["debian", "12.1.1", "nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04"],
    ["debian", "11.8.0", "nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04"],
    ["ubi8", "12.8.1", "nvidia/cuda:12.8.1-cudnn8-runtime-ubi8"],
    ["ubi8", "11.2.2", "nvidia/cuda:11.2.2-cudnn8-runtime-ubi8"],
  ] as const)("%s %s image", (distro, full, image) => {
    expect(cudaBaseImage(distro, full)).toBe(image);
  });

  it("chooses the CUDA template for debian and ubi8", () => {
    expect(chooseV1Template({ python_version: "3.11", cuda_version: "12" }, true)).toEqual({
      template: "cuda_debian",
      baseImage: "nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04",
      pythonVersion: "3.11",
      isCuda: true,
    });
    expect(
      chooseV1Template({ python_version: "3.9", cuda_version: "11.8", distro: "ubi8" }, false),
    ).toMatchObject({
      template: "cuda_ubi8",
      baseImage: "nvidia/cuda:11.8.0-cudnn8-runtime-ubi8",
    });
  });
});
