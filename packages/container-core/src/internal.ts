// `@bento/container-core/internal`: what bento-container's own packages (the CLI, the
// benchmarks, the test suites) share with core beyond the public API. No stability promise:
// these names change without a major version. Users and backend authors need only the main entry.
export { nearest } from "./backend/nearest.js";
export { ARCHIVE_SUFFIXES, isArchivePath } from "./bento/archive.js";
export { parseBentoConfig } from "./bento/load-config.js";
export { allModels } from "./bento/schema.js";
export { validateBentoConfig } from "./bento/validate.js";
export { CUDA_VERSIONS } from "./containerfile/cuda.js";
export { DISTROS, type Distro } from "./containerfile/distro.js";
export { FEATURES } from "./containerfile/features.js";
export { generateContainerfile } from "./containerfile/generate.js";
export type { BentoSource, ContainerfileOptions } from "./containerfile/options.js";
export { buildSecretNames, buildStageEnvs } from "./containerfile/secrets.js";
export { cacheDir } from "./context/cache-dir.js";
export { hfHubCache } from "./context/hf-cache.js";
export { imageLabels, type LabelSource, standardLabels } from "./orchestrate/labels.js";
export { type SelectedBackend, selectBackend } from "./orchestrate/select-backend.js";
export { parseStep } from "./process/progress.js";
