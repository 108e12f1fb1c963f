import { readdirSync } from "node:fs";

/** The entry names of `dir`; none when it is missing or unreadable (a sweep has nothing to do). */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
