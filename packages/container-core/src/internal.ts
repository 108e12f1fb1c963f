// `@bento/container-core/internal`: what bento-container's own packages (the CLI, the
// benchmarks, the test suites) share with core beyond the public API. No stability promise:
// these names change without a major version. Users and backend authors need only the main entry.
export { nearest } from "./backend/nearest.js";
export { parseBentoConfig } from "./bento/load-config.js";
export { allModels } from "./bento/schema.js";
export { CUDA_VERSIONS } from "./containerfile/cuda.js";
export { DISTROS } from "./containerfile/distro.js";
export { generateContainerfile } from "./containerfile/generate.js";
export type { ContainerfileOptions } from "./containerfile/options.js";
export { cacheDir } from "./context/cache-dir.js";
export { TRANSIENT_NAMES } from "./context/transient-names.js";
