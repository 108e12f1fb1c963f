import { describe, expect, it } from "vitest";
import { startupOnly, withoutStartupOnly } from "./startup-env.js";

describe("start-up-only variables", () => {
  const env = { PATH: "/bin", NODE_EXTRA_CA_CERTS: "/etc/ca.pem" };

  it("are left out of bento's env and nothing else is", () => {
    expect(withoutStartupOnly(env)).toEqual({ PATH: "/bin" });
    expect(env.NODE_EXTRA_CA_CERTS).toBe("/etc/ca.pem");
  });

  it("are picked when set, and none when unset or empty", () => {
    expect(startupOnly(env)).toEqual({ NODE_EXTRA_CA_CERTS: "/etc/ca.pem" });
    expect(startupOnly({ PATH: "/bin" })).toEqual({});
    expect(startupOnly({ NODE_EXTRA_CA_CERTS: "" })).toEqual({});
  });
});
