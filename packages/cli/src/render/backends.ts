import {
  CAPABILITIES,
  type CapabilitySupport,
  kebabCase,
  type OCIBuilder,
  type OptionSpec,
} from "@bento/container-core";
import { paint } from "./style.js";
import { renderTable } from "./table.js";

/** How an option's value is written after `--opt key=`; `...` marks a repeatable one. Pure. */
export function optionType(spec: OptionSpec): string {
  switch (spec.kind) {
    case "boolean":
      return ["(flag)", ...(spec.values ?? [])].join("|");
    case "string":
      return spec.values?.join("|") ?? (spec.path ? "PATH" : "VALUE");
    case "number":
      return "NUMBER";
    case "list":
      return spec.path ? "PATH..." : "VALUE...";
    case "pairs":
      return `KEY${spec.separator}VALUE...`;
    case "csv":
      return "K=V[,K=V]...";
    case "ulimit":
      return "TYPE=SOFT:HARD...";
    case "tuple":
      return "A:B:C...";
  }
}

/** A capability cell: `yes`, `no` or `>=VERSION`. Pure. */
export function capabilityCell(support: CapabilitySupport | undefined): string {
  if (typeof support === "object") return `>=${support.since}`;
  return support === true ? "yes" : "no";
}

/** `bento backends`: each backend with its source and options, then the capability matrix. Pure. */
export function backendsText(builders: readonly OCIBuilder[], color: boolean): string {
  if (builders.length === 0) return "No backends are registered.\n";
  const blocks = builders.map((builder) => {
    const options = Object.entries(builder.options).map(([key, spec]) => [
      kebabCase(key),
      optionType(spec),
      spec.doc,
    ]);
    return [
      `${paint(builder.name, "bold", color)}  ${builder.description ?? ""}`.trimEnd(),
      `  from:     ${builder.source}`,
      `  command:  ${[builder.binary, ...builder.buildCommand].join(" ")}`,
      `  buildkit: ${builder.buildkitSupport ? "yes" : "no"}`,
      options.length ? "  options (--opt NAME=VALUE):" : "  options: none",
      ...(options.length ? [indent(renderTable(["NAME", "VALUE", "DESCRIPTION"], options))] : []),
    ].join("\n");
  });
  const matrix = renderTable(
    ["CAPABILITY", ...builders.map((builder) => builder.name)],
    CAPABILITIES.map((capability) => [
      capability,
      ...builders.map((builder) => capabilityCell(builder.capabilities[capability])),
    ]),
  );
  return `${blocks.join("\n\n")}\n\nCapabilities:\n${matrix}`;
}

/** The JSON view of `bento backends`. Pure. */
export function backendsJson(builders: readonly OCIBuilder[]) {
  return builders.map((builder) => ({
    name: builder.name,
    source: builder.source,
    description: builder.description ?? null,
    command: [builder.binary, ...builder.buildCommand],
    buildkitSupport: builder.buildkitSupport,
    env: builder.env,
    options: Object.entries(builder.options).map(([key, spec]) => ({
      key,
      opt: kebabCase(key),
      type: optionType(spec),
      ...spec,
    })),
    capabilities: Object.fromEntries(
      CAPABILITIES.map((capability) => [capability, builder.capabilities[capability] ?? false]),
    ),
  }));
}

function indent(table: string): string {
  return table
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
