#!/usr/bin/env bash
# Install BuildKit's buildkitd and buildctl in /usr/local/bin, built by build-buildkit.sh from
# Debian's archive. The build is cached under a key of the build script and its stand-ins, so
# a second run only compares (and, when they differ, copies) the two binaries.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

CACHE_DIR="${BENTO_ENGINES_CACHE:-/var/cache/bento-container}"
PREFIX="${BENTO_BUILDKIT_PREFIX:-/usr/local/bin}"
key="$(cat "$here/build-buildkit.sh" "$here"/buildkit-standins/* | sha256sum | cut -c1-16)"
BIN_DIR="$CACHE_DIR/buildkit-$key"

if [ -x "$BIN_DIR/buildkitd" ] && [ -x "$BIN_DIR/buildctl" ]; then
  log "buildkit: cached build $BIN_DIR"
else
  "$here/build-buildkit.sh" "$BIN_DIR"
fi
if cmp -s "$PREFIX/buildkitd" "$BIN_DIR/buildkitd" && cmp -s "$PREFIX/buildctl" "$BIN_DIR/buildctl"; then
  log "buildkit: $PREFIX/buildkitd and $PREFIX/buildctl are current"
else
  install -m 0755 "$BIN_DIR/buildkitd" "$BIN_DIR/buildctl" "$PREFIX/"
  log "buildkit: installed $("$PREFIX/buildkitd" --version 2>/dev/null) in $PREFIX"
fi
