#!/usr/bin/env bash
# Stop the daemons the start scripts recorded in STATE_DIR/daemons, newest first; a pid that
# no longer runs the recorded program is left alone. No-op without that file.
# Usage: stop-daemons.sh STATE_DIR
set -euo pipefail
. "$(dirname "$0")/lib.sh"

list="${1:?usage: stop-daemons.sh STATE_DIR}/daemons"
[ -s "$list" ] || exit 0
# stop PID NAME: TERM, then KILL after 30 s (dockerd stops its containerd and containers first).
stop() {
  local pid="$1" name="$2"
  if [ "$(ps -o comm= -p "$pid" 2>/dev/null)" != "${name:0:15}" ]; then
    log "pid $pid is no longer $name; nothing to stop"
    return
  fi
  kill -TERM "$pid"
  for _ in $(seq 30); do
    kill -0 "$pid" 2>/dev/null || { log "stopped $name (pid $pid)"; return; }
    sleep 1
  done
  kill -KILL "$pid" 2>/dev/null || true
  log "$name (pid $pid) did not stop in 30s; killed"
}
tac "$list" | while read -r pid name; do stop "$pid" "$name"; done
