import { BackendExistsError } from "../errors.js";
import type { BackendSpec, HealthContext, HealthReport, OCIBuilder } from "./contract.js";
import { defineBackend } from "./define.js";
import { unknownBackendError } from "./unknown-backend.js";

// One registry per process, even when several copies of core are installed
// (a plugin resolving its own copy must still register where the CLI looks).
const KEY = Symbol.for("bento-container.backend-registry");
const holder = globalThis as { [KEY]?: Map<string, OCIBuilder> };
const registry: Map<string, OCIBuilder> = holder[KEY] ?? new Map<string, OCIBuilder>();
holder[KEY] = registry;

/**
 * Adds a backend. Takes a built {@link OCIBuilder}, or a name and BentoML-style
 * spec. A name that is taken is an error.
 */
export function registerBackend(builder: OCIBuilder): OCIBuilder;
export function registerBackend<O>(name: string, spec: BackendSpec<O>): OCIBuilder<O>;
export function registerBackend(
  nameOrBuilder: string | OCIBuilder,
  spec?: BackendSpec,
): OCIBuilder {
  const builder =
    typeof nameOrBuilder === "string" ? defineBackend(nameOrBuilder, spec!) : nameOrBuilder;
  const taken = registry.get(builder.name);
  if (taken) {
    throw new BackendExistsError(
      `A backend named "${builder.name}" is already registered (from ${taken.source}).`,
      { hint: "Pick another name, or unregister the existing backend first." },
    );
  }
  registry.set(builder.name, builder as OCIBuilder);
  return builder;
}

/** Registers `builder` unless its name is taken; what backend packages do on import. */
export function ensureBackend(builder: OCIBuilder): OCIBuilder {
  return registry.get(builder.name) ?? registerBackend(builder);
}

/** Removes a backend; returns whether it was registered. */
export function unregisterBackend(name: string): boolean {
  return registry.delete(name);
}

/**
 * The backend registered under `name`; for an unknown name, an error naming the
 * package that provides it, or the closest registered name.
 */
export function getBackend(name: string): OCIBuilder {
  const builder = registry.get(name);
  if (builder) return builder;
  throw unknownBackendError(name, [...registry.keys()]);
}

/** Whether a backend is registered under `name`. */
export function hasBackend(name: string): boolean {
  return registry.has(name);
}

/** Every registered backend, in registration order. */
export function listBackends(): OCIBuilder[] {
  return [...registry.values()];
}

/** The backend's health report; never throws for a registered name. */
export function diagnose(name: string, context?: Partial<HealthContext>): Promise<HealthReport> {
  return getBackend(name).diagnose(context);
}

/** Whether the backend can build on this machine. */
export async function health(name: string, context?: Partial<HealthContext>): Promise<boolean> {
  return (await diagnose(name, context)).healthy;
}
