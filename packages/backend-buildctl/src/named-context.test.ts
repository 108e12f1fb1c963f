import { describe, expect, it } from "vitest";
import { buildctlBuildArgs } from "./args.js";
import {
  CONTEXT_NAME,
  contextLocalName,
  copyFromNamedContext,
  FILES_STAGE,
} from "./named-context.js";

const FROM = `--from=${FILES_STAGE}`;
const STAGE = `FROM ${CONTEXT_NAME} AS ${FILES_STAGE}`;

describe("copyFromNamedContext", () => {
  it("points each COPY of the context at the named context, keeping the rest", () => {
    const text = [
      "FROM base",
      "COPY --chown=bentoml:bentoml ./env/python ./env/python/",
      "  copy ./src ./src",
      "ADD ./env/docker/setup_script /setup",
      "RUN echo COPY ./x ./y",
    ].join("\n");
    expect(copyFromNamedContext(text).split("\n")).toEqual([
      STAGE,
      "FROM base",
      `COPY ${FROM} --chown=bentoml:bentoml ./env/python ./env/python/`,
      `  copy ${FROM} ./src ./src`,
      "ADD ./env/docker/setup_script /setup",
      "RUN echo COPY ./x ./y",
    ]);
  });

  it("leaves a COPY that names a source, and continued or commented lines that look like one", () => {
    const text = [
      "FROM base AS build",
      "COPY --from=build /a /a",
      "COPY --chown=1 \\",
      "  --from=build /b /b",
      "RUN true \\",
      "# comment inside",
      "COPY ./not-an-instruction",
      "# COPY ./commented",
    ].join("\n");
    expect(copyFromNamedContext(text)).toBe(`${STAGE}\n${text}`);
  });

  it("leaves inline COPY <<EOF content and heredoc bodies alone", () => {
    const text = [
      "COPY <<EOF /etc/x",
      "COPY ./inside-heredoc",
      "EOF",
      "RUN <<-SCRIPT",
      "\tCOPY ./inside-script",
      "\tSCRIPT",
      "COPY ./after /after",
    ].join("\n");
    const lines = copyFromNamedContext(`FROM base\n${text}`).split("\n").slice(2);
    expect(lines.slice(0, 6)).toEqual(text.split("\n").slice(0, 6));
    expect(lines[6]).toBe(`COPY ${FROM} ./after /after`);
  });

  it("follows an escape parser directive", () => {
    const text = ["# escape=`", "FROM base", "RUN true `", "COPY ./continued", "COPY ./a /a"];
    expect(copyFromNamedContext(text.join("\n")).split("\n").slice(1)).toEqual([
      STAGE,
      "FROM base",
      "RUN true `",
      "COPY ./continued",
      `COPY ${FROM} ./a /a`,
    ]);
  });
});

describe("the named context's local", () => {
  it("is one name per directory on this machine", () => {
    expect(contextLocalName("/a")).toBe(contextLocalName("/a"));
    expect(contextLocalName("/a")).not.toBe(contextLocalName("/b"));
    expect(contextLocalName("/a")).toMatch(/^bento-[0-9a-f]{16}$/);
  });

  it("is passed to buildctl with the context's directory, and the user's contexts kept", () => {
    const argv = buildctlBuildArgs({
      contextPath: "/ctx",
      which: () => undefined,
      warn: () => {},
      buildContext: { extra: "docker-image://base" },
    }).join(" ");
    const local = contextLocalName("/ctx");
    expect(argv).toContain(`--local ${local}=/ctx`);
    expect(argv).toContain(`--opt context:${CONTEXT_NAME}=local:${local}`);
    expect(argv).toContain("--opt context:extra=docker-image://base");
  });
});

describe("the files stage", () => {
  it("goes after parser directives and global ARGs, before the first FROM only", () => {
    const text = [
      "# syntax=docker/dockerfile:1",
      "ARG BASE=base",
      "FROM $BASE",
      "FROM base AS two",
    ];
    expect(copyFromNamedContext(text.join("\n")).split("\n")).toEqual([
      "# syntax=docker/dockerfile:1",
      "ARG BASE=base",
      STAGE,
      "FROM $BASE",
      "FROM base AS two",
    ]);
  });
});
