/** Instructions that add a filesystem layer on every engine here. */
const LAYER_INSTRUCTION = /^(RUN|COPY|ADD)\s/;
// `COPY ... ./src ./src`, or the code build's one COPY of its narrowed context (podman, buildah).
const SRC_COPY = /^COPY\s(?:.*\s\.\/src\s+\.\/src\/?|\s*--chown=\S+\s+\.\s+\.\/)\s*$/;

/**
 * How many layers the Containerfile adds from its `COPY ... ./src ./src` on (that
 * instruction included; a split build's code Containerfile copies src with its
 * whole narrowed context, `COPY --chown=U:G . ./`); rejects a file without one. Pure.
 */
export function layersFromSrcCopy(containerfile: string): number {
  const lines = containerfile.split("\n");
  const at = lines.findIndex((line) => SRC_COPY.test(line));
  if (at < 0) throw new Error("the Containerfile has no `COPY ./src ./src` line");
  return lines.slice(at).filter((line) => LAYER_INSTRUCTION.test(line)).length;
}

/** How many leading entries two lists share. Pure. */
export function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
