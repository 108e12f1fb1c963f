import { ENGINES, imageStoreOf, requireEngine } from "@bento/test-support";
import { afterAll, beforeAll } from "vitest";
import { enginePlan, prefetchInTurn } from "./engine-plan.js";
import { engineSuite } from "./engine-suite.js";
import { standInSuite } from "./stand-in-suite.js";
import { summaryTable } from "./summary.js";

// Issues 6, 10 and 20: the example bentos through the built `bento` CLI on docker,
// buildx, buildctl (a real buildkitd), podman and buildah (FROM the offline base
// image), nerdctl against a recording stand-in; one summary table of check × backend
// at the end.

const runId = `${process.pid}`;
const started = Date.now();
// BENTO_E2E_ENGINES=buildctl,podman runs those engines' columns only.
const only = process.env.BENTO_E2E_ENGINES?.split(",").map((name) => name.trim());
const engines = only ? ENGINES.filter((engine) => only.includes(engine)) : ENGINES;
const plans = engines.map((engine) => enginePlan(engine, runId));
const usable = new Map<string, boolean>();
for (const engine of engines) usable.set(engine, await requireEngine(engine));

// Two lanes: podman and buildah (containers/storage) build in the background
// while the docker and buildx checks (dockerd's BuildKit) run in the foreground.
let background: Promise<void> = Promise.resolve();
beforeAll(() => {
  const daemonless = plans.filter((plan) => imageStoreOf(plan.engine) === "podman");
  // A failed setup or build is reported by the checks that need it.
  background = prefetchInTurn(daemonless.filter((plan) => usable.get(plan.engine))).catch(
    () => undefined,
  );
});

for (const plan of plans) engineSuite(plan, usable.get(plan.engine) === true);
standInSuite();

afterAll(async () => {
  // Suites a -t filter left out never ran their own clean-up.
  await background;
  await Promise.all(plans.map((plan) => plan.dispose()));
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nbento e2e on engines: check × backend (${seconds} s)\n${summaryTable()}\n`);
}, 900_000);
