import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import { spec2, writeBento } from "../support/bento-files.js";
import type { Sandbox } from "../support/sandbox.js";

/** The build-stage env every secrets test uses. */
export const SECRET_NAME = "API_TOKEN";

/** A fresh secret value, easy to grep for. */
export function secretValue(): string {
  return `s3cret-${randomBytes(12).toString("hex")}`;
}

/** The sha256 of a secret, as the stand-in reports what it read. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * A spec-2 bento whose build-stage env takes its value from the environment;
 * `value` is bento.yaml's default for it (none by default).
 */
export function writeSecretBento(
  box: Sandbox,
  image: Record<string, unknown> = {},
  value?: string,
) {
  return writeBento(
    join(box.work, "bento"),
    spec2(image, { envs: [{ name: SECRET_NAME, stage: "build", value }] }),
  );
}
