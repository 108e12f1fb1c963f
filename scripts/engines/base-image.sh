#!/usr/bin/env bash
# Make the offline test base image (Debian bookworm minbase + Python + the uv stand-in) and
# import it into docker and podman (buildah shares podman's storage) as bento-base:bookworm.
# The debootstrap result is cached as a tarball outside the checkout, so later runs only import.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

IMAGE="${BENTO_TEST_BASE_IMAGE:-bento-base:bookworm}"
CACHE_DIR="${BENTO_ENGINES_CACHE:-/var/cache/bento-container}"
ROOTFS_TAR="$CACHE_DIR/base-bookworm.tar"
# python-is-python3 gives `python`, as the official python images have it.
PACKAGES=python3,python3-venv,python3-pip,python-is-python3
# Other names the image answers to, so Containerfiles naming them build offline (space-separated).
read -r -a ALIASES <<<"${BENTO_BASE_ALIASES-python:3.11-slim}"
CHANGES=(
  "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "ENV LANG=C.UTF-8"
  'CMD ["/bin/bash"]'
)
LABEL_KEY=org.bento-container.base.fingerprint

build_rootfs_tar() {
  [ -s "$ROOTFS_TAR" ] && { log "cached rootfs: $ROOTFS_TAR"; return; }
  local mirror start dir
  mirror="$(apt_mirror)"
  [ -n "$mirror" ] || die "cannot find the Debian mirror in apt's sources (apt-get indextargets)"
  mkdir -p "$CACHE_DIR"
  dir="$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")"
  start="$(now)"
  log "debootstrap bookworm from $mirror into $dir"
  debootstrap --variant=minbase --include="$PACKAGES" bookworm "$dir" "$mirror" \
    >"$CACHE_DIR/debootstrap.log" 2>&1 || { tail -n 30 "$CACHE_DIR/debootstrap.log" >&2; die "debootstrap failed"; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  tar -C "$dir" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -cf "$ROOTFS_TAR.partial" .
  mv "$ROOTFS_TAR.partial" "$ROOTFS_TAR"
  rm -rf "$dir"
  log "debootstrap + tar took $(($(now) - start))s: $ROOTFS_TAR ($(du -h "$ROOTFS_TAR" | cut -f1))"
}

# Changes to the rootfs, the stand-in or the image config give a new fingerprint, hence a re-import.
fingerprint() {
  { stat -c '%s %Y' "$ROOTFS_TAR"; cat "$here/uv-standin.sh"; printf '%s\n' "${CHANGES[@]}"; } |
    sha256sum | cut -c1-16
}

# The cached rootfs plus /usr/local/bin/uv, made once per run in a temp dir.
import_tar() {
  if [ -z "${IMPORT_TAR:-}" ]; then
    IMPORT_DIR="$(mktemp -d "$CACHE_DIR/import.XXXXXX")"
    IMPORT_TAR="$IMPORT_DIR/base.tar"
    cp --reflink=auto "$ROOTFS_TAR" "$IMPORT_TAR"
    install -D -m 0755 "$here/uv-standin.sh" "$IMPORT_DIR/root/usr/local/bin/uv"
    tar -C "$IMPORT_DIR/root" --owner=0 --group=0 -rf "$IMPORT_TAR" ./usr/local/bin/uv
  fi
  echo "$IMPORT_TAR"
}

# import_into ENGINE: docker or podman; skipped when the image there has the current fingerprint.
import_into() {
  local engine="$1" fp="$2" current start args=() alias
  current="$("$engine" image inspect --format "{{ index .Config.Labels \"$LABEL_KEY\" }}" "$IMAGE" 2>/dev/null || true)"
  if [ "$current" = "$fp" ]; then
    log "$engine: $IMAGE is current ($fp)"
  else
    start="$(now)"
    for change in "${CHANGES[@]}" "LABEL $LABEL_KEY=$fp"; do args+=(--change "$change"); done
    [ "$engine" = docker ] || args+=(--quiet)
    "$engine" import "${args[@]}" "$(import_tar)" "$IMAGE" >/dev/null
    log "$engine: imported $IMAGE in $(($(now) - start))s"
  fi
  for alias in "${ALIASES[@]}"; do "$engine" tag "$IMAGE" "$alias"; done
}

cleanup() { [ -z "${IMPORT_DIR:-}" ] || rm -rf "$IMPORT_DIR"; }
trap cleanup EXIT

build_rootfs_tar
fp="$(fingerprint)"
if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  import_into docker "$fp"
else
  log "docker: no daemon answers; skipped (run start-dockerd.sh first)"
fi
if command -v podman >/dev/null; then import_into podman "$fp"; else log "podman: not installed; skipped"; fi
