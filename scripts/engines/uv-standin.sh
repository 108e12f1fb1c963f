#!/bin/bash
# Offline stand-in for uv, installed as /usr/local/bin/uv in the test base image.
# The generated Containerfiles call uv, but no package index is reachable in tests:
#   uv venv [-p VER] [PATH]     -> python3 -m venv PATH (the image's only Python; VER is noted)
#   uv pip install ARGS         -> python -m pip install --no-index ARGS (uv-only flags dropped)
#   uv pip list|freeze|show ... -> python -m pip ...
# Global options (--directory DIR, -q, --no-progress, ...) are accepted before the command.
set -euo pipefail

note() { printf 'uv (stand-in): %s\n' "$*" >&2; }
fail() { note "$*"; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --directory) cd "$2"; shift 2 ;;
    --directory=*) cd "${1#*=}"; shift ;;
    --project | --cache-dir | --config-file | --color) shift 2 ;;
    --project=* | --cache-dir=* | --config-file=* | --color=*) shift ;;
    -q | --quiet | -v | --verbose | --no-progress | --no-cache | --offline | --native-tls | --no-config | --no-python-downloads) shift ;;
    --version | -V) echo "uv 0.0.0 (offline stand-in)"; exit 0 ;;
    *) break ;;
  esac
done

cmd_venv() {
  local path=.venv want="" opts=()
  while [ $# -gt 0 ]; do
    case "$1" in
      -p | --python) want="$2"; shift 2 ;;
      -p=* | --python=*) want="${1#*=}"; shift ;;
      --prompt) opts+=(--prompt "$2"); shift 2 ;;
      --system-site-packages) opts+=("$1"); shift ;;
      --seed | --allow-existing | --relocatable | -q | --quiet | --no-project | --clear) shift ;;
      --index-url | --extra-index-url | --link-mode | --cache-dir) shift 2 ;;
      -*) fail "venv: unsupported option $1" ;;
      *) path="$1"; shift ;;
    esac
  done
  local have
  have="$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  case "$want" in "" | "$have" | python3 | "python$have" | */python3) ;; *) note "asked for Python $want, using $have (nothing is downloaded offline)" ;; esac
  python3 -m venv "${opts[@]}" "$path"
}

# The interpreter uv would install into: --python, --system, $VIRTUAL_ENV or ./.venv.
target_python() {
  if [ -n "$1" ]; then echo "$1"
  elif [ -n "$2" ]; then echo python3
  elif [ -n "${VIRTUAL_ENV:-}" ]; then echo "$VIRTUAL_ENV/bin/python"
  elif [ -x .venv/bin/python ]; then echo "$PWD/.venv/bin/python"
  else fail "no virtual environment found; run 'uv venv' first or pass --system"
  fi
}

cmd_pip() {
  local sub="${1:-}" python="" system="" args=()
  shift || true
  while [ $# -gt 0 ]; do
    case "$1" in
      -p | --python) python="$2"; shift 2 ;;
      -p=* | --python=*) python="${1#*=}"; shift ;;
      --system) system=1; shift ;;
      --reinstall) args+=(--force-reinstall); shift ;;
      --no-cache) args+=(--no-cache-dir); shift ;;
      --prerelease) [ "$2" = disallow ] || args+=(--pre); shift 2 ;;
      -i | --index-url | --extra-index-url | --index | --default-index | --index-strategy | \
        --keyring-provider | --resolution | --cache-dir | --python-platform | --python-version | \
        --link-mode | --exclude-newer | --torch-backend | --upgrade-package | -P | --override) shift 2 ;;
      --index-url=* | --extra-index-url=* | --index=* | --default-index=* | --index-strategy=* | \
        --resolution=* | --prerelease=* | --link-mode=* | --cache-dir=* | --python-version=*) shift ;;
      --compile-bytecode | --compile | --no-progress | --strict | --no-build | --no-sources | \
        --offline | --refresh | --no-index | --break-system-packages | -q | --quiet | -v | --verbose) shift ;;
      *) args+=("$1"); shift ;;
    esac
  done
  local py
  py="$(target_python "$python" "$system")"
  export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
  local sys_flag=()
  [ -z "$system" ] || sys_flag=(--break-system-packages)
  case "$sub" in
    install) exec "$py" -m pip install --no-index "${sys_flag[@]}" "${args[@]}" ;;
    uninstall) exec "$py" -m pip uninstall -y "${sys_flag[@]}" "${args[@]}" ;;
    list | freeze | show | check) exec "$py" -m pip "$sub" "${args[@]}" ;;
    *) fail "pip: unsupported command '$sub'" ;;
  esac
}

case "${1:-}" in
  venv) shift; cmd_venv "$@" ;;
  pip) shift; cmd_pip "$@" ;;
  *) fail "unsupported command '${1:-}' (this image has an offline stand-in for uv: venv, pip)" ;;
esac
