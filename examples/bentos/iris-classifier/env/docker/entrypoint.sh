#!/bin/sh
# Entrypoint of the example images.
#   no arguments                 bentoml serve: the bento's service on port 3000
#   -flags ...                   bentoml serve with those flags
#   serve|serve-http|... ARGS    that bentoml subcommand
#   any other COMMAND ARGS       that command, e.g. `docker run IMAGE echo ok`
set -eu

# Platforms that choose the port tell the container through PORT.
if [ -n "${PORT:-}" ]; then
  BENTOML_PORT="$PORT"
  export BENTOML_PORT
fi

if [ "$#" -eq 0 ]; then
  exec bentoml serve "${BENTO_PATH:-.}"
fi

case "$1" in
  -*)
    exec bentoml serve "${BENTO_PATH:-.}" "$@"
    ;;
  serve | serve-http | serve-grpc | start-http-server | start-grpc-server | start-runner-server)
    exec bentoml "$@"
    ;;
esac

exec "$@"
