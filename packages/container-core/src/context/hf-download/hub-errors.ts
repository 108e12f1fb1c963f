import { ModelAccessError, ModelDownloadError, ModelNotFoundError } from "../../errors.js";
import type { HubSettings } from "./settings.js";

/** What is being fetched, for error messages. */
export interface HubSubject {
  modelId: string;
  revision: string;
  /** A file of the repository, when the failure is about one. */
  path?: string;
}

/** The error for an HTTP status the hub answered with: 401/403 name HF_TOKEN, 404 the model. */
export function hubStatusError(
  status: number,
  detail: string,
  subject: HubSubject,
  settings: HubSettings,
): Error {
  const what = `Hugging Face model "${subject.modelId}"${subject.path ? ` file "${subject.path}"` : ""} at revision "${subject.revision}" from ${settings.endpoint}`;
  const said = detail ? `: ${detail}` : "";
  if (status === 401 || status === 403) {
    return new ModelAccessError(`${what} was refused (HTTP ${status}${said}).`, {
      hint: settings.token
        ? `The token from HF_TOKEN was refused: set HF_TOKEN to an access token that can read ${subject.modelId} (and accept the model's terms on the hub if it is gated).`
        : `The model is private or gated: set HF_TOKEN to an access token that can read ${subject.modelId}.`,
    });
  }
  if (status === 404) {
    return new ModelNotFoundError(`${what} was not found (HTTP 404${said}).`, {
      hint: `Check the model id and revision in bento.yaml, or point HF_ENDPOINT at the hub that holds it${settings.token ? "" : " (a private repository may need HF_TOKEN)"}.`,
    });
  }
  return new ModelDownloadError(`${what} failed with HTTP ${status}${said}.`, {
    hint: "The hub answered with an error; try again later, or set HF_HUB_OFFLINE=1 to build from the local cache.",
  });
}

/** The error for a hub that could not be reached (connection refused, DNS, reset). */
export function hubUnreachableError(cause: unknown, subject: HubSubject, settings: HubSettings) {
  const reason = cause instanceof Error ? describeCause(cause) : String(cause);
  return new ModelDownloadError(
    `Could not download Hugging Face model "${subject.modelId}"${subject.path ? ` file "${subject.path}"` : ""} from ${settings.endpoint}: ${reason}.`,
    {
      hint: "Check the network or HF_ENDPOINT (a mirror); a download that broke off resumes on the next build. With HF_HUB_OFFLINE=1 only the local cache is used.",
      cause,
      unreachable: true,
    },
  );
}

function describeCause(error: Error): string {
  const inner = (error as { cause?: unknown }).cause;
  const code = (inner as { code?: string } | undefined)?.code;
  const message = inner instanceof Error ? inner.message : error.message;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
