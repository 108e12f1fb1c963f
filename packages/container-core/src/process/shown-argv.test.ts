import { describe, expect, it } from "vitest";
import { shownArgv } from "./shown-argv.js";

describe("shownArgv", () => {
  it("writes a hidden variable's value as $NAME wherever it appears", () => {
    const argv = ["buildctl", "--tlsdir", "/certs/client", "build", "--x=/certs/client/ca.pem"];
    expect(shownArgv(argv, ["TLS"], { TLS: "/certs/client" })).toEqual([
      "buildctl",
      "--tlsdir",
      "$TLS",
      "build",
      "--x=$TLS/ca.pem",
    ]);
  });

  it("leaves the argv alone without hidden variables, or when they are unset or blank", () => {
    const argv = ["docker", "build", "."];
    expect(shownArgv(argv, undefined, { TLS: "." })).toEqual(argv);
    expect(shownArgv(argv, ["TLS"], {})).toEqual(argv);
    expect(shownArgv(argv, ["TLS"], { TLS: " " })).toEqual(argv);
  });
});
