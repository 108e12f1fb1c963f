#!/usr/bin/env bash
# Start dockerd in the background unless a daemon already answers, and wait for its socket.
# Usage: start-dockerd.sh [PIDFILE]  (PIDFILE receives the pid only when this script started it)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PIDFILE="${1:-}"
LOG="${BENTO_DOCKERD_LOG:-/var/log/bento-container/dockerd.log}"
TIMEOUT="${BENTO_DOCKERD_TIMEOUT:-60}"

if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  log "dockerd already running (server $(docker version --format '{{.Server.Version}}'))"
  exit 0
fi

mkdir -p "$(dirname "$LOG")"
# setsid: the daemon gets its own session, so a Ctrl+C in the calling shell does not reach it.
setsid dockerd >>"$LOG" 2>&1 </dev/null &
pid=$!
[ -z "$PIDFILE" ] || echo "$pid" >"$PIDFILE"
log "started dockerd (pid $pid), log: $LOG"

for _ in $(seq "$TIMEOUT"); do
  if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
    log "dockerd ready (server $(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG" >&2; die "dockerd exited; see $LOG"; }
  sleep 1
done
tail -n 30 "$LOG" >&2
die "dockerd did not answer within ${TIMEOUT}s; see $LOG"
