import type { EngineBuilds } from "../sections/builds.js";
import type { CliTiming } from "../sections/cli-overhead.js";
import type { ConcurrencyResult } from "../sections/concurrency.js";
import type { RemoteBuilds } from "../sections/remote.js";
import type { RestagePoint } from "../sections/restage.js";
import type { RssPoint } from "../sections/rss.js";
import type { StagingResult } from "../sections/staging.js";
import type { BenchSettings } from "../settings.js";

/** The machine a run measured. */
export interface MachineInfo {
  cpus: number;
  memoryGiB: number;
  node: string;
  /** Engine name to version text, e.g. `docker: "server 20.10.24, client 28.2.2"`. */
  engines: Record<string, string>;
}

/** One goal from the issue, and whether this run met it. */
export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

/** Everything one run measured; written as JSON, rendered as markdown. */
export interface BenchResults {
  startedAt: string;
  durationMs: number;
  machine: MachineInfo;
  settings: BenchSettings;
  staging?: StagingResult;
  cli?: CliTiming[];
  builds: EngineBuilds[];
  /** The remote BuildKit daemon and the shared cache (issue 20). */
  remote?: RemoteBuilds;
  concurrency?: ConcurrencyResult;
  restage?: RestagePoint[];
  rss?: RssPoint[];
  targets: Target[];
}
