// A man in the middle on loopback, in front of a real relay: it forwards real HTTP requests and the real live
// WebSocket, and, depending on its mode, rewrites what the relay answers (entry fetches) and pushes (live
// messages): duplicates, reorders or replays entries, splices entries of one document into another, changes an
// entry's seq, epoch or kind, or flips a byte of its envelope. Requests from devices go to the relay untouched (their
// signatures cover them; the relay's own checks are tested elsewhere). Not a mock: the relay and the clients are the
// real ones, only the bytes between them change.
import { once } from "node:events";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { WireEntry } from "@hearth/sync/protocol";
import { type RawData, WebSocket, WebSocketServer } from "ws";

/** How the proxy treats what the relay sends to devices. */
export type HostileMode =
  /** Forwards everything unchanged. */
  | "honest"
  /** Every entry twice in fetch answers and pushes, and every push message sent twice. */
  | "duplicate"
  /** Entries of an answer in reverse order; push messages held back and delivered after the next one. */
  | "reorder"
  /** Entries from earlier answers and earlier push messages sent again, later. */
  | "replay"
  /** An entry of another document with the same device and seq, relabelled as this document's, replaces the real one. */
  | "splice-entry"
  /** Another document's entries (unchanged) put into this document's answers; pushes relabelled to another document. */
  | "splice-answer"
  /** A copy of each entry with seq + 1 right after it. */
  | "seq"
  /** Each entry replaced by a copy claiming the next epoch. */
  | "epoch"
  /** Each change entry replaced by a copy claiming to be a snapshot. */
  | "kind"
  /** Each entry replaced by a copy with one envelope byte flipped. */
  | "flip";

/** What the proxy did so far. */
export interface HostileStats {
  /** Fetch answers and push messages it rewrote. */
  rewritten: number;
  /** Entries it altered or relabelled (tampered, spliced). */
  forged: number;
  /** Authentic entries it added a second time (duplicates and replays). */
  repeated: number;
}

const ENTRIES_PATH = /^\/v1\/spaces\/([^/]+)\/docs\/([^/]+)\/entries$/;
const LIVE_PATH = /^\/v1\/spaces\/([^/]+)\/live$/;

interface Answer {
  entries: WireEntry[];
  head: number;
}

interface PushMessage {
  type: string;
  documentId: string;
  entries: WireEntry[];
}

function flipByte(base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString("base64");
}

/** See the file comment. Start with {@link HostileProxy.start}; switch behaviour by setting {@link mode}. */
export class HostileProxy {
  mode: HostileMode = "honest";
  readonly stats: HostileStats = { rewritten: 0, forged: 0, repeated: 0 };
  readonly url: string;
  readonly #target: URL;
  readonly #server: Server;
  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  readonly #sockets = new Set<WebSocket>();
  // Every entry that went through, per space and document: material for replays and splices.
  readonly #seen = new Map<string, Map<string, WireEntry[]>>();
  // Earlier push messages per space, for replays; the one held back in reorder mode, per connection.
  readonly #pushes = new Map<string, string[]>();

