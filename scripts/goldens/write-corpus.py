#!/usr/bin/env python3
"""Write the corpus of test bentos the way BentoML's build code writes them.

Each case becomes `<out>/<case>/bento/` (bento.yaml dumped as BentoML dumps it:
`yaml.safe_dump(..., sort_keys=False)`, spec 1 with every docker/python/conda
key present and null when unset; spec 2 with `image`, `envs` with stages,
`services[].models`, lock files and `run_script` scripts under env/docker), and
`<case>/features.txt` where the case also renders with `--enable-features`.

Rerun, then render the golden files with render-bentoml.py:

  python3 scripts/goldens/write-corpus.py packages/container-core/test/fixtures/corpus
  python3 scripts/goldens/render-bentoml.py --bentoml-git /path/to/BentoML/.git \
      packages/container-core/test/fixtures/corpus/*
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys

import yaml

CREATED = "2026-01-01T00:00:00.000000+00:00"
BENTOML_VERSION = "1.4.0"

# The 26 keys BentoML's docker.cuda_version accepts.
CUDA_KEYS = [
    "12", "12.8", "12.8.1", "12.8.0", "12.6", "12.6.3", "12.6.2", "12.6.1", "12.6.0",
    "12.1", "12.1.1", "12.1.0", "12.0", "12.0.1", "12.0.0", "11", "11.8", "11.8.0",
    "11.7", "11.7.1", "11.6", "11.6.2", "11.4", "11.4.3", "11.2", "11.2.2",
]

ENTRYPOINT = """#!/usr/bin/env sh
# Test bento entrypoint: runs the command given, else prints the bento path.
set -e
if [ "$#" -gt 0 ]; then exec "$@"; fi
echo "$BENTO_PATH"
"""

INSTALL_SH = """#!/usr/bin/env bash
# Test bento installer: the bento's requirements, with uv when present.
set -euo pipefail
here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
if [ -s "$here/requirements.lock.txt" ]; then req="$here/requirements.lock.txt"; else req="$here/requirements.txt"; fi
if [ -s "$req" ]; then uv pip install -r "$req"; fi
"""

SERVICE_PY = "import bentoml\n\n\n@bentoml.service\nclass Svc:\n    pass\n"

DEBIAN_DEFAULT_INSTALL = (
    "apt-get update && apt-get install -q -y --no-install-recommends "
    "--allow-remove-essential ca-certificates gnupg2 bash build-essential git"
)
ALPINE_DEFAULT_INSTALL = "apk add --update bash gcc libc-dev shadow musl-dev build-base linux-headers g++ git"


def head(name: str) -> dict:
    return {
        "service": "service:Svc",
        "name": name,
        "version": "v1abc",
        "bentoml_version": BENTOML_VERSION,
        "creation_time": CREATED,
        "labels": {"owner": "tests"},
        "models": [],
    }


def docker(**values) -> dict:
    keys = ["distro", "python_version", "cuda_version", "env", "system_packages",
            "setup_script", "base_image", "dockerfile_template"]
    return {k: values.get(k) for k in keys}


def python_options(**values) -> dict:
    base = {
        "requirements_txt": None, "packages": ["numpy"], "lock_packages": True,
        "pack_git_packages": True, "index_url": None, "no_index": None, "trusted_host": None,
        "find_links": None, "extra_index_url": None, "pip_args": None, "wheels": None,
        "is_src_layout": False,
    }
    return {**base, **values}


def conda(**values) -> dict:
    return {k: values.get(k) for k in ("environment_yml", "channels", "dependencies", "pip")}


def spec1(name: str, *, docker_opts: dict, conda_opts: dict | None = None, models=None,
          files: dict | None = None, features: str | None = None) -> dict:
    info = head(name)
    if models:
        info["models"] = models
    info.update({
        "runners": [], "entry_service": "", "services": [], "envs": [], "schema": {},
        "apis": [], "docker": docker_opts, "python": python_options(),
        "conda": conda_opts or conda(),
    })
    return {"yaml": info, "files": files or {}, "features": features}


def model(name: str, version: str, registry: str = "bentoml", metadata=None) -> dict:
    entry = {"tag": f"{name}:{version}", "module": "bentoml.picklable_model",
             "creation_time": CREATED, "alias": None, "registry": registry}
    if metadata is not None:
        entry["metadata"] = metadata
        entry["module"] = None
    return entry


def spec2(name: str, *, image: dict, envs=None, services=None, files: dict | None = None) -> dict:
    info = head(name)
    info.update({
        "entry_service": "Svc",
        "services": services or [{"name": "Svc", "service": "", "models": [],
                                  "dependencies": [], "config": {}}],
        "envs": envs or [],
        "schema": {},
        "spec": 2,
        "image": {"base_image": "python:3.11-slim", "python_version": "3.11",
                  "commands": [DEBIAN_DEFAULT_INSTALL], "python_requirements": "numpy==1.26.4\n",
                  "post_commands": [], "build_include": [], **image},
    })
    return {"yaml": info, "files": files or {}, "features": None}


def script_target(source: str) -> str:
    return f"./env/docker/script__{hashlib.md5(source.encode()).hexdigest()}"


MACROS_TEMPLATE = """{% import '_macros.j2' as common %}
{% from '_macros.j2' import mount_cache %}
{% extends bento_base_template %}
{% macro apt_run(packages, cache=true) -%}
RUN {% if cache and __enable_buildkit__ %}{{ mount_cache("/var/cache/apt") }} {% endif %}apt-get install -y {{ packages | join(" ") }}
{%- endmacro %}
{% macro wrap(title) -%}
# {{ title }}
{{ caller() }}
{%- endmacro %}
{% block SETUP_BENTO_BASE_IMAGE %}
{{ super() }}
{{ apt_run(["jq", "tree"]) }}
{% call wrap("extra tools") %}
RUN {{ common.mount_cache("/root/.cache/extra", ",id=extra") }} echo cached
{% endcall %}
{% endblock %}
{% block SETUP_BENTO_ENTRYPOINT %}
{% for name in ["alpha", "beta"] %}
LABEL tool.{{ loop.index }}={{ name | upper }}
{% endfor %}
{{ super() }}
{% endblock %}
"""

SETUP_CONDA_TEMPLATE = """{% import '_macros.j2' as common %}
{% extends bento_base_template %}
{% block SETUP_BENTO_COMPONENTS %}
{{ common.setup_conda("3.10", bento__path, enable_buildkit=__enable_buildkit__) }}
{{ super() }}
{% endblock %}
"""

# In the manner of the conda + CUDA template of BentoML's containerization docs:
# import before extends, top-level sets, a build stage, SHELL, setup_conda with conda_path.
CONDA_CUDA_TEMPLATE = """{% import '_macros.j2' as common %}
{% extends bento_base_template %}
{# conda comes from a build stage, then setup_conda installs the bento's Python #}
{% set conda_release="py311_24.1.2-0" %}
{% set conda_path="/opt/conda" %}
{% set conda_exec=[conda_path, "bin", "conda"] | join("/") %}
{% block SETUP_BENTO_BASE_IMAGE %}
FROM debian:bookworm-slim as conda-build

RUN --mount=type=cache,sharing=shared,target=/var/cache/apt \\
\tapt-get update -y && apt-get install -y --no-install-recommends ca-certificates wget bzip2

ENV PATH {{ conda_path }}/bin:$PATH
ARG CONDA_RELEASE={{ conda_release }}
RUN wget -q "http://127.0.0.1:8080/Miniconda3-${CONDA_RELEASE}-Linux-x86_64.sh" -O miniconda.sh && \\
\tsh miniconda.sh -b -p {{ conda_path }} && rm miniconda.sh && \\
\t{{ conda_exec }} clean -afy

{{ super() }}

ENV PATH {{ conda_path }}/bin:$PATH
COPY --from=conda-build {{ conda_path }} {{ conda_path }}
RUN echo ". {{ conda_path }}/etc/profile.d/conda.sh" >> ~/.bashrc && \\
\techo "{{ conda_exec }} activate base" >> ~/.bashrc
{% endblock %}
{% block SETUP_BENTO_ENVARS %}

SHELL [ "/bin/bash", "-eo", "pipefail", "-c" ]
{{ super() }}
{{ common.setup_conda(__python_version__, bento__path, conda_path=conda_path) }}
{% endblock %}
"""

# In the manner of the custom-op template of BentoML's containerization docs.
OPS_TEMPLATE = """{% extends bento_base_template %}
{% block SETUP_BENTO_BASE_IMAGE %}

{{ super() }}

WORKDIR /tmp

COPY ./src/ops/add_one.cc .

RUN pip3 install numpy
RUN set -ex && \\
\tg++ --std=c++17 -shared add_one.cc -o add_one.so -fPIC -O2 && \\
\tcp add_one.so /usr/lib/add_one.so

{% endblock %}
{% block SETUP_BENTO_COMPONENTS %}
{{ super() }}
RUN stat /usr/lib/add_one.so
{% endblock %}
"""


def corpus() -> dict[str, dict]:
    cases: dict[str, dict] = {}
    std = {"env/python/requirements.txt": "numpy==1.26.4\n"}
    # python: every distro
    cases["s1-debian-py311-nulls"] = spec1("s1-debian-py311-nulls", docker_opts=docker(distro="debian", python_version="3.11"))
    cases["s1-debian-py37"] = spec1("s1-debian-py37", docker_opts=docker(distro="debian", python_version="3.7"))
    cases["s1-debian-py38-packages"] = spec1("s1-debian-py38-packages", docker_opts=docker(
        distro="debian", python_version="3.8", system_packages=["libgl1", "ffmpeg", "libpq-dev>=13"]))
    cases["s1-debian-py314-env"] = spec1("s1-debian-py314-env", docker_opts=docker(
        distro="debian", python_version="3.14", env={"HF_HOME": "/tmp/hf", "GREETING": "hello"}))
    # an `env:` list (A=b) is stored as a mapping
    cases["s1-debian-env-list"] = spec1("s1-debian-env-list", docker_opts=docker(
        distro="debian", python_version="3.12", env={"MODE": "prod", "PATHS": "a,b/c-d.e"}))
    cases["s1-debian-setup-script"] = spec1("s1-debian-setup-script", docker_opts=docker(
        distro="debian", python_version="3.11", setup_script="./setup.sh"),
        files={"env/docker/setup_script": "#!/bin/sh\necho setup > /tmp/setup-ran\n"})
    cases["s1-debian-setup-script-absolute"] = spec1("s1-debian-setup-script-absolute", docker_opts=docker(
        distro="debian", python_version="3.11", setup_script="/home/alice/project/scripts/setup.sh"),
        files={"env/docker/setup_script": "#!/bin/sh\necho setup > /tmp/setup-ran\n"})
    cases["s1-alpine-py312"] = spec1("s1-alpine-py312", docker_opts=docker(distro="alpine", python_version="3.12"))
    cases["s1-alpine-packages"] = spec1("s1-alpine-packages", docker_opts=docker(
        distro="alpine", python_version="3.11", system_packages=["jq", "libffi-dev"]))
    cases["s1-ubi8-py311"] = spec1("s1-ubi8-py311", docker_opts=docker(distro="ubi8", python_version="3.11"))
    cases["s1-ubi8-py39-packages"] = spec1("s1-ubi8-py39-packages", docker_opts=docker(
        distro="ubi8", python_version="3.9", system_packages=["git", "wget"]))
    cases["s1-amazonlinux-py38"] = spec1("s1-amazonlinux-py38", docker_opts=docker(distro="amazonlinux", python_version="3.8"))
    cases["s1-amazonlinux-packages"] = spec1("s1-amazonlinux-packages", docker_opts=docker(
        distro="amazonlinux", python_version="3.8", system_packages=["git", "jq"]))
    # conda: debian and alpine (BentoML has miniconda images for these only)
    conda_pin = {"env/conda/environment.yml": yaml.safe_dump(
        {"dependencies": ["scikit-learn", "python=3.10"], "channels": ["conda-forge"]})}
    cases["s1-conda-debian-pinned"] = spec1("s1-conda-debian-pinned", docker_opts=docker(distro="debian", python_version="3.11"),
        conda_opts=conda(channels=["conda-forge"], dependencies=["scikit-learn", "python=3.10"]), files=conda_pin)
    pip_dict = ["numpy", {"pip": ["requests==2.31.0", "pydantic"]}]
    cases["s1-conda-debian-pip-entry"] = spec1("s1-conda-debian-pip-entry", docker_opts=docker(distro="debian", python_version="3.11"),
        conda_opts=conda(channels=["conda-forge"], dependencies=pip_dict),
        files={"env/conda/environment.yml": yaml.dump({"dependencies": pip_dict, "channels": ["conda-forge"]})})
    cases["s1-conda-alpine"] = spec1("s1-conda-alpine", docker_opts=docker(distro="alpine", python_version="3.11"),
        conda_opts=conda(channels=["defaults"], dependencies=["numpy"]),
        files={"env/conda/environment.yml": yaml.dump({"dependencies": ["numpy"], "channels": ["defaults"]})})
    cases["s1-conda-alpine-environment-yml"] = spec1("s1-conda-alpine-environment-yml",
        docker_opts=docker(distro="alpine", python_version="3.10", system_packages=["curl"]),
        conda_opts=conda(environment_yml="./environment.yml"),
        files={"env/conda/environment.yml": "name: test\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.9\n  - pandas\n"})
    # CUDA: every key on debian (deadsnakes Python), a few on ubi8
    for key in CUDA_KEYS:
        name = f"s1-cuda-debian-{key.replace('.', '-')}"
        cases[name] = spec1(name, docker_opts=docker(distro="debian", python_version="3.11", cuda_version=key))
    cases["s1-cuda-debian-packages"] = spec1("s1-cuda-debian-packages", docker_opts=docker(
        distro="debian", python_version="3.10", cuda_version="12.1", system_packages=["libsndfile1"]))
    for key in ("12.8", "12.6.2", "11.8.0"):
        name = f"s1-cuda-ubi8-{key.replace('.', '-')}"
        cases[name] = spec1(name, docker_opts=docker(distro="ubi8", python_version="3.11", cuda_version=key))
    # base images
    cases["s1-base-image"] = spec1("s1-base-image", docker_opts=docker(
        base_image="  registry.example/acme/py311:2024-06\n", env={"HF_HOME": "/tmp/hf"}, setup_script="./setup.sh"),
        files={"env/docker/setup_script": "#!/bin/sh\necho setup\n"})
    cases["s1-base-image-python"] = spec1("s1-base-image-python", docker_opts=docker(
        base_image="bento-base:bookworm", python_version="3.11"))
    # user templates
    extend = ('{% extends bento_base_template %}\n{% block SETUP_BENTO_COMPONENTS %}\n{{ super() }}\n'
              'RUN echo "during containerize"\n{% endblock %}\n'
              '{% block SETUP_BENTO_ENTRYPOINT %}\nRUN echo "ls -la" > /tmp/debug\n{{ super() }}\n{% endblock %}\n')
    cases["s1-template-extend"] = spec1("s1-template-extend", docker_opts=docker(
        distro="debian", python_version="3.11", dockerfile_template="./Dockerfile.template"),
        files={"env/docker/Dockerfile.template": extend})
    cases["s1-template-absolute-path"] = spec1("s1-template-absolute-path", docker_opts=docker(
        distro="alpine", python_version="3.11", dockerfile_template="/home/alice/project/../project/Dockerfile.template"),
        files={"env/docker/Dockerfile.template": extend})
    cases["s1-template-macros"] = spec1("s1-template-macros", docker_opts=docker(
        distro="debian", python_version="3.11", dockerfile_template="./Dockerfile.template"),
        files={"env/docker/Dockerfile.template": MACROS_TEMPLATE})
    cases["s1-template-setup-conda"] = spec1("s1-template-setup-conda", docker_opts=docker(
        distro="debian", python_version="3.11", dockerfile_template="./Dockerfile.template"),
        files={"env/docker/Dockerfile.template": SETUP_CONDA_TEMPLATE})
    cases["s1-template-conda-cuda"] = spec1("s1-template-conda-cuda", docker_opts=docker(
        distro="debian", python_version="3.11", cuda_version="12.1", dockerfile_template="./conda_cuda.template"),
        files={"env/docker/Dockerfile.template": CONDA_CUDA_TEMPLATE})
    cases["s1-template-ops"] = spec1("s1-template-ops", docker_opts=docker(
        distro="debian", python_version="3.11", dockerfile_template="./ops.template"),
        files={"env/docker/Dockerfile.template": OPS_TEMPLATE, "src/ops/add_one.cc": "int add_one(int x) { return x + 1; }\n"})
    # features and models
    cases["s1-features"] = spec1("s1-features", docker_opts=docker(distro="debian", python_version="3.11"),
        features="grpc,tracing,io-image")
    cases["s1-models"] = spec1("s1-models", docker_opts=docker(base_image="bento-base:bookworm"),
        models=[model("iris_clf", "abc123")],
        files={"models/iris_clf/abc123/model.yaml": "name: iris_clf\nversion: abc123\n",
               "models/iris_clf/abc123/saved_model.pkl": "weights\n", "models/iris_clf/latest": "abc123"})
    # spec 2
    cases["s2-basic"] = spec2("s2-basic", image={})
    run_script = script_target("/home/alice/project/setup.sh")
    cases["s2-commands"] = spec2("s2-commands", image={
        "commands": [DEBIAN_DEFAULT_INSTALL, "apt-get install -q -y -o Dpkg::Options::=--force-confdef ffmpeg 'libsm6'",
                     f"chmod +x {run_script} && {run_script}"],
        "post_commands": ["python -c 'import numpy'"], "build_include": ["service.py", "utils/"]},
        files={run_script[2:]: "#!/bin/sh\necho scripted\n", "src/utils/helpers.py": "X = 1\n"})
    cases["s2-envs"] = spec2("s2-envs", image={}, envs=[
        {"name": "MODE", "value": "prod", "stage": "all"},
        {"name": "GREETING", "value": "hello 'world'", "stage": "all"},
        {"name": "EMPTY", "value": "", "stage": "all"},
        {"name": "RUNTIME_ONLY", "value": "x", "stage": "runtime"}])
    cases["s2-secrets"] = spec2("s2-secrets", image={"post_commands": ["test -n \"$HF_TOKEN\""]}, envs=[
        {"name": "HF_TOKEN", "value": "", "stage": "build"},
        {"name": "PIP_INDEX_URL", "value": "http://127.0.0.1:3141/simple", "stage": "build"},
        {"name": "MODE", "value": "prod", "stage": "all"}])
    cases["s2-services-models"] = spec2("s2-services-models", image={}, services=[
        {"name": "Svc", "service": "", "models": [model("iris_clf", "abc123"), model(
            "openai--whisper-tiny", "169d4a4341b33bc18d8881c4b69c2e104e1cc0af", "huggingface",
            {"model_id": "openai/whisper-tiny", "revision": "169d4a4341b33bc18d8881c4b69c2e104e1cc0af",
             "endpoint": None, "include": None, "exclude": None})],
         "dependencies": [], "config": {"resources": {"cpu": "1"}}}],
        files={"models/iris_clf/abc123/model.yaml": "name: iris_clf\nversion: abc123\n",
               "hf-models/openai--whisper-tiny/config.json": "{}\n"})
    cases["s2-lock-files"] = spec2("s2-lock-files", image={"python_requirements": "numpy==1.26.4\n"},
        files={"env/python/requirements.in": "numpy\n", "src/uv.lock": "version = 1\n",
               "src/pyproject.toml": "[project]\nname = \"svc\"\nversion = \"0\"\n"})
    cases["s2-alpine"] = spec2("s2-alpine", image={
        "base_image": "python:3.12-alpine", "python_version": "3.12", "commands": [ALPINE_DEFAULT_INSTALL]})
    cases["s2-custom-base"] = spec2("s2-custom-base", image={
        "base_image": "bento-base:bookworm", "python_version": "3.11", "commands": [],
        "build_include": ["data/*.json"]}, files={"src/data/a.json": "{}\n"})
    for case in cases.values():
        case["files"] = {**std, **case["files"]}
    return cases


def write(out: str) -> None:
    for name, case in corpus().items():
        root = os.path.join(out, name)
        shutil.rmtree(os.path.join(root, "bento"), ignore_errors=True)
        bento = os.path.join(root, "bento")
        spec1_only = {} if case["yaml"].get("spec") == 2 else {"env/python/install.sh": INSTALL_SH}
        files = {
            "env/docker/entrypoint.sh": ENTRYPOINT,
            **spec1_only,
            "env/python/version.txt": "3.11.9",
            "src/service.py": SERVICE_PY,
            **case["files"],
        }
        for path, text in files.items():
            target = os.path.join(bento, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w") as f:
                f.write(text)
            if path.endswith(".sh") or path.startswith("env/docker/s"):
                os.chmod(target, os.stat(target).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        with open(os.path.join(bento, "bento.yaml"), "w") as f:
            yaml.safe_dump(case["yaml"], f, sort_keys=False)
        features = os.path.join(root, "features.txt")
        if case["features"]:
            with open(features, "w") as f:
                f.write(case["features"] + "\n")


if __name__ == "__main__":
    write(sys.argv[1])
