#!/usr/bin/env bash
# Stop the dockerd that start-dockerd.sh started, named by the pid in PIDFILE; no-op otherwise.
# Usage: stop-dockerd.sh PIDFILE
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pid="$(cat "${1:?usage: stop-dockerd.sh PIDFILE}" 2>/dev/null || true)"
[ -n "$pid" ] || exit 0
if [ "$(ps -o comm= -p "$pid" 2>/dev/null)" != dockerd ]; then
  log "pid $pid is no longer dockerd; nothing to stop"
  exit 0
fi
kill -TERM "$pid"
# dockerd stops its own containerd and containers on TERM; give it time before forcing.
for _ in $(seq 30); do
  kill -0 "$pid" 2>/dev/null || { log "stopped dockerd (pid $pid)"; exit 0; }
  sleep 1
done
kill -KILL "$pid" 2>/dev/null || true
log "dockerd (pid $pid) did not stop in 30s; killed"
