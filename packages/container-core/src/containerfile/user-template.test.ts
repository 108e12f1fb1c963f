import { afterAll, describe, expect, it } from "vitest";
import { parseInstructions, TempBentos } from "../../test/helpers/containerfile.js";
import { ContainerfileError } from "../errors.js";

const bentos = new TempBentos();
afterAll(() => bentos.cleanup());

const YAML =
  'docker:\n  python_version: "3.11"\n  system_packages: [git, curl]\n  env: {A: "1", B: two}\n  dockerfile_template: ./Dockerfile.template\n';

const render = (template: string, options = {}) =>
  bentos.render(
    YAML,
    { layout: "compat", ...options },
    { "env/docker/Dockerfile.template": template },
  );

describe("users' Dockerfile templates", () => {
  it("extends the bento's base template, overriding blocks around super()", async () => {
    const text = await render(
      [
        "{% extends bento_base_template %}",
        "{% block SETUP_BENTO_BASE_IMAGE %}",
        "FROM python:3.11 as builder",
        "RUN make wheel",
        "",
        "{{ super() }}",
        "{% endblock %}",
        "{% block SETUP_BENTO_COMPONENTS %}",
        "{{ super() }}",
        "{% for pkg in __options__system_packages %}",
        "RUN echo {{ loop.index }} {{ pkg | bash_quote }}",
        "{% endfor %}",
        "{% for key, value in __options__env.items() %}",
        "LABEL env.{{ key | lower }}={{ value }}",
        "{% endfor %}",
        "{% if __enable_buildkit__ %}",
        "RUN --mount=type=cache,target=/root/.cache echo cached",
        "{% else %}",
        "RUN echo plain",
        "{% endif %}",
        "{% endblock %}",
        "",
      ].join("\n"),
    );
    const lines = parseInstructions(text).map((i) => i.text);
    expect(lines.slice(0, 3)).toEqual([
      "FROM python:3.11 as builder",
      "RUN make wheel",
      "FROM python:3.11-slim as base-container",
    ]);
    const copy = lines.indexOf("COPY --chown=bentoml:bentoml . ./");
    expect(lines.slice(copy + 1, copy + 6)).toEqual([
      "RUN echo 1 git",
      "RUN echo 2 curl",
      "LABEL env.a=1",
      "LABEL env.b=two",
      "RUN --mount=type=cache,target=/root/.cache echo cached",
    ]);
    expect(lines.at(-1)).toBe('ENTRYPOINT [ "/home/bentoml/bento/env/docker/entrypoint.sh" ]');
  });

  it("lets top-level sets override the base template's variables", async () => {
    const text = await render(
      '{% set __base_image__ = "localhost/base:offline" %}\n{% set bento__user = "svc" %}\n{% extends bento_base_template %}\n',
      { enableBuildkit: false },
    );
    const lines = parseInstructions(text).map((i) => i.text);
    expect(lines[0]).toBe("FROM localhost/base:offline as base-container");
    expect(lines).toContain("ARG BENTO_USER=svc");
    expect(lines).toContain("USER svc");
  });

  it("renders a template that extends nothing as it stands", async () => {
    const text = await render(
      "FROM scratch\n{% if bento__path %}COPY . {{ bento__path }}{% endif %}\n",
    );
    expect(parseInstructions(text).map((i) => i.text)).toEqual([
      "FROM scratch",
      "COPY . /home/bentoml/bento",
    ]);
  });

  it("extends a named BentoML template", async () => {
    const text = await render('{% extends "base_debian.j2" %}');
    const lines = parseInstructions(text).map((i) => i.text);
    expect(lines).toContain("USER root");
    expect(lines).not.toContain("RUN rm -rf /var/lib/{apt,cache,log}");
  });

  it("fails on an unsupported construct, naming the template line", async () => {
    const error = await render(
      "{% extends bento_base_template %}\n{% block SETUP_BENTO_USER %}\n{% include 'x' %}\n{% endblock %}\n",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerfileError);
    expect((error as Error).message).toBe(
      "env/docker/Dockerfile.template:3: unsupported Jinja statement {% include 'x' %}",
    );
  });

  it("says when the bento lacks the template file", async () => {
    const error = await bentos.render(YAML).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerfileError);
    expect((error as Error).message).toMatch(
      /docker.dockerfile_template, but .*Dockerfile.template cannot be read/,
    );
  });
});
