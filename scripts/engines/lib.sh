# Shared helpers for the engine scripts; source it, do not run it.
# shellcheck shell=bash

# Print a progress line on stderr, prefixed so CI logs show which script spoke.
log() { printf '[engines] %s\n' "$*" >&2; }

# Stop with a message on stderr.
die() { log "error: $*"; exit 1; }

# Seconds since the epoch, for the timings printed at the end of each step.
now() { date +%s; }

# The Debian mirror apt is configured with: the repository serving the host's own suite, read
# from apt's view of its sources (sources.list and deb822 .sources alike). --no-release-info
# makes it answer before the first `apt-get update` too.
apt_mirror() {
  local codename
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  # shellcheck disable=SC2016 # apt expands $(REPO_URI), not the shell
  apt-get indextargets --no-release-info --format '$(REPO_URI) $(URI)' 'Identifier: Packages' \
    2>/dev/null | awk -v c="/dists/$codename/" 'index($2, c) { print $1; exit }'
}

[ "$(id -u)" -eq 0 ] || die "these scripts install packages and start daemons: run them as root"

# already_answers READY WHAT: whether the shell command READY succeeds, i.e. the service is up
# already (logged as "WHAT already answers"). Each start script asks it first, before its
# set-up steps, so a running daemon is left alone: `already_answers "$ready" ... && exit 0`.
already_answers() {
  eval "$1" >/dev/null 2>&1 || return 1
  log "$2 already answers"
}

# start_daemon STATE_DIR NAME LOG TIMEOUT READY COMMAND...: runs COMMAND in its own session
# (a Ctrl+C in the calling shell does not reach it), logging to LOG, and waits until the shell
# command READY succeeds. When STATE_DIR is not empty, appends "PID NAME" to STATE_DIR/daemons,
# so stop-daemons.sh stops exactly what this run started.
start_daemon() {
  local state="$1" name="$2" logfile="$3" timeout="$4" ready="$5" pid
  shift 5
  mkdir -p "$(dirname "$logfile")"
  setsid "$@" >>"$logfile" 2>&1 </dev/null &
  pid=$!
  [ -z "$state" ] || echo "$pid $name" >>"$state/daemons"
  log "started $name (pid $pid), log: $logfile"
  for _ in $(seq "$timeout"); do
    if eval "$ready" >/dev/null 2>&1; then
      log "$name ready"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$logfile" >&2; die "$name exited; see $logfile"; }
    sleep 1
  done
  tail -n 30 "$logfile" >&2
  die "$name did not answer within ${timeout}s; see $logfile"
}
