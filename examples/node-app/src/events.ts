import type { BuildEvent } from "@bento/container-core";
import { formatStep, type StatusLine } from "./progress.js";

/** Renders build events: steps on the status line, the rest as notes on `out`. */
export function eventPrinter(
  line: StatusLine,
  out: NodeJS.WritableStream,
): (event: BuildEvent) => void {
  const note = (text: string) => {
    line.done();
    out.write(`${text}\n`);
  };
  return (event) => {
    switch (event.type) {
      case "bento":
        return note(`bento ${event.tag} (${event.dir})`);
      case "health": {
        const { backend, version, binary } = event.report;
        return note(`backend ${backend} ${version ?? "(version unknown)"} at ${binary ?? "?"}`);
      }
      case "context":
        return note(
          `context ${event.dir}: ${event.linked} linked, ${event.copied} copied, ${event.reused} reused`,
        );
      case "step":
        return line.show(formatStep(event));
      case "warning":
        return note(`warning: ${event.message}`);
      default:
        return undefined;
    }
  };
}
