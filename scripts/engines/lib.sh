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
