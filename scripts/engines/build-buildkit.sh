#!/usr/bin/env bash
# Build BuildKit's buildkitd and buildctl from Debian's own archive into OUT_DIR. Debian
# packages no BuildKit binary, but trixie's golang-github-docker-docker-dev (docker.io 26.1.5)
# carries BuildKit v0.13.2's full source, cmd/ included; trixie's Go 1.24 compiles it in GOPATH
# mode. Everything is downloaded (through the Debian mirror apt uses) and unpacked in a
# throw-away work dir (about 2.6 GB, ~100 s on 2 cores); nothing is installed system-wide.
# Modules Debian lacks come from buildkit-standins/. install-buildkit.sh caches the result.
# Usage: build-buildkit.sh OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

OUT_DIR="${1:?usage: build-buildkit.sh OUT_DIR}"
WORK_PARENT="${BENTO_ENGINES_CACHE:-/var/cache/bento-container}"
BK_VERSION=v0.13.2
# Debian records no BuildKit version in the source package; this names where it came from.
BK_REVISION=debian-docker.io-26.1.5
JOBS="${BENTO_BUILDKIT_JOBS:-$(nproc)}"

# Top-level packages: Go, BuildKit's source (inside docker-dev) and the libraries it imports.
GO_PACKAGES=(
  golang-1.24-go golang-1.24-src golang-github-docker-docker-dev
  golang-github-containerd-stargz-snapshotter-dev golang-github-containerd-nydus-snapshotter-dev
  golang-github-spdx-tools-golang-dev golang-github-coreos-go-systemd-dev
  golang-github-mitchellh-hashstructure-v2-dev golang-github-pkg-profile-dev
  golang-github-tonistiigi-vt100-dev golang-github-agext-levenshtein-dev
  golang-github-gofrs-flock-dev golang-github-google-shlex-dev
)

build() (
  local mirror work start
  mirror="$(apt_mirror)"
  [ -n "$mirror" ] || die "cannot find the Debian mirror in apt's sources (apt-get indextargets)"
  mkdir -p "$WORK_PARENT"
  work="$(mktemp -d "$WORK_PARENT/buildkit-work.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  start="$(now)"
  mkdir -p "$work"/apt/lists/partial "$work"/apt/cache/archives/partial "$work"/deb "$work"/root \
    "$work"/overlay/src "$work"/bin
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" \
    >"$work/apt/sources.list"
  # An empty dpkg status: apt resolves the whole closure of trixie packages into the work dir.
  : >"$work/apt/status"
  local apt_opts=(
    -q -o "Dir::Etc::SourceList=$work/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache"
    -o "Dir::State::status=$work/apt/status" -o Dir::Etc::Preferences=/dev/null
    -o Dir::Etc::PreferencesParts=/dev/null -o APT::Sandbox::User=root
  )
  log "buildkit: downloading Go and BuildKit's source from Debian trixie ($mirror)"
  apt-get "${apt_opts[@]}" update >/dev/null
  local packages
  mapfile -t packages < <(apt-get "${apt_opts[@]}" -s --no-install-recommends install \
    "${GO_PACKAGES[@]}" | awk '/^Inst golang-/ { print $2 }' | sort -u)
  (cd "$work/deb" && apt-get "${apt_opts[@]}" download "${packages[@]}" >/dev/null)
  local deb
  for deb in "$work"/deb/*.deb; do dpkg -x "$deb" "$work/root"; done
  log "buildkit: unpacked ${#packages[@]} packages in $(($(now) - start))s"

  local src="$work/root/usr/share/gocode/src" overlay="$work/overlay/src" stand="$here/buildkit-standins"
  # GOPATH mode cannot map go-systemd's /v22 import path onto Debian's directory.
  mkdir -p "$overlay/github.com/coreos/go-systemd"
  ln -sfn "$src/github.com/coreos/go-systemd" "$overlay/github.com/coreos/go-systemd/v22"
  # Modules Debian does not package: our stand-ins.
  install -D -m 0644 "$stand/archvariant.go" "$overlay/github.com/tonistiigi/go-archvariant/archvariant.go"
  install -D -m 0644 "$stand/packageurl.go" "$overlay/github.com/package-url/packageurl-go/packageurl.go"
  install -D -m 0644 "$stand/fuseoverlayfs.go" \
    "$overlay/github.com/containerd/fuse-overlayfs-snapshotter/fuseoverlayfs.go"
  # The gha and azblob cache backends need SDKs Debian does not package: stubs in the work tree.
  local backend dir
  for backend in gha azblob; do
    dir="$src/github.com/moby/buildkit/cache/remotecache/$backend"
    rm -f "$dir"/*.go
    sed "s/BACKEND/$backend/g" "$stand/remotecache.go.in" >"$dir/$backend.go"
  done

  export GOROOT="$work/root/usr/lib/go-1.24" PATH="$work/root/usr/lib/go-1.24/bin:$PATH"
  export GOPATH="$work/overlay:$work/root/usr/share/gocode" GO111MODULE=off GOFLAGS= \
    GOTOOLCHAIN=local GOPROXY=off GOCACHE="$work/gocache" GOMAXPROCS="$JOBS" CGO_ENABLED=0
  local missing
  missing="$(go list -e -deps -f '{{with .Error}}{{.}}{{end}}' \
    github.com/moby/buildkit/cmd/buildkitd github.com/moby/buildkit/cmd/buildctl | sort -u)"
  [ -z "$missing" ] || die "buildkit: packages missing from the Debian closure: $missing"
  local ldflags="-X github.com/moby/buildkit/version.Version=$BK_VERSION"
  ldflags+=" -X github.com/moby/buildkit/version.Revision=$BK_REVISION"
  ldflags+=" -X github.com/moby/buildkit/version.Package=github.com/moby/buildkit"
  local cmd
  for cmd in buildkitd buildctl; do
    go build -p "$JOBS" -trimpath -ldflags "$ldflags" -o "$work/bin/$cmd" \
      "github.com/moby/buildkit/cmd/$cmd"
  done
  mkdir -p "$OUT_DIR"
  mv "$work/bin/buildkitd" "$work/bin/buildctl" "$OUT_DIR/"
  log "buildkit: built $("$OUT_DIR/buildkitd" --version 2>/dev/null) in $(($(now) - start))s"
)

build
