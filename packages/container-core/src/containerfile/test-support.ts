/**
 * Test helpers shared by the Containerfile tests (not exported from the package).
 */

/** Lines that matter when comparing Containerfiles: no blank or comment lines, but `# syntax` kept. */
export function instructionLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => !line.trimStart().startsWith("#") || /^#\s*syntax\s*=/.test(line.trim()));
}
