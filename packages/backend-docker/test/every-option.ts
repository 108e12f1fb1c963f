import type { DockerOptions } from "../src/options.js";

/** One value for every docker option (the type makes a missing one a compile error). */
export const everyDockerOption = {
  addHost: { db: "10.0.0.2" },
  buildArg: { A: "1" },
  cacheFrom: { type: "local", src: "/tmp/bento-cache" },
  disableContentTrust: true,
  iidfile: "/tmp/bento-iid",
  isolation: "default",
  label: { team: "ml" },
  network: "host",
  noCache: true,
  output: { type: "docker" },
  platform: "linux/amd64",
  progress: "plain",
  pull: true,
  quiet: true,
  secret: { id: "token", src: "/tmp/bento-token" },
  ssh: "default",
  target: "runtime",
} as const satisfies Required<Omit<DockerOptions, "extraArgs">>;
