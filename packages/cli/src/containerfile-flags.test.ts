import { describe, expect, it } from "vitest";
import { bentoArgument, containerfileShape } from "./containerfile-flags.js";

describe("containerfileShape", () => {
  it("splits features on commas and repeats", () => {
    expect(containerfileShape({ "enable-features": ["grpc,tracing", " aws ", ","] })).toEqual({
      features: ["grpc", "tracing", "aws"],
      layout: undefined,
      baseImage: undefined,
      frontend: undefined,
    });
  });

  it("reads layout, base image and frontend", () => {
    expect(
      containerfileShape({ layout: "compat", "base-image": "local/py:3.11", frontend: "df:1" }),
    ).toEqual({
      features: undefined,
      layout: "compat",
      baseImage: "local/py:3.11",
      frontend: "df:1",
    });
    expect(containerfileShape({ "no-frontend": true }).frontend).toBe(false);
  });

  it("refuses a bad layout and contradicting frontend flags", () => {
    expect(() => containerfileShape({ layout: "flat" })).toThrow(/--layout must be one of/);
    expect(() => containerfileShape({ frontend: "x", "no-frontend": true })).toThrow(
      "--frontend and --no-frontend contradict each other.",
    );
  });
});

describe("bentoArgument", () => {
  it("takes exactly one BENTO", () => {
    expect(bentoArgument("containerize", ["iris:v1"])).toBe("iris:v1");
    expect(() => bentoArgument("containerize", [])).toThrow(
      "bento containerize needs a BENTO argument.",
    );
    expect(() => bentoArgument("containerfile", ["a", "b"])).toThrow(
      "bento containerfile takes one BENTO, not 2: a b.",
    );
  });
});
