#!/usr/bin/env bash
# Bring this machine to the state the e2e tests expect: engines installed and configured,
# dockerd running, the offline base image imported. Safe to run again; it skips what is done.
# Usage: setup.sh [PIDFILE]  (PIDFILE receives dockerd's pid when this run started it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

step() {
  local start
  start="$(now)"
  "$@"
  log "step $(basename "$1") took $(($(now) - start))s"
}

step "$here/install.sh"
step "$here/configure-podman.sh"
step "$here/start-dockerd.sh" "${1:-}"
step "$here/base-image.sh"
