import { describe, expect, it } from "vitest";
import { KANIKO_IMAGE_EXECUTOR, kanikoExecutor } from "./executor.js";

describe("kanikoExecutor", () => {
  const present = (path: string) => path === KANIKO_IMAGE_EXECUTOR;
  const absent = () => false;

  it("prefers KANIKO_EXECUTOR", () => {
    expect(kanikoExecutor({ KANIKO_EXECUTOR: " /opt/kaniko/executor " }, present)).toBe(
      "/opt/kaniko/executor",
    );
  });

  it("uses /kaniko/executor inside kaniko's image", () => {
    expect(kanikoExecutor({}, present)).toBe("/kaniko/executor");
  });

  it("falls back to executor on PATH", () => {
    expect(kanikoExecutor({ KANIKO_EXECUTOR: "" }, absent)).toBe("executor");
  });
});
