/** A build step read from a backend's output. */
export interface StepProgress {
  current: number;
  total?: number;
  /** The instruction, e.g. `RUN uv pip install ...`. */
  text: string;
}

// BuildKit plain progress: "#7 [2/9] RUN ..." or "#7 [stage-1 2/9] COPY ...".
// https://docs.docker.com/reference/cli/docker/buildx/build/#progress
const BUILDKIT = /^#\d+ \[(?:[^\]\s]+ )?(\d+)\/(\d+)\] (.+)$/;
// podman and buildah: "STEP 2/9: RUN ..."; older ones print "STEP 2: RUN ...", without
// the count (added by https://github.com/containers/buildah/pull/3265).
const BUILDAH = /^STEP (\d+)(?:\/(\d+))?: (.+)$/;
// docker's legacy builder: "Step 2/9 : RUN ..." (the count since docker 1.13:
// https://github.com/moby/moby/pull/24978).
const LEGACY = /^Step (\d+)\/(\d+) : (.+)$/;

/** The step a line of build output announces, or `undefined`. Pure. */
export function parseStep(line: string): StepProgress | undefined {
  const match = BUILDKIT.exec(line) ?? BUILDAH.exec(line) ?? LEGACY.exec(line);
  if (!match) return undefined;
  const total = match[2] === undefined ? undefined : Number(match[2]);
  return { current: Number(match[1]), total, text: match[3]!.trim() };
}

/**
 * Tracks steps across lines: BuildKit repeats a step's header for its status
 * (`#7 DONE`), and runs steps of several stages, so only advances are reported.
 */
export function createStepTracker(): (line: string) => StepProgress | undefined {
  let last = "";
  return (line) => {
    const step = parseStep(line);
    if (!step) return undefined;
    const key = `${step.current}/${step.total}:${step.text}`;
    if (key === last) return undefined;
    last = key;
    return step;
  };
}
