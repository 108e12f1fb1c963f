#!/usr/bin/env bash
# Start dockerd in the background unless a daemon already answers, and wait for its socket.
# Usage: start-dockerd.sh [STATE_DIR]  (STATE_DIR/daemons records it when this script started it)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

LOG="${BENTO_DOCKERD_LOG:-/var/log/bento-container/dockerd.log}"
TIMEOUT="${BENTO_DOCKERD_TIMEOUT:-60}"
ready="docker version --format '{{.Server.Version}}'"

if eval "$ready" >/dev/null 2>&1; then
  log "dockerd already running (server $(eval "$ready"))"
  exit 0
fi
start_daemon "${1:-}" dockerd "$LOG" "$TIMEOUT" "$ready" dockerd
