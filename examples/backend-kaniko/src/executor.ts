import { which } from "@bento/container-core";

/** Where kaniko's own image keeps the executor. */
export const KANIKO_IMAGE_EXECUTOR = "/kaniko/executor";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The executor to run: env `KANIKO_EXECUTOR` when set, else `/kaniko/executor`
 * when it is there (inside kaniko's image), else `executor` looked up on PATH.
 */
export function kanikoExecutor(
  env: Env = process.env,
  isExecutable: (path: string) => boolean = (path) => which(path, env) !== undefined,
): string {
  const chosen = env.KANIKO_EXECUTOR?.trim();
  if (chosen) return chosen;
  return isExecutable(KANIKO_IMAGE_EXECUTOR) ? KANIKO_IMAGE_EXECUTOR : "executor";
}
