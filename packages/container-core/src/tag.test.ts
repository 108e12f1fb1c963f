import { describe, expect, it } from "vitest";
import { InvalidTagError } from "./errors.js";
import { validateImageTag } from "./image-tag.js";
import { formatTag, parseTag } from "./tag.js";

describe("parseTag", () => {
  it.each([
    ["iris", { name: "iris", version: undefined }],
    ["iris:latest", { name: "iris", version: undefined }],
    ["iris_classifier:1.0.0", { name: "iris_classifier", version: "1.0.0" }],
    ["a.b-c:v_1", { name: "a.b-c", version: "v_1" }],
  ])("parses %s", (text, tag) => {
    expect(parseTag(text)).toEqual(tag);
  });

  it("lowers upper case with a warning", () => {
    const warnings: string[] = [];
    expect(parseTag("Iris:V1", { onWarning: (m) => warnings.push(m) })).toEqual({
      name: "iris",
      version: "v1",
    });
    expect(warnings).toEqual([expect.stringContaining('using "iris:v1"')]);
  });

  it("refuses a trailing colon and suggests name:latest", () => {
    const error = catchError(() => parseTag("iris:"));
    expect(error).toBeInstanceOf(InvalidTagError);
    expect(error.hint).toContain('"iris:latest"');
  });

  it.each([
    "",
    "-iris",
    "iris-",
    "ir is",
    "iris;rm -rf /",
    "iris:1.0$(id)",
    "iris:a:b",
    "a".repeat(64),
  ])("refuses %j", (text) => {
    expect(() => parseTag(text)).toThrow(InvalidTagError);
  });

  it("accepts a 63-character name", () => {
    expect(parseTag("a".repeat(63)).name).toHaveLength(63);
  });

  it("formats an unpinned tag as latest", () => {
    expect(formatTag({ name: "iris" })).toBe("iris:latest");
    expect(formatTag({ name: "iris", version: "1" })).toBe("iris:1");
  });
});

describe("validateImageTag", () => {
  it.each([
    "iris:1",
    "team/iris",
    "localhost:5000/team/iris:v1.2",
    `iris@sha256:${"a".repeat(64)}`,
  ])("accepts %s", (tag) => {
    expect(validateImageTag(tag)).toBe(tag);
  });
  it.each(["Iris:1", "iris:", "iris:-x", "ir is", "iris:1;id", "/iris"])("refuses %j", (tag) => {
    expect(() => validateImageTag(tag)).toThrow(InvalidTagError);
  });
});

function catchError(run: () => unknown): InvalidTagError {
  try {
    run();
  } catch (error) {
    return error as InvalidTagError;
  }
  throw new Error("expected a throw");
}
