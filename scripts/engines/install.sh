#!/usr/bin/env bash
# Install the container engines the e2e tests use; skips whatever is already there.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

APT_PACKAGES=(docker.io podman buildah debootstrap uidmap fuse-overlayfs slirp4netns docker-registry openssl curl iproute2)
BUILDX_PLUGIN=/usr/libexec/docker/cli-plugins/docker-buildx

missing_apt_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

install_apt_packages() {
  local missing
  mapfile -t missing < <(missing_apt_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt packages present: ${APT_PACKAGES[*]}"
    return
  fi
  log "installing from Debian: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -q -y --no-install-recommends "${missing[@]}"
}

# Bookworm has no docker-buildx package; trixie's single .deb runs on bookworm (needs libc6 only).
# A throw-away apt state under a temp dir keeps the host's sources and lists untouched.
install_buildx() (
  if [ -x "$BUILDX_PLUGIN" ]; then
    log "buildx plugin present: $BUILDX_PLUGIN"
    exit 0
  fi
  local mirror tmp
  mirror="$(apt_mirror)"
  [ -n "$mirror" ] || die "cannot find the Debian mirror in apt's sources (apt-get indextargets)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" \
    >"$tmp/sources.list"
  local apt_opts=(
    -q -o "Dir::Etc::sourcelist=$tmp/sources.list" -o Dir::Etc::sourceparts=-
    -o "Dir::State::lists=$tmp/lists" -o "Dir::Cache=$tmp/cache" -o APT::Sandbox::User=root
  )
  log "downloading docker-buildx from Debian trixie ($mirror)"
  apt-get "${apt_opts[@]}" update
  (cd "$tmp" && apt-get "${apt_opts[@]}" download docker-buildx)
  dpkg-deb -x "$tmp"/docker-buildx_*.deb "$tmp/root"
  install -D -m 0755 "$tmp/root$BUILDX_PLUGIN" "$BUILDX_PLUGIN"
  log "installed $BUILDX_PLUGIN"
)

install_apt_packages
install_buildx
