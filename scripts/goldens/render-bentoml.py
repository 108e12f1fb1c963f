#!/usr/bin/env python3
"""Render BentoML's own Containerfiles for test bentos (golden files).

Each case folder holds a bento under `bento/`. For each case this writes what
BentoML's `construct_containerfile` renders for it (no generated-file header):

  expected.buildkit.Dockerfile     BuildKit on
  expected.nobuildkit.Dockerfile   BuildKit off (or expected.nobuildkit.error
                                   when BentoML refuses, e.g. build-stage envs)
  expected.buildkit.features-A-B.Dockerfile
                                   when the case has `features.txt` (A,B)

The templates are BentoML's own, read at run time from a fetched BentoML git
directory (nothing of BentoML is kept in this repository); they render with
real Jinja2 and the variables BentoML's generate.py and _bentoml_impl/docker.py
build. Only this script's output, a fact of BentoML's behaviour, is committed.

Rerun (needs python3 with jinja2 and yaml, e.g. Debian's python3-jinja2 and
python3-yaml):

  python3 scripts/goldens/render-bentoml.py \
      --bentoml-git /path/to/BentoML/.git [--rev HEAD] \
      packages/container-core/test/fixtures/corpus/*

Check it against goldens BentoML itself produced (must print no difference):

  python3 scripts/goldens/render-bentoml.py --bentoml-git ... --check CASE_DIR...
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shlex
import subprocess
import sys
import tempfile

import jinja2
import yaml
from jinja2.sandbox import SandboxedEnvironment

TEMPLATES = "src/bentoml/_internal/container/frontend/dockerfile/templates"
FRONTEND_INIT = "src/bentoml/_internal/container/frontend/dockerfile/__init__.py"

# Facts of BentoML's generate.py and configuration defaults.
BENTO_PATH = "/home/bentoml/bento"
DEFAULT_BENTO_ENVS = {
    "uid_gid": 1034,
    "user": "bentoml",
    "home": "/home/bentoml/",
    "path": BENTO_PATH,
    "add_header": True,
    "buildkit_frontend": "docker/dockerfile:1.2.1",
    "enable_buildkit": True,
}
METRICS_PORT = 3001
FEATURES = {
    "tracing", "grpc", "grpc-reflection", "grpc-channelz", "monitor-otlp", "triton",
    "aws", "all", "io", "io-file", "io-image", "io-pandas", "io-json",
    "tracing-zipkin", "tracing-jaeger", "tracing-otlp",
}


def git_show(git_dir: str, rev: str, path: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"{rev}:{path}"],
        check=True, capture_output=True, text=True,
    ).stdout


def extract_templates(git_dir: str, rev: str, into: str) -> None:
    names = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "--name-only", f"{rev}:{TEMPLATES}"],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    for name in names:
        with open(os.path.join(into, name), "w") as f:
            f.write(git_show(git_dir, rev, f"{TEMPLATES}/{name}"))


def load_tables(git_dir: str, rev: str) -> dict:
    """BentoML's distro, CUDA and image tables, evaluated from its own module text."""
    source = git_show(git_dir, rev, FRONTEND_INIT)
    names = {"SUPPORTED_PYTHON_VERSIONS", "SUPPORTED_CUDA_VERSIONS", "ALLOWED_CUDA_VERSION_ARGS",
             "SUPPORTED_ARCHITECTURES", "CONTAINER_METADATA", "_CUDA_UBUNTU2404_VERSIONS"}
    keep = []
    for node in ast.parse(source).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id in names and node.value is not None:
            keep.append(ast.Assign(targets=[ast.Name(target.id, ast.Store())], value=node.value))
    module = ast.fix_missing_locations(ast.Module(body=keep, type_ignores=[]))
    tables: dict = {}
    exec(compile(module, FRONTEND_INIT, "exec"), tables)  # BentoML's literal tables only
    return tables


