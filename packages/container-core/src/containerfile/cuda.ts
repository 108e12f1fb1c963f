import { ContainerfileError } from "../errors.js";

/** Full CUDA versions BentoML has images for, newest first. */
export const CUDA_FULL_VERSIONS: readonly string[] = [
  "12.8.1",
  "12.8.0",
  "12.6.3",
  "12.6.2",
  "12.6.1",
  "12.6.0",
  "12.1.1",
  "12.1.0",
  "12.0.1",
  "12.0.0",
  "11.8.0",
  "11.7.1",
  "11.6.2",
  "11.4.3",
  "11.2.2",
];

/** Short forms BentoML accepts for `docker.cuda_version`, each mapped to the newest patch. */
const CUDA_SHORT_FORMS: Readonly<Record<string, string>> = {
  "12": "12.8.1",
  "12.8": "12.8.1",
  "12.6": "12.6.3",
  "12.1": "12.1.1",
  "12.0": "12.0.1",
  "11": "11.8.0",
  "11.8": "11.8.0",
  "11.7": "11.7.1",
  "11.6": "11.6.2",
  "11.4": "11.4.3",
  "11.2": "11.2.2",
};

/** Every `docker.cuda_version` BentoML accepts (26 keys), mapped to the full version whose image it uses. */
export const CUDA_VERSIONS: Readonly<Record<string, string>> = {
  ...CUDA_SHORT_FORMS,
  ...Object.fromEntries(CUDA_FULL_VERSIONS.map((full) => [full, full])),
};

/** Versions whose Debian image is Ubuntu 24.04 with an unversioned cuDNN; older ones are 22.04 with cuDNN 8. */
const UBUNTU_2404 = /^12\.[68]\./;

/** The full CUDA version for `docker.cuda_version`, or an error listing the accepted ones. */
export function resolveCudaVersion(value: string): string {
  // BentoML's converter also takes "default", its default CUDA version.
  const key = value.trim() === "default" ? "12.8.1" : value.trim();
  const full = CUDA_VERSIONS[key];
  if (full === undefined)
    throw new ContainerfileError(
      `bento.yaml: docker.cuda_version "${value}" is not a supported CUDA version`,
      {
        hint: `Use one of ${Object.keys(CUDA_VERSIONS).join(", ")}, or set docker.base_image to a CUDA image of your own.`,
      },
    );
  return full;
}

/** The nvidia/cuda image for a full CUDA version on debian or ubi8. */
export function cudaBaseImage(distro: "debian" | "ubi8", full: string): string {
  if (distro === "ubi8") return `nvidia/cuda:${full}-cudnn8-runtime-ubi8`;
  if (UBUNTU_2404.test(full)) return `nvidia/cuda:${full}-cudnn-runtime-ubuntu24.04`;
  return `nvidia/cuda:${full}-cudnn8-runtime-ubuntu22.04`;
}
