#!/usr/bin/env bash
# Installs this bento's Python requirements into the image's virtual environment
# (the Containerfile runs it with `bash -euxo pipefail`). It installs only what
# env/python lists and never fetches BentoML itself, so it works without a
# package index; the example image runs commands, not the BentoML server.
set -euo pipefail

here="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"

pip_install() {
  if command -v uv >/dev/null 2>&1; then
    uv pip install "$@"
  else
    python3 -m pip install "$@"
  fi
}

if [ -s "$here/requirements.lock.txt" ]; then
  pip_install -r "$here/requirements.lock.txt"
elif [ -s "$here/requirements.txt" ]; then
  pip_install -r "$here/requirements.txt"
else
  echo "install.sh: no Python requirements to install"
fi

shopt -s nullglob
wheels=("$here"/wheels/*.whl)
if [ "${#wheels[@]}" -gt 0 ]; then
  pip_install "${wheels[@]}"
fi
