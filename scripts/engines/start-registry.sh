#!/usr/bin/env bash
# Start a registry (Debian's docker-registry) on loopback unless one answers there, and push
# the offline base image into it as ADDR/bento-base:bookworm, so BuildKit daemons, which have
# no access to docker's or podman's image store, build FROM it without reaching the internet.
# Usage: start-registry.sh [STATE_DIR]  (STATE_DIR/daemons records it when this script started it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
. "$here/engines.env"

IMAGE="${BENTO_TEST_BASE_IMAGE:-bento-base:bookworm}"
CONFIG="$BENTO_ENGINES_CONFIG/registry.yml"
ready="curl -fsS http://$BENTO_REGISTRY_ADDR/v2/"

if ! already_answers "$ready" "registry on $BENTO_REGISTRY_ADDR"; then
  mkdir -p "$BENTO_ENGINES_CONFIG" "$BENTO_ENGINES_STATE/registry"
  # Loopback only, no auth, deletes allowed (tests remove what they push).
  cat >"$CONFIG" <<YAML
# Written by bento-container's scripts/engines/start-registry.sh.
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $BENTO_ENGINES_STATE/registry
  delete:
    enabled: true
http:
  addr: $BENTO_REGISTRY_ADDR
YAML
  start_daemon "${1:-}" docker-registry "$BENTO_ENGINES_LOGS/registry.log" 30 "$ready" \
    docker-registry serve "$CONFIG"
fi

# dockerd treats 127.0.0.0/8 registries as insecure (plain HTTP) without configuration.
remote="$BENTO_REGISTRY_ADDR/$IMAGE"
docker tag "$IMAGE" "$remote"
docker push --quiet "$remote" >/dev/null
docker image rm "$remote" >/dev/null
log "registry: $remote pushed"
