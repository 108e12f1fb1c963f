#!/usr/bin/env bash
# Bring this machine to the state the e2e tests expect: engines installed and configured,
# dockerd, a loopback registry and buildkitd running, the offline base image imported and
# pushed. Safe to run again; it skips what is done.
# Usage: setup.sh [STATE_DIR]  (STATE_DIR/daemons lists the daemons this run started, for
# stop-daemons.sh)
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
step "$here/install-buildkit.sh"
step "$here/configure-podman.sh"
step "$here/make-tls.sh"
step "$here/start-dockerd.sh" "${1:-}"
step "$here/base-image.sh"
step "$here/start-registry.sh" "${1:-}"
step "$here/start-buildkitd.sh" "${1:-}"
step "$here/start-dockerd-remote.sh" "${1:-}"
step "$here/start-podman-service.sh" "${1:-}"
