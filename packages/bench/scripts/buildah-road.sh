#!/usr/bin/env bash
# The road not taken for code-only rebuilds on buildah (issue 17): the engine's
# own commands (`buildah from`, `copy`, `config`, `commit`) against the code
# build bento-container runs (`buildah build` of `FROM <environment image>`,
# one COPY, one LABEL). Both make an image of the same files on the same
# environment image; each is timed after a one-line edit of src/.
#
# Usage: buildah-road.sh ENVIRONMENT_IMAGE CONTEXT_DIR [REPS]
#   ENVIRONMENT_IMAGE  a `bento-env-...` image that `bento containerize --backend buildah` built
#   CONTEXT_DIR        its staged context (README.md, bento.yaml, src/ and the environment entries)
set -euo pipefail
env_image=$1 context=$2 reps=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"; buildah rmi -f bento-road-build:1 bento-road-commit:1 >/dev/null 2>&1 || true' EXIT
cp -r "$context/src" "$context/README.md" "$context/bento.yaml" "$work/"
printf 'FROM %s\nARG SOURCE_DATE_EPOCH\nCOPY --chown=bentoml:bentoml . ./\nLABEL "ai.bentoml.bento"="road:1"\n' \
  "$env_image" >"$work.Containerfile"
ms() { date +%s%3N; }
build_way() {
  buildah build --quiet --layers=false --timestamp 0 --build-arg SOURCE_DATE_EPOCH=0 --file "$work.Containerfile" \
    --tag bento-road-build:1 "$work" >/dev/null
}
commit_way() {
  local ctr
  ctr=$(buildah from --pull=never "$env_image")
  # One copy of the folder's contents, as the build's one COPY.
  buildah copy --quiet --chown bentoml:bentoml "$ctr" "$work" /home/bentoml/bento/ >/dev/null
  buildah config --label ai.bentoml.bento=road:1 "$ctr"
  buildah commit --quiet --timestamp 0 "$ctr" bento-road-commit:1 >/dev/null
  buildah rm "$ctr" >/dev/null
}
echo "rep,buildah build (ms),from+copy+config+commit+rm (ms)"
for rep in $(seq 0 "$reps"); do
  echo "# edit $rep $RANDOM" >>"$work/src/service.py"
  a=$(ms); build_way; b=$(ms); commit_way; c=$(ms)
  # The first repetition warms both roads and is not printed.
  [ "$rep" -gt 0 ] && echo "$rep,$((b - a)),$((c - b))"
done
rm -f "$work.Containerfile"
