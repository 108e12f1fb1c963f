import { isAbsolute } from "node:path";
import { UnsafePathError } from "../errors.js";

/** Refuses a bento.yaml path that is absolute or climbs out with `..`. */
export function assertInsideBento(path: string, key: string): string {
  const segments = path.split(/[\\/]+/);
  if (isAbsolute(path) || /^[A-Za-z]:/.test(path) || segments.includes(".."))
    throw new UnsafePathError(`bento.yaml: ${key} "${path}" points outside the bento`, {
      hint: `Make ${key} a relative path inside the bento directory, without "..".`,
    });
  return path;
}
