import { homedir } from "node:os";
import { join, resolve } from "node:path";

type Env = Readonly<Record<string, string | undefined>>;

/** BentoML's home: `BENTOML_HOME`, else `~/bentoml`. */
export function bentomlHome(env: Env = process.env): string {
  return env.BENTOML_HOME ? resolve(env.BENTOML_HOME) : join(homedir(), "bentoml");
}
