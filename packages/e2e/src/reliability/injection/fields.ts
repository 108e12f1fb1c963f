import { type BentoYaml, spec1, spec2 } from "../support/bento-files.js";

/** A bento and `bento containerfile` flags carrying one value in one place. */
export interface Carrier {
  yaml: BentoYaml;
  flags?: string[];
}

/** A place where a value from bento.yaml or the command line reaches the Containerfile. */
export interface Field {
  name: string;
  /** A value that renders cleanly, for the instruction count to compare with. */
  harmless: string;
  carry(value: string): Carrier;
  /** The value is a shell command by design (`commands`); any other value is data and
   *  must be single-quoted wherever it lands in a RUN line. */
  shellByDesign?: boolean;
}

const s1 = (docker: Record<string, unknown>, top = {}) => ({ yaml: spec1(docker, top) });
const s2 = (image: Record<string, unknown>, top = {}) => ({ yaml: spec2(image, top) });

/** Every field of bento.yaml and every flag whose value reaches the generated Containerfile. */
export const FIELDS: readonly Field[] = [
  { name: "docker.env value", harmless: "1", carry: (v) => s1({ env: { APP_MODE: v } }) },
  { name: "docker.env name", harmless: "APP_MODE", carry: (v) => s1({ env: { [v]: "1" } }) },
  {
    name: "docker.system_packages",
    harmless: "git",
    carry: (v) => s1({ system_packages: ["curl", v] }),
  },
  { name: "docker.base_image", harmless: "img:1", carry: (v) => s1({ base_image: v }) },
  { name: "docker.python_version", harmless: "3.11", carry: (v) => s1({ python_version: v }) },
  { name: "docker.distro", harmless: "debian", carry: (v) => s1({ distro: v }) },
  { name: "docker.cuda_version", harmless: "12.8", carry: (v) => s1({ cuda_version: v }) },
  { name: "labels value", harmless: "team", carry: (v) => s1({}, { labels: { owner: v } }) },
  { name: "labels key", harmless: "owner", carry: (v) => s1({}, { labels: { [v]: "team" } }) },
  {
    name: "conda.channels",
    harmless: "conda-forge",
    carry: (v) => s1({}, { conda: { channels: [v] } }),
  },
  {
    name: "conda.dependencies",
    harmless: "numpy",
    carry: (v) => s1({}, { conda: { dependencies: [v] } }),
  },
  {
    name: "envs[].value",
    harmless: "1",
    carry: (v) => s2({}, { envs: [{ name: "APP", value: v }] }),
  },
  {
    name: "envs[].name",
    harmless: "APP",
    carry: (v) => s2({}, { envs: [{ name: v, value: "1" }] }),
  },
  {
    name: "envs[].name (build stage)",
    harmless: "TOKEN",
    carry: (v) => s2({}, { envs: [{ name: v, value: "t", stage: "build" }] }),
  },
  { name: "image.base_image", harmless: "img:1", carry: (v) => s2({ base_image: v }) },
  { name: "image.python_version", harmless: "3.11", carry: (v) => s2({ python_version: v }) },
  {
    name: "image.commands",
    harmless: "echo hi",
    carry: (v) => s2({ commands: [v] }),
    shellByDesign: true,
  },
  {
    name: "image.post_commands",
    harmless: "echo hi",
    carry: (v) => s2({ post_commands: [v] }),
    shellByDesign: true,
  },
  {
    name: "image.build_include",
    harmless: "service.py",
    carry: (v) => s2({ build_include: [v] }),
  },
  {
    name: "image.python_requirements",
    harmless: "numpy==2.0.0",
    carry: (v) => s2({ python_requirements: v }),
  },
  {
    name: "--base-image",
    harmless: "img:1",
    carry: (v) => ({ ...s2({}), flags: ["--base-image", v] }),
  },
  {
    name: "--frontend",
    harmless: "docker/dockerfile:1.7",
    carry: (v) => ({ ...s2({}), flags: ["--frontend", v] }),
  },
  {
    name: "--enable-features",
    harmless: "grpc",
    carry: (v) => ({ ...s1({}), flags: ["--enable-features", v] }),
  },
];
