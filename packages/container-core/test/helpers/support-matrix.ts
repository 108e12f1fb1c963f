import { CUDA_FULL_VERSIONS, CUDA_VERSIONS, cudaBaseImage } from "../../src/containerfile/cuda.js";
import { DISTROS, MINICONDA_IMAGES, PYTHON_IMAGES } from "../../src/containerfile/distro.js";
import { SUPPORTED_PYTHON_VERSIONS } from "../../src/containerfile/python-version.js";

const CUDA_DISTROS: readonly string[] = ["debian", "ubi8"];

/** An image reference without its registry host (the README names no hosts). */
const withoutHost = (image: string) => image.replace(/^[^/]*\.[^/]*\//, "");
const code = (text: string) => `\`${text}\``;

/**
 * The README's table of distros, Python versions, conda and CUDA images, made
 * from the generator's own tables (a test keeps the README in step).
 */
export function supportMatrixMarkdown(): string {
  const rows = DISTROS.map((distro) => {
    const python = SUPPORTED_PYTHON_VERSIONS[distro];
    const image = withoutHost(
      PYTHON_IMAGES[distro]("3.11").replace("3.11", "{v}").replace("311", "{vv}"),
    );
    const conda = MINICONDA_IMAGES[distro];
    const cuda = CUDA_DISTROS.includes(distro) ? `all ${CUDA_FULL_VERSIONS.length}` : "no";
    return `| ${distro} | ${python.join(", ")} | ${code(image)} | ${conda ? code(conda) : "no"} | ${cuda} |`;
  });
  const shortForms = Object.entries(CUDA_VERSIONS)
    .filter(([key, full]) => key !== full)
    .map(([key, full]) => `${key} → ${full}`);
  const image = (distro: "debian" | "ubi8", full: string) =>
    code(cudaBaseImage(distro, full).replace(full, "{cuda}"));
  return [
    "| distro | Python (BentoML's list) | python image | conda image | CUDA |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `CUDA: ${Object.keys(CUDA_VERSIONS).length} accepted \`cuda_version\` values, the full versions ${CUDA_FULL_VERSIONS.join(", ")} and the short forms ${shortForms.join(", ")}. ` +
      `Images: debian ${image("debian", "12.8.1")} for 12.6.x and 12.8.x, ${image("debian", "11.8.0")} before (the bento's Python from the deadsnakes PPA); ubi8 ${image("ubi8", "12.8.1")} (Python from dnf).`,
  ].join("\n");
}
