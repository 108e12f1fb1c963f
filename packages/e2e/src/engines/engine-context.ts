import type { EngineName } from "@bento/test-support";
import type { EngineBuilds } from "./builds.js";
import type { Sandbox } from "./sandbox.js";

/** What the checks of one engine share; getters, since the suite makes them in `beforeAll`. */
export interface EngineContext {
  engine: EngineName;
  builds(): EngineBuilds;
  sandbox(): Sandbox;
}

/** The runtime every example image must show: user, folders, the active venv. */
export const RUNTIME = {
  user: "bentoml",
  uid: "1034",
  bentoPath: "/home/bentoml/bento",
  venv: "/app/.venv",
  python: "/app/.venv/bin/python",
} as const;
