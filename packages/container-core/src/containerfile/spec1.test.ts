import { afterAll, describe, expect, it } from "vitest";
import { parseInstructions, TempBentos } from "../../test/helpers/containerfile.js";
import { ContainerfileError } from "../errors.js";
import { GENERATED_HEADER } from "./header.js";

const bentos = new TempBentos();
afterAll(() => bentos.cleanup());

const texts = (text: string) => parseInstructions(text).map((i) => i.text);

describe("spec 1 rules the goldens do not cover", () => {
  it("renders ubi8 with yum, root, quoted packages and the yum cleanup", async () => {
    const text = await bentos.render(
      'docker:\n  distro: ubi8\n  python_version: "3.11"\n  system_packages: [git, "lib foo"]\n',
      { layout: "compat" },
    );
    const lines = texts(text);
    expect(lines[0]).toBe("FROM registry.access.redhat.com/ubi8/python-311:1 as base-container");
    expect(lines).toContain("USER root");
    expect(lines).toContain(
      "RUN --mount=type=cache,sharing=locked,target=/var/cache/yum set -eux && yum install -y git 'lib foo'",
    );
    expect(lines).toContain("RUN rm -rf /var/cache/yum");
    expect(lines).toContain(
      "RUN UV_PYTHON_INSTALL_DIR=/app/python/ uv venv -p 3.11 /app/.venv && chown -R bentoml:bentoml /app/.venv",
    );
  });

  it("renders amazonlinux 3.8 from amazon-linux-extras, as BentoML", async () => {
    const text = await bentos.render('docker:\n  distro: amazonlinux\n  python_version: "3.8"\n', {
      layout: "compat",
      enableBuildkit: false,
    });
    const lines = texts(text);
    expect(lines[0]).toBe("FROM amazonlinux:2 as base-container");
    const install = lines.find((l) => l.startsWith("RUN set -eux && yum upgrade -y"));
    expect(install).toContain("amazon-linux-extras enable python3.8");
    expect(install).toContain("yum install -y python38 python38-devel");
    expect(lines).toContain(
      "RUN ln -sf /usr/bin/python3.8 /usr/bin/python3 && ln -sf /usr/bin/pip3.8 /usr/bin/pip3",
    );
    expect(lines.join("\n")).not.toContain("--mount");
  });

  it("renders CUDA on debian with the bento's Python from the deadsnakes PPA", async () => {
    const text = await bentos.render(
      'docker:\n  python_version: "3.12"\n  cuda_version: "12.6"\n',
      { layout: "compat" },
    );
    const lines = texts(text);
    expect(lines[0]).toBe("FROM nvidia/cuda:12.6.3-cudnn-runtime-ubuntu24.04 as base-container");
    expect(lines).toContain("ENV NVIDIA_VISIBLE_DEVICES=");
    const python = lines.find((l) => l.includes("deadsnakes"));
    expect(python).toContain("add-apt-repository ppa:deadsnakes/ppa");
    expect(python).toContain("python3.12 python3.12-dev");
    expect(lines).toContain("RUN rm -rf /var/lib/{apt,cache,log}");
  });

  it("renders CUDA on ubi8 with dnf-installed Python named without the dot", async () => {
    const text = await bentos.render(
      'docker:\n  distro: ubi8\n  python_version: "3.11"\n  cuda_version: "11.8"\n',
      { layout: "compat" },
    );
    const lines = texts(text);
    expect(lines[0]).toBe("FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubi8 as base-container");
    expect(
      lines.some((l) => l.includes("dnf install -y --setopt=tsflags=nodocs python311 && ln")),
    ).toBe(true);
  });

  it("renders miniconda on alpine with the conda Python from environment.yml", async () => {
    const text = await bentos.render(
      'docker:\n  distro: alpine\n  python_version: "3.11"\nconda:\n  dependencies: [numpy]\n',
      { layout: "compat", enableBuildkit: false },
      { "env/conda/environment.yml": "dependencies:\n- numpy\n- python=3.9\n" },
    );
    const lines = texts(text);
    expect(lines[0]).toBe("FROM continuumio/miniconda3:4.10.3p0-alpine as base-container");
    expect(lines).toContain(
      'RUN set -eux && echo "Installing Python 3.9 with conda..." && /opt/conda/bin/conda install -y -n base pkgs/main::python=3.9 pip',
    );
    expect(lines).toContain(
      "RUN UV_PYTHON_INSTALL_DIR=/app/python/ uv venv -p 3.11 /app/.venv && chown -R bentoml:bentoml /app/.venv",
    );
  });

  it("writes docker.env as ARG/ENV pairs with shell-quoted values", async () => {
    const text = await bentos.render(
      'docker:\n  python_version: "3.11"\n  env:\n    PLAIN: /tmp/hf\n    SPACED: "a b"\n    QUOTE: "it\'s $HOME"\n',
    );
    const lines = texts(text);
    expect(lines).toEqual(
      expect.arrayContaining([
        "ARG PLAIN=/tmp/hf",
        "ENV PLAIN=$PLAIN",
        "ARG SPACED='a b'",
        "ENV SPACED=$SPACED",
        `ARG QUOTE='it'"'"'s $HOME'`,
        "ENV QUOTE=$QUOTE",
      ]),
    );
  });

  it("shell-quotes each system package on debian", async () => {
    const text = await bentos.render(
      'docker:\n  python_version: "3.11"\n  system_packages: [ffmpeg, "$(id)", "a b"]\n',
    );
    expect(text).toContain(
      "ca-certificates gnupg2 bash build-essential curl ffmpeg '$(id)' 'a b'\n",
    );
  });

  it("compat appends BentoML's features line, without the cache mount when BuildKit is off", async () => {
    const yaml = 'docker:\n  python_version: "3.11"\n';
    const compat = { layout: "compat" } as const;
    const off = await bentos.render(yaml, {
      ...compat,
      features: ["io-image"],
      enableBuildkit: false,
    });
    expect(texts(off).at(-1)).toBe("RUN pip install bentoml[io-image]");
    const on = await bentos.render(yaml, { ...compat, features: ["grpc", "tracing-otlp"] });
    expect(texts(on).at(-1)).toBe(
      "RUN --mount=type=cache,target=/root/.cache/pip pip install bentoml[grpc,tracing-otlp]",
    );
  });

  it("layered installs features into /app/.venv as root before ENTRYPOINT, pinned to the bento's BentoML", async () => {
    const yaml = 'bentoml_version: 1.4.2\ndocker:\n  python_version: "3.11"\n';
    const lines = texts(await bentos.render(yaml, { features: ["grpc", "tracing"] }));
    const install = lines.indexOf(
      "RUN --mount=type=cache,sharing=locked,target=/root/.cache/uv uv pip install --python /app/.venv/bin/python 'bentoml[grpc,tracing]==1.4.2'",
    );
    expect(install).toBeGreaterThan(lines.findIndex((l) => l.includes("install.sh")));
    expect(install).toBeLessThan(lines.indexOf("USER bentoml"));
    expect(lines.at(-1)).toMatch(/^ENTRYPOINT/);
  });

  it("layered pins the uv bootstrap and really installs alpine system_packages", async () => {
    const yaml = 'docker:\n  distro: alpine\n  python_version: "3.11"\n  system_packages: [jq]\n';
    const layered = texts(await bentos.render(yaml, { enableBuildkit: false }));
    expect(layered).toContain("RUN command -v uv >/dev/null || pip install uv==0.8.0");
    expect(layered).toContain("RUN set -eux && apk add --update jq");
    const compat = texts(await bentos.render(yaml, { enableBuildkit: false, layout: "compat" }));
    expect(compat).toContain("RUN command -v uv >/dev/null || pip install uv");
    expect(compat).toContain("RUN set -eux apk add --update jq");
  });

  it("refuses unknown features, suggesting the closest", async () => {
    const error = await bentos
      .render('docker:\n  python_version: "3.11"\n', { features: ["grcp"] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerfileError);
    expect((error as ContainerfileError).message).toBe("Unknown feature: grcp");
    expect((error as ContainerfileError).hint).toContain("Did you mean grpc?");
  });

  it("puts the generated-file header on top when asked, below the syntax line", async () => {
    const text = await bentos.render('docker:\n  python_version: "3.11"\n', {
      layout: "compat",
      addHeader: true,
    });
    const top = text.split("\n").slice(0, 3 + GENERATED_HEADER.length);
    expect(top).toEqual([
      "# BentoML's frontend line, kept as it writes it:",
      "# syntax = docker/dockerfile:1.2.1",
      "#",
      ...GENERATED_HEADER,
    ]);
  });

  it("reads setup_script and template from env/docker whatever path bento.yaml recorded", async () => {
    const template = "{% extends bento_base_template %}\n";
    for (const [key, path] of [
      ["setup_script", "../setup.sh"],
      ["setup_script", "/home/alice/setup.sh"],
      ["dockerfile_template", "../../Dockerfile.template"],
      ["dockerfile_template", "/home/alice/Dockerfile.template"],
    ]) {
      const text = await bentos.render(
        `docker:\n  python_version: "3.11"\n  ${key}: ${path}\n`,
        { layout: "compat" },
        { "env/docker/Dockerfile.template": template, "env/docker/setup_script": "#!/bin/sh\n" },
      );
      expect(text).not.toContain(path);
      if (key === "setup_script")
        expect(texts(text)).toContain("RUN /home/bentoml/bento/env/docker/setup_script");
    }
  });
});
