#!/usr/bin/env bash
# Start podman's API service (`podman system service`) on a unix socket, for clients that
# build through it (`podman --remote`, CONTAINER_HOST=unix://...). It serves the same image
# store as the local podman. Skipped when it answers already.
# Usage: start-podman-service.sh [STATE_DIR]  (STATE_DIR/daemons records it when this script started it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
. "$here/engines.env"

url="unix://$BENTO_PODMAN_SOCKET"
ready="podman --remote --url $url version --format '{{.Server.Version}}'"

already_answers "$ready" "podman service on $url" && exit 0
mkdir -p "$(dirname "$BENTO_PODMAN_SOCKET")"
rm -f "$BENTO_PODMAN_SOCKET"
# --time=0: no idle timeout, it runs until stop-daemons.sh stops it.
start_daemon "${1:-}" podman "$BENTO_ENGINES_LOGS/podman-service.log" 30 "$ready" \
  podman system service --time=0 "$url"
