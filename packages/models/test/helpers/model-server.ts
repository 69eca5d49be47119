// A real HTTP server on 127.0.0.1 that serves model files the way a hub or a CDN does (Range requests, 206,
// Content-Range), with fault modes a test queues per path: a dropped connection, a stall, an HTML page, 404/500,
// wrong bytes or a wrong length. Every request and every byte sent is logged, so tests can prove what was fetched.
// It answers CORS as a public hub does, so browser tests on another origin fetch from it as a web app would.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gzipSync } from "node:zlib";

export type Fault =
  | { kind: "drop"; after: number }
  | { kind: "stall"; after: number }
  | { kind: "status"; status: number }
  | { kind: "html" }
  | { kind: "wrong-bytes" }
  | { kind: "wrong-length" }
  | { kind: "ignore-range" }
  | { kind: "gzip" };

export interface LogEntry {
  path: string;
  range?: string;
  status: number;
  sent: number;
}

export interface ModelServer {
  url: string;
  files: Map<string, Uint8Array>;
  log: LogEntry[];
  /** TCP connections accepted so far. */
  connections: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
  faults: Map<string, Fault[]>;
  /** Wait this long before answering each request (so concurrent requests overlap). */
  delayMs: number;
  fault(path: string, ...faults: Fault[]): void;
  /** Bytes sent for one path, over every request. */
  sentFor(path: string): number;
  close(): Promise<void>;
}

export async function startModelServer(): Promise<ModelServer> {
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const state: ModelServer = {
    url: "",
    files: new Map(),
    log: [],
    connections: 0,
    maxInFlight: 0,
    faults: new Map(),
    delayMs: 0,
    fault(path, ...faults) {
      state.faults.set(path, [...(state.faults.get(path) ?? []), ...faults]);
    },
    sentFor: (path) => state.log.filter((e) => e.path === path).reduce((s, e) => s + e.sent, 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", "content-range, content-length, accept-ranges, etag");
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "access-control-allow-headers": "range", "access-control-allow-methods": "GET, HEAD" });
      res.end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const entry: LogEntry = { path, status: 0, sent: 0, ...(req.headers.range ? { range: req.headers.range } : {}) };
    state.log.push(entry);
    const fault = state.faults.get(path)?.shift();
    const finish = (status: number, headers: Record<string, string | number>, body: Uint8Array) => {
      entry.status = status;
      res.writeHead(status, headers);
      entry.sent += body.byteLength;
      res.end(body);
    };
    if (fault?.kind === "status")
      return finish(fault.status, { "content-type": "text/plain" }, new TextEncoder().encode("error"));
    if (fault?.kind === "html") {
      return finish(
        200,
        { "content-type": "text/html; charset=utf-8" },
        new TextEncoder().encode("<!doctype html><p>Please sign in</p>"),
      );
    }
    let data = state.files.get(path);
    if (!data) return finish(404, { "content-type": "text/plain" }, new TextEncoder().encode("not found"));
    if (fault?.kind === "wrong-bytes") data = data.map((b) => b ^ 0xff);
    if (fault?.kind === "wrong-length") data = new Uint8Array([...data, 1, 2, 3]);
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    if (m && fault?.kind !== "ignore-range") {
      start = Number(m[1]);
      if (start >= data.length) return finish(416, { "content-range": `bytes */${data.length}` }, new Uint8Array(0));
    }
    const body = data.subarray(start);
    const headers: Record<string, string | number> = {
      "content-type": "application/octet-stream",
      "content-length": body.byteLength,
      "accept-ranges": "bytes",
      etag: `"${createHash("sha256").update(data).digest("hex").slice(0, 16)}"`,
    };
    if (start > 0) headers["content-range"] = `bytes ${start}-${data.length - 1}/${data.length}`;
    entry.status = start > 0 ? 206 : 200;
    if (fault?.kind === "drop" || fault?.kind === "stall") {
      res.writeHead(entry.status, headers);
      const part = body.subarray(0, fault.after);
      entry.sent += part.byteLength;
      res.write(part);
      // A connection closed mid-file (after every byte written so far reached the client, so `sent` is exactly what
      // the client holds); a stall keeps it open and silent until the client gives up.
      if (fault.kind === "drop") res.socket?.end();
      return;
    }
    if (fault?.kind === "gzip") {
      // A compressing server: Content-Length counts the gzip bytes, which fetch decodes.
      const encoded = gzipSync(body);
      headers["content-encoding"] = "gzip";
      headers["content-length"] = encoded.byteLength;
      res.writeHead(entry.status, headers);
      entry.sent += encoded.byteLength;
      res.end(encoded);
      return;
    }
    res.writeHead(entry.status, headers);
    entry.sent += body.byteLength;
    res.end(body);
  };

  const server: Server = createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    if (state.delayMs > 0) setTimeout(() => handle(req, res), state.delayMs);
    else handle(req, res);
  });
  server.on("connection", (socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
