#!/usr/bin/env bash
# Make a private CA and, signed by it, a server certificate for 127.0.0.1/localhost and a
# client certificate, for the daemons that listen on loopback TCP with mutual TLS (buildkitd,
# the second dockerd). Kept when present and valid for another day.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
. "$here/engines.env"

dir="$BENTO_TLS_DIR"
if [ -s "$dir/client/key.pem" ] && openssl x509 -checkend 86400 -noout -in "$dir/server/cert.pem" >/dev/null 2>&1; then
  log "tls: certificates in $dir are current"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
umask 077
ssl() { openssl "$@" 2>>"$tmp/openssl.log" || { cat "$tmp/openssl.log" >&2; die "openssl $1 failed"; }; }

ssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=bento-container test CA" \
  -keyout "$tmp/ca-key.pem" -out "$tmp/ca.pem"
# sign NAME SUBJECT EXTENSIONS: a key and a certificate signed by the CA.
sign() {
  ssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "$tmp/$1-key.pem" -out "$tmp/$1.csr"
  printf '%s\n' "$3" >"$tmp/$1.ext"
  ssl x509 -req -days 30 -in "$tmp/$1.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca-key.pem" \
    -CAcreateserial -extfile "$tmp/$1.ext" -out "$tmp/$1.pem"
}
sign server "/CN=localhost" "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
sign client "/CN=bento-container client" "extendedKeyUsage=clientAuth"

rm -rf "$dir.new"
mkdir -p "$dir.new/server" "$dir.new/client"
cp "$tmp/ca.pem" "$dir.new/server/ca.pem"
cp "$tmp/server.pem" "$dir.new/server/cert.pem"
cp "$tmp/server-key.pem" "$dir.new/server/key.pem"
cp "$tmp/ca.pem" "$dir.new/client/ca.pem"
cp "$tmp/client.pem" "$dir.new/client/cert.pem"
cp "$tmp/client-key.pem" "$dir.new/client/key.pem"
rm -rf "$dir"
mv "$dir.new" "$dir"
log "tls: made a CA, a server (127.0.0.1, localhost) and a client certificate in $dir"
