import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A file of a fake hub repository: its content, stored as an LFS object or a plain git blob. */
export interface FakeHubFile {
  content: Buffer | string;
  lfs?: boolean;
}

/** A model repository the fake hub serves: branches (and tags) naming commits, and each commit's files. */
export interface FakeHubRepo {
  id: string;
  refs: Record<string, string>;
  commits: Record<string, Record<string, FakeHubFile>>;
  /** When set, every request must carry `Authorization: Bearer <token>`, else 401. */
  token?: string;
}

/** Faults to inject, by file path. */
export interface FakeHubFaults {
  /** Close the connection after this many body bytes, for the next `times` full downloads of the path. */
  dropAfter?: { path: string; bytes: number; times: number };
  /** Serve the path's bytes changed (same length, same ETag): a checksum mismatch. */
  corrupt?: string;
  /** Delay every file response by this many ms (to overlap two downloads). */
  delayMs?: number;
}

/** One request the fake hub (or its CDN) received. */
export interface FakeHubRequest {
  server: "hub" | "cdn";
  method: string;
  url: string;
  range?: string;
  authorization?: string;
}

/** A running fake hub on loopback: `endpoint` is its base URL (for HF_ENDPOINT). */
export interface FakeHub {
  endpoint: string;
  requests: FakeHubRequest[];
  faults: FakeHubFaults;
  /** File downloads (not API calls) of `path` seen so far. */
  downloads(path: string): FakeHubRequest[];
  close(): Promise<void>;
}

/** The git blob id of content (what the hub lists as a plain file's `oid` and ETag). */
export function gitBlobId(content: Buffer | string): string {
  const bytes = Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** The sha256 of content (an LFS object's `oid` and ETag). */
export function sha256Hex(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * Serves `repo` on 127.0.0.1 the way the hub does: `/api/models/ID/revision/REV`
 * (the commit), `/api/models/ID/tree/REV?recursive=true` (files with `oid`,
 * `size` and `lfs`), `/ID/resolve/REV/PATH` (plain files with their ETag; LFS
 * files as a 302 to a second "CDN" server carrying `X-Linked-Etag`), byte ranges,
 * 401 without the token, 404 for unknown repos, revisions and files.
 */
export async function startFakeHub(
  repo: FakeHubRepo,
  faults: FakeHubFaults = {},
): Promise<FakeHub> {
  const requests: FakeHubRequest[] = [];
  const dropped = new Map<string, number>();
  const cdn = await listen((req, res) => {
    requests.push(record("cdn", req));
    const [, , sha] = (req.url ?? "").split("/");
    const found = Object.values(repo.commits)
      .flatMap((files) => Object.entries(files))
      .find(([, file]) => file.lfs && sha256Hex(file.content) === sha);
    if (!found) return send(res, 404, { error: "Entry not found" });
    void serveFile(req, res, found[0], found[1], { ETag: `"${sha}"` });
  });
  const cdnBase = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;

  async function serveFile(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    file: FakeHubFile,
    headers: Record<string, string>,
  ): Promise<void> {
    if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
    let body = Buffer.from(file.content);
    if (faults.corrupt === path) body = Buffer.from(body.map((b) => b ^ 0xff));
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    if (start > body.length) {
      res.writeHead(416, { "Content-Range": `bytes */${body.length}` });
      res.end();
      return;
    }
    const part = body.subarray(start);
    res.writeHead(range ? 206 : 200, {
      ...headers,
      "Content-Length": String(part.length),
      "Accept-Ranges": "bytes",
      ...(range ? { "Content-Range": `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    const drop = faults.dropAfter;
    const times = dropped.get(path) ?? 0;
    if (drop && drop.path === path && times < drop.times && !range) {
      dropped.set(path, times + 1);
      res.write(part.subarray(0, drop.bytes), () => res.socket?.destroy());
      return;
    }
    res.end(part);
  }

  const hub = await listen((req, res) => {
    requests.push(record("hub", req));
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (repo.token && req.headers.authorization !== `Bearer ${repo.token}`)
      return send(res, 401, { error: "Invalid credentials in Authorization header" });
    const api = /^\/api\/models\/(.+)\/(revision|tree)\/([^/]+)$/.exec(url.pathname);
    if (api) {
      const [, id, kind, rev] = api;
      const commit = lookUp(decodeURIComponent(id!), decodeURIComponent(rev!));
      if (typeof commit === "string") return send(res, 404, { error: commit });
      if (kind === "revision")
        return send(res, 200, { _id: "fake", id: repo.id, sha: commit.sha, private: !!repo.token });
      return send(res, 200, treeEntries(commit.files));
    }
    const resolve = /^\/(.+?)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (resolve) {
      const [, id, rev, rawPath] = resolve;
      const commit = lookUp(decodeURIComponent(id!), decodeURIComponent(rev!));
      if (typeof commit === "string") return send(res, 404, { error: commit });
      const path = decodeURIComponent(rawPath!);
      const file = commit.files[path];
      if (!file) return send(res, 404, { error: "Entry not found" });
      if (file.lfs) {
        const sha = sha256Hex(file.content);
        res.writeHead(302, {
          Location: `${cdnBase}/lfs/${sha}`,
          "X-Linked-Etag": `"${sha}"`,
          "X-Linked-Size": String(Buffer.byteLength(file.content)),
          "X-Repo-Commit": commit.sha,
        });
        return res.end();
      }
      void serveFile(req, res, path, file, {
        ETag: `"${gitBlobId(file.content)}"`,
        "X-Repo-Commit": commit.sha,
      });
      return;
    }
    send(res, 404, { error: "Not found" });
  });

  function lookUp(id: string, rev: string) {
    if (id !== repo.id) return "Repository not found";
    const sha = repo.refs[rev] ?? (repo.commits[rev] ? rev : undefined);
    const files = sha ? repo.commits[sha] : undefined;
    return sha && files ? { sha, files } : `Invalid rev id: ${rev}`;
  }

  return {
    endpoint: `http://127.0.0.1:${(hub.address() as AddressInfo).port}`,
    requests,
    faults,
    downloads: (path) =>
      requests.filter(
        (r) =>
          (r.server === "hub" && r.url.includes("/resolve/") && r.url.endsWith(`/${path}`)) ||
          (r.server === "cdn" &&
            Object.values(repo.commits).some((files) => {
              const file = files[path];
              return file?.lfs && r.url.endsWith(sha256Hex(file.content));
            })),
      ),
    close: async () => {
      await Promise.all([close(hub), close(cdn)]);
    },
  };
}

function treeEntries(files: Record<string, FakeHubFile>) {
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  return [
    ...[...dirs].map((path) => ({ type: "directory", oid: gitBlobId(path), size: 0, path })),
    ...Object.entries(files).map(([path, file]) => {
      const size = Buffer.byteLength(file.content);
      return {
        type: "file",
        path,
        size: file.lfs ? 134 : size,
        oid: gitBlobId(file.lfs ? `pointer ${path}` : file.content),
        ...(file.lfs ? { lfs: { oid: sha256Hex(file.content), size, pointerSize: 134 } } : {}),
      };
    }),
  ];
}

function record(server: "hub" | "cdn", req: IncomingMessage): FakeHubRequest {
  return {
    server,
    method: req.method ?? "GET",
    url: req.url ?? "/",
    range: req.headers.range,
    authorization: req.headers.authorization,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
