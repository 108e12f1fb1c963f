#!/usr/bin/env bash
# Start buildkitd (OCI worker, runc) unless one answers on its socket: on the unix socket
# buildctl uses by default, and on a loopback TCP address that requires mutual TLS with the
# certificates make-tls.sh wrote. Its config mirrors nothing: base images come from the
# loopback registry start-registry.sh filled, which it may reach over plain HTTP.
# Usage: start-buildkitd.sh [STATE_DIR]  (STATE_DIR/daemons records it when this script started it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
. "$here/engines.env"

CONFIG="$BENTO_ENGINES_CONFIG/buildkitd.toml"
ready="buildctl --addr unix://$BENTO_BUILDKIT_SOCKET debug workers"

already_answers "$ready" "buildkitd on $BENTO_BUILDKIT_SOCKET" && exit 0
mkdir -p "$BENTO_ENGINES_CONFIG" "$(dirname "$BENTO_BUILDKIT_SOCKET")"
cat >"$CONFIG" <<TOML
# Written by bento-container's scripts/engines/start-buildkitd.sh.
[worker.oci]
  enabled = true
[worker.containerd]
  enabled = false
[registry."$BENTO_REGISTRY_ADDR"]
  http = true
TOML
tls="$BENTO_TLS_DIR/server"
start_daemon "${1:-}" buildkitd "$BENTO_ENGINES_LOGS/buildkitd.log" 60 "$ready" \
  buildkitd --config "$CONFIG" --root "$BENTO_ENGINES_STATE/buildkitd" \
  --addr "unix://$BENTO_BUILDKIT_SOCKET" --addr "tcp://$BENTO_BUILDKIT_TCP_ADDR" \
  --tlscacert "$tls/ca.pem" --tlscert "$tls/cert.pem" --tlskey "$tls/key.pem"
