import type { SplitContainerfile } from "./split.js";

/** The user-creation commands the templates render; nothing else may touch users. */
const STANDARD_USER_SETUP = [
  "command -v groupadd",
  "groupadd -g $BENTO_USER_GID -o $BENTO_USER && useradd -m -u $BENTO_USER_UID -g $BENTO_USER_GID -o -r $BENTO_USER",
  "addgroup -g $BENTO_USER_GID -S $BENTO_USER && adduser -u $BENTO_USER_UID -G $BENTO_USER -S $BENTO_USER",
];
const USER_TOOLS =
  /\b(?:useradd|usermod|userdel|adduser|deluser|groupadd|groupmod|groupdel|addgroup|delgroup|chpasswd|newusers|vipw|vigr)\b|\/etc\/(?:passwd|group|shadow)\b/;

/**
 * The split with the bento user as numbers where the templates make them
 * certain: the environment image ends as `USER UID:GID`, the code build copies
 * with `--chown=UID:GID` and ends with `USER name`. The image is the same
 * (ownership is stored as numbers), but podman and buildah look the user's
 * name up in the image on every instruction, each lookup a few processes
 * (https://github.com/openshift/imagebuilder/blob/master/builder.go, `Run`
 * calls `EnsureContainerPathAs` with the configured user). The split as it is
 * when the ids could differ: a template or build argument of the user's that
 * sets them, another command touching users, or a RUN after the USER. Pure.
 */
export function withNumericOwner(
  split: SplitContainerfile,
  options: Readonly<Record<string, unknown>>,
): SplitContainerfile {
  const lines = split.environment.split("\n").map((line) => line.trim());
  const name = argValue(lines, "BENTO_USER");
  const uid = argValue(lines, "BENTO_USER_UID");
  const gid = argValue(lines, "BENTO_USER_GID");
  if (!name || !/^\d+$/.test(uid ?? "") || !/^\d+$/.test(gid ?? "")) return split;
  if (JSON.stringify([options.buildArg, options.extraArgs]).includes("BENTO_USER")) return split;
  let rest = split.environment;
  for (const setup of STANDARD_USER_SETUP) rest = rest.split(setup).join("");
  if (rest === split.environment || USER_TOOLS.test(rest)) return split;
  const userAt = lines.indexOf(`USER ${name}`);
  if (userAt < 0 || lines.slice(userAt + 1).some((line) => /^(?:USER|RUN)\s/i.test(line)))
    return split;
  const named = `--chown=${name}:${name}`;
  if (split.codeLines.some((line) => !line.includes(` ${named} `))) return split;
  const environment = split.environment.split("\n");
  environment[userAt] = `USER ${uid}:${gid}`;
  return {
    ...split,
    environment: environment.join("\n"),
    codeLines: split.codeLines.map((line) => line.replace(named, `--chown=${uid}:${gid}`)),
    user: name,
  };
}

/** The default of `ARG NAME=value` when declared exactly once. */
function argValue(lines: readonly string[], name: string): string | undefined {
  const values = lines.flatMap((line) => {
    const match = new RegExp(`^ARG\\s+${name}=(\\S+)$`).exec(line);
    return match?.[1] ? [match[1]] : [];
  });
  return values.length === 1 ? values[0] : undefined;
}
