import { describe, expect, it } from "vitest";
import { paint, visibleLength } from "./style.js";
import { renderTable } from "./table.js";

describe("renderTable", () => {
  it("aligns columns two spaces apart with no trailing whitespace", () => {
    expect(
      renderTable(
        ["A", "LONGER", "C"],
        [
          ["wide cell", "x", ""],
          ["b", "yy", "z"],
        ],
      ),
    ).toBe(["A          LONGER  C", "wide cell  x", "b          yy      z", ""].join("\n"));
  });

  it("measures styled cells by what is visible", () => {
    const red = paint("no", "red", true);
    expect(visibleLength(red)).toBe(2);
    expect(renderTable(["OK", "N"], [[red, "1"]])).toBe(`OK  N\n${red}  1\n`);
  });
});
