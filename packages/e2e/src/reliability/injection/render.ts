import { join } from "node:path";
import { type GetContainerfileOptions, getContainerfile } from "@bento/container-core";
import { writeBento } from "../support/bento-files.js";
import type { Carrier } from "./fields.js";

/** `getContainerfile` options for the `bento containerfile` flags a carrier uses (pure). */
export function apiOptions(flags: readonly string[] = []): GetContainerfileOptions {
  const options: GetContainerfileOptions = {};
  for (let i = 0; i < flags.length; i += 2) {
    const value = flags[i + 1]!;
    if (flags[i] === "--base-image") options.baseImage = value;
    else if (flags[i] === "--frontend") options.frontend = value;
    else if (flags[i] === "--enable-features") options.features = value.split(",");
    else throw new Error(`no API option for ${flags[i]}`);
  }
  return options;
}

let serial = 0;

/** Writes the carrier's bento under `root` and renders it through the API: text, or the error. */
export async function renderApi(root: string, carrier: Carrier): Promise<string | Error> {
  const dir = await writeBento(join(root, `b${serial++}`), carrier.yaml);
  try {
    return await getContainerfile(dir, apiOptions(carrier.flags));
  } catch (error) {
    return error as Error;
  }
}
