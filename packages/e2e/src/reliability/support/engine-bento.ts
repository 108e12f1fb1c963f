import { join } from "node:path";
import { baseImage } from "@bento/test-support";
import { spec2, writeBento, writeStoreModel } from "./bento-files.js";
import type { Sandbox } from "./sandbox.js";

/** What an engine test bento holds besides the defaults. */
export interface EngineBentoOptions {
  /** Spec-2 `commands`, run before the Python environment is made. */
  commands?: string[];
  /** Spec-2 `post_commands`, run last (a change there rebuilds only the last layers). */
  postCommands?: string[];
  /** Name of a build-stage env (a BuildKit secret) whose value comes from the environment. */
  secret?: string;
  /** bento.yaml's `value` for `secret`: only the default, the environment's value wins. */
  secretDefault?: string;
  /** Put model `relia_model:m1` in the store and list it, so the context is staged. */
  model?: boolean;
}

/** A spec-2 bento FROM the offline base image, written to `work/<name>`. */
export async function writeEngineBento(
  box: Sandbox,
  name: string,
  options: EngineBentoOptions = {},
): Promise<string> {
  if (options.model) await writeStoreModel(box.home, "relia_model", "m1");
  const models = options.model
    ? [{ tag: "relia_model:m1", registry: "bentoml", module: "bentoml.sklearn" }]
    : [];
  const envs = options.secret
    ? [{ name: options.secret, stage: "build", value: options.secretDefault }]
    : [];
  return writeBento(
    join(box.work, name),
    spec2(
      {
        base_image: baseImage(),
        commands: options.commands ?? [],
        post_commands: options.postCommands ?? [],
      },
      { models, envs },
    ),
  );
}
