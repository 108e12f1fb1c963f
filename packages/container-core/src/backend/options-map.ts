/**
 * Backend name → its options type. Backend packages add themselves by module
 * augmentation, which is what makes `build(ref, { backend: "podman", ... })`
 * accept podman's options and reject docker-only ones:
 *
 * ```ts
 * declare module "@bento/container-core" {
 *   interface BackendOptionsMap { kaniko: KanikoOptions }
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by module augmentation
export interface BackendOptionsMap {}

/** Names of the backends known to the type system. */
export type BackendName = keyof BackendOptionsMap & string;
