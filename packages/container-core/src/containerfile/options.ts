import type { BentoConfig } from "../bento/schema.js";
import { ContainerfileError } from "../errors.js";
import type { Layout } from "./copy-entries.js";
import { assertFeatures } from "./features.js";
import { COMPAT_FRONTEND } from "./header.js";

/** A bento to render: its directory and validated bento.yaml. */
export interface BentoSource {
  dir: string;
  config: BentoConfig;
}

/** Options of {@link generateContainerfile}. */
export interface ContainerfileOptions {
  /** `layered` (default) splits the final copy so code changes keep model layers; `compat` is BentoML's output. */
  layout?: Layout;
  /** Use BuildKit syntax (`RUN --mount`); default true. */
  enableBuildkit?: boolean;
  /** BentoML extras installed at the end (spec 1 only). */
  features?: readonly string[];
  /** Image for `FROM`, replacing the bento's; on spec 1 it acts as `docker.base_image`. */
  baseImage?: string;
  /** Frontend image for a `# syntax` line (BuildKit only), or false for none; compat defaults to BentoML's. */
  frontend?: string | false;
  /** Put the generated-file notice on top. */
  addHeader?: boolean;
  /** Top-level names in the build context; default: the bento's plus models/hf-models it lists. */
  contextEntries?: readonly string[];
  /**
   * A folder where rendered templates are kept by template, variables and
   * template files, so a later run with the same inputs skips the template
   * engine; `build()` keeps one in its cache folder. Default: none.
   */
  renderCache?: string;
  /** Receives what the bento asks for that is ignored (features on a spec 2 bento). */
  onWarning?: (message: string) => void;
}

/** Options with defaults applied and values checked. */
export interface ResolvedOptions {
  layout: Layout;
  enableBuildkit: boolean;
  features: readonly string[];
  baseImage?: string;
  frontend?: string;
  inertFrontend: boolean;
  addHeader: boolean;
  contextEntries?: readonly string[];
}

const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/;

/** Applies defaults and refuses ill-formed option values. */
export function resolveOptions(options: ContainerfileOptions = {}): ResolvedOptions {
  const layout = options.layout ?? "layered";
  if (layout !== "layered" && layout !== "compat")
    throw new ContainerfileError(`Unknown layout "${String(layout)}"`, {
      hint: 'Use "layered" (the default) or "compat".',
    });
  const enableBuildkit = options.enableBuildkit ?? true;
  const features = options.features ?? [];
  assertFeatures(features);
  return {
    layout,
    enableBuildkit,
    features,
    baseImage: options.baseImage,
    ...frontendOf(options.frontend, layout, enableBuildkit),
    addHeader: options.addHeader ?? false,
    contextEntries: options.contextEntries,
  };
}

/** The `# syntax` frontend: only with BuildKit; compat defaults to BentoML's, layered to none. */
function frontendOf(
  frontend: string | false | undefined,
  layout: Layout,
  enableBuildkit: boolean,
): { frontend?: string; inertFrontend: boolean } {
  if (!enableBuildkit || frontend === false) return { inertFrontend: false };
  if (frontend === undefined)
    return layout === "compat"
      ? { frontend: COMPAT_FRONTEND, inertFrontend: true }
      : { inertFrontend: false };
  if (!IMAGE_REF.test(frontend))
    throw new ContainerfileError(`The frontend "${frontend}" is not an image reference`, {
      hint: "Give an image such as docker/dockerfile:1.7, or false for no # syntax line.",
    });
  return { frontend, inertFrontend: false };
}
