#!/usr/bin/env bash
# Start a second dockerd that stands for a remote docker host: it listens only on a loopback
# TCP address and requires a client certificate (make-tls.sh's), with its own data-root,
# exec-root, pidfile and bridge, so it shares nothing with the first dockerd. Its containers
# get no route out (no iptables, no masquerading); its builds pull the base image from the
# loopback registry. Skipped when it answers already.
# Usage: start-dockerd-remote.sh [STATE_DIR]  (STATE_DIR/daemons records it when this script started it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
. "$here/engines.env"

root="$BENTO_ENGINES_STATE/dockerd-remote"
exec_root="/run/bento-container/dockerd-remote"
client="$BENTO_TLS_DIR/client"
ready="docker --host tcp://$BENTO_DOCKER_TCP_ADDR --tlsverify --tlscacert $client/ca.pem --tlscert $client/cert.pem --tlskey $client/key.pem version --format '{{.Server.Version}}'"

already_answers "$ready" "remote dockerd on tcp://$BENTO_DOCKER_TCP_ADDR" && exit 0
# The first dockerd owns docker0: this one gets a bridge of its own, made here.
if ! ip link show "$BENTO_DOCKERD_REMOTE_BRIDGE" >/dev/null 2>&1; then
  ip link add "$BENTO_DOCKERD_REMOTE_BRIDGE" type bridge
  ip addr add "$BENTO_DOCKERD_REMOTE_CIDR" dev "$BENTO_DOCKERD_REMOTE_BRIDGE"
fi
ip link set "$BENTO_DOCKERD_REMOTE_BRIDGE" up
mkdir -p "$root" "$exec_root"
tls="$BENTO_TLS_DIR/server"
start_daemon "${1:-}" dockerd "$BENTO_ENGINES_LOGS/dockerd-remote.log" 60 "$ready" \
  dockerd --data-root "$root" --exec-root "$exec_root" --pidfile "$exec_root/dockerd.pid" \
  --host "tcp://$BENTO_DOCKER_TCP_ADDR" --tlsverify \
  --tlscacert "$tls/ca.pem" --tlscert "$tls/cert.pem" --tlskey "$tls/key.pem" \
  --bridge "$BENTO_DOCKERD_REMOTE_BRIDGE" --iptables=false --ip-masq=false