def python_version(value):
    if value is None:
        return None
    match = re.match(r"^(\d{1})\.(\d{,2})(?:\.\w+)?$", str(value))
    if match is None:
        raise ValueError(f"invalid python_version {value!r}")
    return f"{match.group(1)}.{match.group(2)}"


def cuda_version(value, tables):
    if value is None or value == "" or value == "None":
        return None
    value = str(value)
    if value == "default":
        return "12.8.1"
    full = tables["ALLOWED_CUDA_VERSION_ARGS"].get(value)
    if full is None or full not in tables["SUPPORTED_CUDA_VERSIONS"]:
        raise ValueError(f"unsupported cuda version {value!r}")
    return full


def convert_env(env):
    if not env:
        return None
    if isinstance(env, list):
        return dict(item.partition("=")[::2] for item in env)
    return {str(k): str(v) for k, v in env.items()}


def docker_options(raw: dict, tables: dict) -> dict:
    docker = {
        "distro": raw.get("distro"),
        "python_version": python_version(raw.get("python_version")),
        "cuda_version": cuda_version(raw.get("cuda_version"), tables),
        "env": convert_env(raw.get("env")),
        "system_packages": raw.get("system_packages"),
        "setup_script": raw.get("setup_script"),
        "base_image": raw.get("base_image"),
        "dockerfile_template": raw.get("dockerfile_template"),
    }
    # construct_containerfile reads the template the bento stored, whatever path was recorded.
    if docker["dockerfile_template"] is not None:
        docker["dockerfile_template"] = "env/docker/Dockerfile.template"
    return docker


def conda_is_empty(conda: dict) -> bool:
    return not any(conda.get(k) for k in ("dependencies", "pip", "channels", "environment_yml"))


def conda_python_version(bento: str):
    path = os.path.join(bento, "env", "conda", "environment.yml")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                match = re.search(r"(?:python=)(\d+.\d+)$", line)
                if match:
                    return match.group().split("=")[-1]
    return None


def base_image_of(docker: dict, conda: dict, tables: dict) -> str:
    if docker["base_image"] is not None:
        return docker["base_image"]
    meta = tables["CONTAINER_METADATA"][docker["distro"]]
    if docker["cuda_version"] is not None:
        if docker["distro"] == "debian":
            if docker["cuda_version"] in tables["_CUDA_UBUNTU2404_VERSIONS"]:
                return f"nvidia/cuda:{docker['cuda_version']}-cudnn-runtime-ubuntu24.04"
            return f"nvidia/cuda:{docker['cuda_version']}-cudnn8-runtime-ubuntu22.04"
        return meta["cuda"]["image"].format(spec_version=docker["cuda_version"])
    release = "python" if conda_is_empty(conda) else "miniconda"
    version = docker["python_version"]
    if docker["distro"] == "ubi8":
        version = version.replace(".", "")
    return meta[release]["image"].format(spec_version=version)


def environment(templates: str, extra: list[str]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        extensions=["jinja2.ext.loopcontrols"],
        trim_blocks=True,
        lstrip_blocks=True,
        loader=jinja2.FileSystemLoader([templates, *extra], followlinks=True),
    )
    env.filters["bash_quote"] = shlex.quote
    env.filters["normalize_line"] = lambda s: " ".join(s.strip().split())
    env.globals["expands_bento_path"] = lambda *p, bento_path=BENTO_PATH: "/".join([bento_path, *p])
    return env


