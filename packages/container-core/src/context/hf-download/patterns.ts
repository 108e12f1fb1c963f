/**
 * Whether a repository file is wanted by bento.yaml's `include`/`exclude`
 * patterns, as huggingface_hub's `filter_repo_objects`: fnmatch patterns
 * (`*` also crosses `/`), a pattern ending in `/` means everything below it;
 * no `include` takes every file, and `exclude` wins.
 */
export function wantedFile(
  path: string,
  include: readonly string[] | undefined,
  exclude: readonly string[] | undefined,
): boolean {
  if (include && include.length > 0 && !include.some((p) => fnmatch(path, p))) return false;
  return !exclude?.some((p) => fnmatch(path, p));
}

function fnmatch(path: string, pattern: string): boolean {
  return patternRegExp(pattern.endsWith("/") ? `${pattern}*` : pattern).test(path);
}

/** Python's `fnmatch.translate`: `*`, `?`, `[seq]` and `[!seq]`; everything else literal. */
function patternRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*") source += ".*";
    else if (char === "?") source += ".";
    else if (char === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end === -1) source += "\\[";
      else {
        let set = pattern.slice(i + 1, end).replaceAll("\\", "\\\\");
        if (set.startsWith("!")) set = `^${set.slice(1)}`;
        else if (set.startsWith("^")) set = `\\${set}`;
        source += `[${set}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "s");
}