  private constructor(target: string, server: Server) {
    this.#target = new URL(target);
    this.#server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    server.on("request", (req, res) => this.#forward(req, res));
    server.on("upgrade", (req, socket, head) => this.#upgrade(req, socket, head));
  }

  /** Listens on a free loopback port and forwards to the relay at `target`. */
  static async start(target: string): Promise<HostileProxy> {
    const server = createServer();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return new HostileProxy(target, server);
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ---- HTTP ----

  #forward(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const match = req.method === "GET" ? ENTRIES_PATH.exec(url.pathname) : null;
    const upstream = request(
      {
        host: this.#target.hostname,
        port: this.#target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.#target.host },
      },
      (answer) => {
        if (!match || answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Answer;
          const rewritten = this.#rewriteAnswer(match[1] ?? "", match[2] ?? "", body);
          const text = JSON.stringify(rewritten);
          const headers = { ...answer.headers, "content-length": String(Buffer.byteLength(text)) };
          res.writeHead(200, headers);
          res.end(text);
        });
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "E_RELAY", message: "The relay behind the proxy is unreachable." } }));
    });
    req.pipe(upstream);
  }

  #remember(space: string, entries: WireEntry[]): void {
    let docs = this.#seen.get(space);
    if (!docs) {
      docs = new Map();
      this.#seen.set(space, docs);
    }
    for (const entry of entries) {
      const list = docs.get(entry.documentId) ?? [];
      if (!list.some((e) => e.position === entry.position)) list.push(entry);
      docs.set(entry.documentId, list);
    }
  }

  /** Entries of the space's other documents, as they went through earlier. */
  #foreign(space: string, documentId: string): WireEntry[] {
    const docs = this.#seen.get(space) ?? new Map<string, WireEntry[]>();
    return [...docs.entries()].filter(([id]) => id !== documentId).flatMap(([, list]) => list);
  }

  #rewriteAnswer(space: string, documentId: string, answer: Answer): Answer {
    const earlier = [...(this.#seen.get(space)?.get(documentId) ?? [])];
    const entries = this.#rewriteEntries(space, documentId, answer.entries, earlier);
    this.#remember(space, answer.entries);
    if (this.mode === "splice-answer") {
      // Another document's entries, exactly as the relay served them there, in front of this one's.
      const foreign = this.#foreign(space, documentId).slice(-4);
      this.stats.forged += foreign.length;
      entries.unshift(...foreign);
    }
    if (entries !== answer.entries) this.stats.rewritten++;
    return { ...answer, entries };
  }

  /** The entries a device gets instead of `entries` (one document's, in an answer or a push), per mode. */
  #rewriteEntries(space: string, documentId: string, entries: WireEntry[], earlier: WireEntry[]): WireEntry[] {
    const forge = (entry: WireEntry, changed: Partial<WireEntry>): WireEntry => {
      this.stats.forged++;
      return { ...entry, ...changed };
    };
    switch (this.mode) {
      case "honest":
        return entries;
      case "duplicate":
        this.stats.repeated += entries.length;
        return entries.flatMap((e) => [e, e]);
      case "reorder":
        return [...entries].reverse();
      case "replay": {
        const old = earlier.slice(0, 3);
        this.stats.repeated += old.length * 2;
        return [...old, ...entries, ...old];
      }
      case "splice-entry": {
        const foreign = this.#foreign(space, documentId);
        return entries.map((entry) => {
          const twin = foreign.find((f) => f.deviceId === entry.deviceId && f.seq === entry.seq);
          return twin ? forge(twin, { documentId, position: entry.position }) : entry;
        });
      }
      case "splice-answer":
        return [...entries];
      case "seq":
        return entries.flatMap((e) => [e, forge(e, { seq: e.seq + 1 })]);
      case "epoch":
        return entries.map((e) => forge(e, { epoch: e.epoch + 1 }));
      case "kind":
        return entries.map((e) =>
          e.kind === "change" ? forge(e, { kind: "snapshot", covers: Math.max(0, (e.position ?? 1) - 1) }) : e,
        );
      case "flip":
        return entries.map((e) => forge(e, { envelope: flipByte(e.envelope) }));
    }
  }

  // ---- the live WebSocket ----

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const match = LIVE_PATH.exec(url.pathname);
    if (!match) {
      socket.destroy();
      return;
    }
    const space = match[1] ?? "";
    const upstream = new WebSocket(`ws://${this.#target.host}${req.url ?? "/"}`, { perMessageDeflate: false });
    upstream.once("unexpected-response", (_request, response) => {
      // Pass the relay's refusal (401, 403, 429) on as it was.
      const status = response.statusCode ?? 502;
      socket.end(`HTTP/1.1 ${status} Refused\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    });
    upstream.once("error", () => socket.destroy());
    upstream.once("open", () => {
      this.#sockets.add(upstream);
      this.#wss.handleUpgrade(req, socket, head, (client) => {
        this.#sockets.add(client);
        this.#pipeLive(space, upstream, client);
      });
    });
  }

  #pipeLive(space: string, upstream: WebSocket, client: WebSocket): void {
    let held: string | undefined;
    let heldTimer: ReturnType<typeof setTimeout> | undefined;
    const send = (text: string) => {
      if (client.readyState === WebSocket.OPEN) client.send(text);
    };
    const releaseHeld = () => {
      clearTimeout(heldTimer);
      if (held !== undefined) send(held);
      held = undefined;
    };
    upstream.on("message", (data: RawData) => {
      const text = data.toString();
      let message: PushMessage;
      try {
        message = JSON.parse(text) as PushMessage;
      } catch {
        send(text);
        return;
      }
      if (message.type !== "entries") {
        send(text);
        return;
      }
      const earlier = [...(this.#seen.get(space)?.get(message.documentId) ?? [])];
      const entries = this.#rewriteEntries(space, message.documentId, message.entries, earlier);
      this.#remember(space, message.entries);
      const history = this.#pushes.get(space) ?? [];
      this.#pushes.set(space, [...history, text]);
      if (this.mode === "honest") {
        send(text);
        return;
      }
      this.stats.rewritten++;
      let out: PushMessage = { ...message, entries };
      if (this.mode === "splice-answer") {
        // The same entries, announced as another document's.
        const other = [...(this.#seen.get(space)?.keys() ?? [])].find((id) => id !== message.documentId);
        if (other) {
          this.stats.forged += entries.length;
          out = { ...out, documentId: other };
        }
      }
      const outText = JSON.stringify(out);
      switch (this.mode) {
        case "duplicate":
          send(outText);
          send(outText);
          return;
        case "reorder":
          // Held back until the next message (or a moment) has gone first.
          if (held !== undefined) {
            send(outText);
            releaseHeld();
          } else {
            held = outText;
            heldTimer = setTimeout(releaseHeld, 200);
          }
          return;
        case "replay": {
          send(outText);
          const old = history[0];
          if (old !== undefined) {
            this.stats.repeated++;
            send(old);
          }
          return;
        }
        default:
          send(outText);
      }
    });
    const closeBoth = () => {
      releaseHeld();
      for (const ws of [upstream, client]) {
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1001, "proxy");
      }
      this.#sockets.delete(upstream);
      this.#sockets.delete(client);
    };
    upstream.on("close", closeBoth);
    client.on("close", closeBoth);
    upstream.on("error", closeBoth);
    client.on("error", closeBoth);
  }
}
