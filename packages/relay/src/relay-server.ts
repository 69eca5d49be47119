import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { NonceCache } from "./auth/nonce-cache";
import { RequestAuthenticator } from "./auth/request-authenticator";
import { Compactor } from "./compactor";
import { Ed25519Verifier } from "./crypto/ed25519-verifier";
import { RelayOptionsError } from "./errors/relay-options-error";
import { handleRequest } from "./http/handle-request";
import { handleLiveUpgrade } from "./http/live-upgrade";
import { Router } from "./http/router";
import { LiveHub } from "./live-hub";
import { RateLimiter } from "./rate-limiter";
import { type RelayOptions, resolveRelayOptions } from "./relay-options";
import { deviceRoutes } from "./routes/device-routes";
import { entryRoutes } from "./routes/entry-routes";
import { grantRoutes } from "./routes/grant-routes";
import { healthRoutes } from "./routes/health-routes";
import type { RouteDeps } from "./routes/route-deps";
import { spaceRoutes } from "./routes/space-routes";
import type { RelayStore } from "./store/relay-store";
import { SqliteStore } from "./store/sqlite-store";

/** A running relay. */
export interface Relay {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** The port it listens on (the one picked when `port` was 0). */
  port: number;
  /**
   * Graceful shutdown: stops accepting connections, closes live WebSockets with 1001, waits for requests in
   * flight and pending commits, then closes the store. Idempotent.
   */
  close(): Promise<void>;
}

/** WebSocket close code on shutdown: going away. */
const CLOSE_GOING_AWAY = 1001;
/** Longest a shutdown waits for requests in flight before cutting their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Starts a relay: the HTTP API and the live WebSocket of `@hearth/sync/protocol` on node:http, over a
 * {@link RelayStore} (SQLite in `dataDir` unless a `store` is given). Resolves once it listens.
 *
 * @throws RelayOptionsError for unusable options, StorageError when the store cannot open.
 */
export async function createRelay(options: RelayOptions): Promise<Relay> {
  const resolved = resolveRelayOptions(options);
  if (!options.store && !options.dataDir) {
    throw new RelayOptionsError("createRelay needs a dataDir (for SQLite) or a store.");
  }
  const store: RelayStore = options.store ?? SqliteStore.open(options.dataDir ?? "");
  const { logger } = resolved;
  const verifier = new Ed25519Verifier();
  const hub = new LiveHub(logger);
  const compactor = new Compactor(store, resolved.retentionMs, logger);
  const deps: RouteDeps = {
    store,
    verifier,
    hub,
    compactor,
    maxEntryBytes: resolved.maxEntryBytes,
    maxFetchBytes: resolved.maxFetchBytes,
  };
  const router = new Router([
    ...healthRoutes(),
    ...spaceRoutes(deps),
    ...deviceRoutes(deps),
    ...grantRoutes(deps),
    ...entryRoutes(deps),
  ]);
  const authenticator = new RequestAuthenticator(store, verifier, new NonceCache());
  const limiter = resolved.rateLimit ? new RateLimiter(resolved.rateLimit) : undefined;
  let closing = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  const server = createServer((req, res) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    void handleRequest(
      { router, authenticator, limiter, maxBodyBytes: resolved.maxBodyBytes, logger, closing: () => closing },
      req,
      res,
    );
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false });
  server.on("upgrade", (req, socket, head) => {
    void handleLiveUpgrade({ wss, hub, authenticator, limiter, logger, closing: () => closing }, req, socket, head);
  });
  // A client that resets mid-request must not take the relay down.
  server.on("clientError", (_error, socket) => socket.destroy());

  try {
    server.listen(resolved.port, resolved.host);
    await once(server, "listening");
  } catch (error) {
    await store.close();
    throw new RelayOptionsError(`Cannot listen on ${resolved.host}:${resolved.port}: is the port in use?`, {
      cause: error,
    });
  }
  compactor.start();
  // Appends another relay process committed to a shared store: push them to this process's connections too.
  const unwatch = store.feed?.watch((notice) => {
    if (!hub.has(notice.spaceId) || closing) return;
    store.feed?.read(notice).then(
      (entries) => hub.publish(notice.spaceId, notice.documentId, entries),
      (error: unknown) => logger({ level: "warn", msg: "remote push failed", error: String(error) }),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;

  let closed: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    closing = true;
    unwatch?.();
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    await hub.closeAll(CLOSE_GOING_AWAY, "relay shutting down");
    wss.close();
    server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    server.closeAllConnections();
    await serverClosed;
    await compactor.stop();
    await store.close();
    logger({ level: "info", msg: "closed" });
  };

  return {
    url: `http://${host}:${port}`,
    port,
    close: () => {
      closed ??= close();
      return closed;
    },
  };
}
