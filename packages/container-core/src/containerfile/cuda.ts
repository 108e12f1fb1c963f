import { ContainerfileError } from "../errors.js";

/** CUDA versions BentoML accepts, short forms mapped to the full version whose image it uses. */
export const CUDA_VERSIONS: Readonly<Record<string, string>> = {
  "12": "12.8.1",
  "12.8": "12.8.1",
  "12.8.1": "12.8.1",
  "12.6": "12.6.3",
  "12.6.3": "12.6.3",
  "12.1": "12.1.1",
  "12.1.1": "12.1.1",
  "12.0": "12.0.1",
  "12.0.1": "12.0.1",
  "11": "11.8.0",
  "11.8": "11.8.0",
  "11.8.0": "11.8.0",
  "11.7": "11.7.1",
  "11.7.1": "11.7.1",
  "11.6": "11.6.2",
  "11.6.2": "11.6.2",
  "11.4": "11.4.3",
  "11.4.3": "11.4.3",
  "11.2": "11.2.2",
  "11.2.2": "11.2.2",
};

/** The full CUDA version for `docker.cuda_version`, or an error listing the accepted ones. */
export function resolveCudaVersion(value: string): string {
  const full = CUDA_VERSIONS[value.trim()];
  if (full === undefined)
    throw new ContainerfileError(
      `bento.yaml: docker.cuda_version "${value}" is not a supported CUDA version`,
      {
        hint: `Use one of ${Object.keys(CUDA_VERSIONS).join(", ")}, or set docker.base_image to a CUDA image of your own.`,
      },
    );
  return full;
}

/** The nvidia/cuda image for a full CUDA version: Ubuntu 24.04 for 12.6 and 12.8, 22.04 before. */
export function cudaBaseImage(distro: "debian" | "ubi8", full: string): string {
  if (distro === "ubi8") return `nvidia/cuda:${full}-cudnn8-runtime-ubi8`;
  if (full.startsWith("12.6.") || full.startsWith("12.8."))
    return `nvidia/cuda:${full}-cudnn-runtime-ubuntu24.04`;
  return `nvidia/cuda:${full}-cudnn8-runtime-ubuntu22.04`;
}
