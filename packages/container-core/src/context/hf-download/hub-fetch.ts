import type { HubSettings } from "./settings.js";

/** A response and the ETag the hub gave for the file before any redirect. */
export interface HubResponse {
  response: Response;
  /** `X-Linked-Etag` (LFS files) or `ETag` of the hub's first answer, unquoted. */
  hubEtag?: string;
}

const MAX_REDIRECTS = 10;

/**
 * GET `url`, following redirects by hand: the token goes only to the
 * endpoint's own origin (an LFS file redirects to a storage host that must not
 * see it), and the hub's ETag is kept from its first answer.
 */
export async function hubGet(
  url: string,
  settings: HubSettings,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<HubResponse> {
  const origin = new URL(settings.endpoint).origin;
  let target = new URL(url);
  let hubEtag: string | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers = new Headers(init.headers);
    if (settings.token && target.origin === origin)
      headers.set("authorization", `Bearer ${settings.token}`);
    const response = await fetch(target, { headers, redirect: "manual", signal: init.signal });
    if (hop === 0)
      hubEtag = unquote(response.headers.get("x-linked-etag") ?? response.headers.get("etag"));
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return { response, hubEtag };
    await response.body?.cancel();
    target = new URL(location, target);
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}

/** A `fetch` for the hub's library: the same token and redirect rules, aborted by `signal`. */
export function hubFetch(settings: HubSettings, signal?: AbortSignal): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return (await hubGet(url, settings, { headers, signal })).response;
  }) as typeof fetch;
}

function unquote(etag: string | null): string | undefined {
  return etag?.replace(/^W\//, "").replace(/^"|"$/g, "") || undefined;
}
