import { describe, expect, it } from "vitest";
import { coreCopiesWarning } from "./health.js";

describe("coreCopiesWarning", () => {
  it("says nothing for one copy of core", () => {
    expect(
      coreCopiesWarning(
        [{ path: "/app/node_modules/@bento/container-core", version: "1.0.0" }],
        false,
      ),
    ).toBe("");
  });

  it("lists every copy and what to do when there are two", () => {
    const text = coreCopiesWarning(
      [
        { path: "/app/node_modules/@bento/container-core", version: "1.0.0" },
        { path: "/app/node_modules/x/node_modules/@bento/container-core", version: undefined },
      ],
      false,
    );
    expect(text).toContain("warning: 2 copies of @bento/container-core are loaded:");
    expect(text).toContain("  /app/node_modules/@bento/container-core (1.0.0)");
    expect(text).toContain("x/node_modules/@bento/container-core (unknown version)");
    expect(text).toContain("npm dedupe");
  });
});
