import type { LiveMessage, StoredEntry } from "@hearth/sync/protocol";
import type { WebSocket } from "ws";
import type { RelayLogger } from "./relay-logger";
import { toWireEntry } from "./to-wire-entry";

/** A connection whose unsent data exceeds this misses pushes: clients fetch by cursor when they see a gap. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

interface Connection {
  ws: WebSocket;
  spaceId: string;
  deviceId: string;
  alive: boolean;
}

/**
 * The live WebSocket connections, grouped by space. After every committed append the relay publishes the new
 * entries to every connection of the space; pushes are hints, so a slow connection simply misses some.
 */
export class LiveHub {
  readonly #spaces = new Map<string, Set<Connection>>();
  readonly #logger: RelayLogger;
  readonly #heartbeat: NodeJS.Timeout;

  constructor(logger: RelayLogger) {
    this.#logger = logger;
    // A connection that did not answer the last ping is gone (a laptop lid closed): drop it.
    this.#heartbeat = setInterval(() => {
      for (const connections of this.#spaces.values()) {
        for (const connection of connections) {
          if (!connection.alive) {
            connection.ws.terminate();
            continue;
          }
          connection.alive = false;
          connection.ws.ping();
        }
      }
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  /** Number of open connections. */
  get size(): number {
    let n = 0;
    for (const connections of this.#spaces.values()) n += connections.size;
    return n;
  }

  /** Whether any connection of `spaceId` is open here. */
  has(spaceId: string): boolean {
    return this.#spaces.has(spaceId);
  }

  /** Adds an authenticated connection of `deviceId` to `spaceId`. */
  add(spaceId: string, deviceId: string, ws: WebSocket): void {
    const connection: Connection = { ws, spaceId, deviceId, alive: true };
    let connections = this.#spaces.get(spaceId);
    if (!connections) {
      connections = new Set();
      this.#spaces.set(spaceId, connections);
    }
    connections.add(connection);
    ws.on("pong", () => {
      connection.alive = true;
    });
    // Clients have nothing to say on this channel; the relay ignores what they send.
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      const current = this.#spaces.get(spaceId);
      current?.delete(connection);
      if (current?.size === 0) this.#spaces.delete(spaceId);
      this.#logger({ level: "debug", msg: "live closed", space: spaceId, device: deviceId });
    });
    this.#logger({ level: "debug", msg: "live opened", space: spaceId, device: deviceId });
  }

  /** Pushes newly stored entries of a document to every connection of its space. */
  publish(spaceId: string, documentId: string, entries: readonly StoredEntry[]): void {
    const connections = this.#spaces.get(spaceId);
    if (!connections || entries.length === 0) return;
    const message: LiveMessage = { type: "entries", documentId, entries: entries.map(toWireEntry) };
    const text = JSON.stringify(message);
    for (const { ws } of connections) {
      if (ws.readyState === ws.OPEN && ws.bufferedAmount < MAX_BUFFERED_BYTES) ws.send(text);
    }
  }

  /** Closes every connection of one device in a space (after its removal). */
  disconnectDevice(spaceId: string, deviceId: string, code: number, reason: string): void {
    for (const connection of this.#spaces.get(spaceId) ?? []) {
      if (connection.deviceId === deviceId) connection.ws.close(code, reason);
    }
  }

  /**
   * Closes every connection (on shutdown: 1001, going away) and stops the heartbeat. Resolves once all are closed;
   * a peer that does not answer the close within `graceMs` is cut off.
   */
  async closeAll(code: number, reason: string, graceMs = 2000): Promise<void> {
    clearInterval(this.#heartbeat);
    const sockets = [...this.#spaces.values()].flatMap((connections) => [...connections].map(({ ws }) => ws));
    const closed = sockets.map(
      (ws) =>
        new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : ws.once("close", () => resolve()))),
    );
    for (const ws of sockets) ws.close(code, reason);
    const timer = setTimeout(() => {
      for (const ws of sockets) ws.terminate();
    }, graceMs);
    await Promise.all(closed);
    clearTimeout(timer);
  }
}
