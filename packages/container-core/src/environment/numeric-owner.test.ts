import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBentoConfig } from "../bento/load-config.js";
import { generateContainerfile } from "../containerfile/generate.js";
import { withNumericOwner } from "./numeric-owner.js";
import { codeContainerfile, type SplitContainerfile, splitContainerfile } from "./split.js";

const EXAMPLES = fileURLToPath(new URL("../../../../examples/bentos/", import.meta.url));
const ENTRIES = ["README.md", "bento.yaml", "env", "models", "src"];

async function split(name: string): Promise<SplitContainerfile> {
  const dir = `${EXAMPLES}${name}`;
  const config = await loadBentoConfig(dir);
  const text = await generateContainerfile(
    { dir, config },
    { layout: "layered", contextEntries: ENTRIES },
  );
  const cut = splitContainerfile(text, ENTRIES);
  if (!cut) throw new Error(`${name} did not split`);
  return cut;
}

/** The environment part with `line` added before its last USER instruction. */
function before(cut: SplitContainerfile, line: string): SplitContainerfile {
  return { ...cut, environment: cut.environment.replace(/^USER /m, `${line}\nUSER `) };
}

describe("withNumericOwner", () => {
  // The spec-2 template makes the user with groupadd/useradd or addgroup/adduser, whichever
  // the image has; a spec-1 build runs steps after the code and is never split.
  it("gives the template's user as numbers", async () => {
    const cut = await split("iris-classifier");
    const owned = withNumericOwner(cut, {});
    expect(owned.user).toBe("bentoml");
    expect(owned.environment).toMatch(/^USER 1034:1034$/m);
    expect(owned.environment).not.toMatch(/^USER bentoml$/m);
    for (const line of owned.codeLines) expect(line).toContain(" --chown=1034:1034 ");
    // The rest of the environment is as it was.
    expect(owned.environment.replace("USER 1034:1034", "USER bentoml")).toBe(cut.environment);
    const code = codeContainerfile("e:k", owned, { files: new Set(), labels: { a: "b" } });
    expect(code.trim().split("\n").slice(-2)).toEqual(['LABEL "a"="b"', "USER bentoml"]);
  });

  it("takes the numbers from the ARG defaults the bento renders", async () => {
    const cut = await split("iris-classifier");
    const other = {
      ...cut,
      environment: cut.environment
        .replace("ARG BENTO_USER_UID=1034", "ARG BENTO_USER_UID=2001")
        .replace("ARG BENTO_USER_GID=1034", "ARG BENTO_USER_GID=2002"),
    };
    const owned = withNumericOwner(other, {});
    expect(owned.environment).toMatch(/^USER 2001:2002$/m);
    expect(owned.codeLines[0]).toContain(" --chown=2001:2002 ");
  });

  it("keeps the names when the ids could be other than the ARG defaults", async () => {
    const cut = await split("iris-classifier");
    const kept = [
      withNumericOwner(cut, { buildArg: { BENTO_USER_UID: "2000" } }),
      withNumericOwner(cut, { buildArg: ["BENTO_USER_GID=2000"] }),
      withNumericOwner(cut, { extraArgs: ["--build-arg", "BENTO_USER=svc"] }),
      withNumericOwner(before(cut, "RUN usermod -u 2000 bentoml"), {}),
      withNumericOwner(before(cut, "RUN sed -i s/1034/2000/ /etc/passwd"), {}),
      withNumericOwner({ ...cut, environment: `${cut.environment}\nRUN id` }, {}),
      withNumericOwner({ ...cut, environment: `${cut.environment}\nUSER root` }, {}),
      withNumericOwner(
        {
          ...cut,
          environment: cut.environment.replace("ARG BENTO_USER_UID=1034", "ARG BENTO_USER_UID=$X"),
        },
        {},
      ),
      withNumericOwner(
        { ...cut, codeLines: [...cut.codeLines, "COPY --chown=other:other ./a ./a"] },
        {},
      ),
    ];
    for (const owned of kept) {
      expect(owned.user).toBeUndefined();
      expect(owned.environment).toMatch(/^USER bentoml$/m);
    }
  });

  it("leaves other build arguments alone", async () => {
    const cut = await split("iris-classifier");
    expect(withNumericOwner(cut, { buildArg: { HTTP_PROXY: "x" } }).user).toBe("bentoml");
  });
});
