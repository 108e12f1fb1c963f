// Compile-time test, checked by `pnpm typecheck` (tsc): podman's option types.
import type { BuildOptions } from "@bento/container-core";

export const policies: BuildOptions[] = [
  { backend: "podman", pull: true },
  { backend: "podman", pull: "missing" },
  { backend: "podman", usernsUidMap: ["0", "100000", "65536"], volume: "/a:/b" },
];

// @ts-expect-error `sometimes` is not a pull policy
export const badPolicy: BuildOptions = { backend: "podman", pull: "sometimes" };

// @ts-expect-error `pullAlways` is buildah's old spelling, not podman's
export const buildahOnly: BuildOptions = { backend: "podman", pullAlways: true };