def render_v1(info: dict, bento: str, templates: str, tables: dict, buildkit: bool, features):
    raw = dict(info.get("docker") or {})
    raw.setdefault("distro", None)
    docker = docker_options(raw, tables)
    if docker["base_image"] is None:
        # DockerOptions.with_defaults ran at build time; a bento.yaml always has these.
        docker["distro"] = docker["distro"] or "debian"
    conda = info.get("conda") or {}
    if docker["cuda_version"] is not None:
        release = "cuda"
    elif not conda_is_empty(conda):
        release = "miniconda"
    else:
        release = "python"
    name = "base.j2" if docker["base_image"] is not None else f"{release}_{docker['distro']}.j2"
    env = environment(templates, [os.path.join(bento, "env", "docker")])
    template = env.get_template(name)
    if docker["dockerfile_template"] is not None:
        template = env.get_template("Dockerfile.template", globals={"bento_base_template": template})
    variables = {
        **{f"__options__{k}": v for k, v in docker.items()},
        **{f"bento__{k}": v for k, v in {**DEFAULT_BENTO_ENVS, "enable_buildkit": buildkit, "add_header": False}.items()},
        "__prometheus_port__": METRICS_PORT,
        "__base_image__": base_image_of(docker, conda, tables),
        "__conda_python_version__": conda_python_version(bento) or docker["python_version"],
        "__is_cuda__": release == "cuda",
    }
    parts = [template.render(**variables)]
    if features is not None:
        assert not set(features) - FEATURES, features
        cache = "--mount=type=cache,target=/root/.cache/pip " if buildkit else ""
        parts.append("RUN %spip install bentoml[%s]" % (cache, ",".join(features)))
    return "\n".join(parts)


def render_v2(info: dict, bento: str, templates: str, buildkit: bool):
    image = {"base_image": "", "python_version": "", "commands": [], "python_requirements": "",
             "post_commands": [], "build_include": [], **(info.get("image") or {})}
    envs = [{"name": e["name"], "value": e.get("value", ""), "stage": e.get("stage", "all")}
            for e in info.get("envs") or []]
    runtime = [e for e in envs if e["stage"] != "build"]
    build = [e for e in envs if e["stage"] == "build"]
    if build and not buildkit:
        raise RuntimeError("stage='build' environment variables require BuildKit.")
    env = environment(templates, [])
    bento_envs = {**DEFAULT_BENTO_ENVS, "enable_buildkit": buildkit, "add_header": False,
                  "envs": runtime, "secret_envs": build}
    variables = {
        **{f"__options__{k}": v for k, v in image.items()},
        **{f"bento__{k}": v for k, v in bento_envs.items()},
        "__prometheus_port__": METRICS_PORT,
    }
    return env.get_template("base_v2.j2").render(**variables)


def render(case: str, templates: str, tables: dict, buildkit: bool, features=None) -> str:
    bento = os.path.join(case, "bento")
    with open(os.path.join(bento, "bento.yaml")) as f:
        info = yaml.safe_load(f)
    if info.get("spec", 1) == 2:
        return render_v2(info, bento, templates, buildkit)
    return render_v1(info, bento, templates, tables, buildkit, features)


def outputs(case: str, templates: str, tables: dict) -> dict[str, str]:
    result = {}
    for buildkit, name in ((True, "buildkit"), (False, "nobuildkit")):
        try:
            result[f"expected.{name}.Dockerfile"] = render(case, templates, tables, buildkit)
        except RuntimeError as error:
            result[f"expected.{name}.error"] = f"{error}\n"
    features_file = os.path.join(case, "features.txt")
    if os.path.exists(features_file):
        with open(features_file) as f:
            features = [x.strip() for x in f.read().split(",") if x.strip()]
        key = f"expected.buildkit.features-{'-'.join(features)}.Dockerfile"
        result[key] = render(case, templates, tables, True, features)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bentoml-git", required=True, help="a BentoML git directory")
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("--check", action="store_true", help="compare with the files present, write nothing")
    parser.add_argument("cases", nargs="+")
    args = parser.parse_args()
    tables = load_tables(args.bentoml_git, args.rev)
    failed = 0
    with tempfile.TemporaryDirectory() as templates:
        extract_templates(args.bentoml_git, args.rev, templates)
        for case in args.cases:
            for name, text in outputs(case, templates, tables).items():
                path = os.path.join(case, name)
                if args.check:
                    if not os.path.exists(path):
                        continue
                    with open(path) as f:
                        same = f.read() == text
                    print(f"{'same' if same else 'DIFFERENT'}: {path}")
                    failed += 0 if same else 1
                else:
                    with open(path, "w") as f:
                        f.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
