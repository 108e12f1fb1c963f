import { readFileSync } from "node:fs";

/** The CLI's version, from its package.json (one level above `src/` and `dist/`). */
export function cliVersion(): string {
  const url = new URL("../package.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
}
