import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { readRequestAuth, routes } from "@hearth/sync/protocol";
import type { WebSocketServer } from "ws";
import type { RequestAuthenticator } from "../auth/request-authenticator";
import { NotFoundError } from "../errors/not-found-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { StorageError } from "../errors/storage-error";
import type { LiveHub } from "../live-hub";
import type { RateLimiter } from "../rate-limiter";
import type { RelayLogger } from "../relay-logger";
import { CORS_HEADERS } from "./cors";
import { errorBody, errorStatus } from "./error-status";
import { Router } from "./router";

const AUTH_PARAMS = ["device", "time", "nonce", "signature"] as const;
const LIVE_TEMPLATE = routes.live(":space");

/** What a live upgrade needs from the relay. */
export interface LiveUpgradeDeps {
  wss: WebSocketServer;
  hub: LiveHub;
  authenticator: RequestAuthenticator;
  limiter: RateLimiter | undefined;
  logger: RelayLogger;
  closing: () => boolean;
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

const liveRouter = new Router([{ method: "GET", template: LIVE_TEMPLATE }]);

function refuse(socket: Duplex, error: unknown): number {
  const status = errorStatus(error);
  const text = JSON.stringify(errorBody(error));
  const head = [
    `HTTP/1.1 ${status} ${status === 401 ? "Unauthorized" : status === 403 ? "Forbidden" : "Error"}`,
    "content-type: application/json; charset=utf-8",
    `content-length: ${Buffer.byteLength(text)}`,
    ...Object.entries(CORS_HEADERS).map(([name, value]) => `${name}: ${value}`),
    ...(error instanceof RateLimitedError ? [`retry-after: ${error.retryAfterSeconds}`] : []),
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${text}`);
  return status;
}

/**
 * Upgrades `GET /v1/spaces/:space/live` to a WebSocket once the query carries a valid signature (over GET and the
 * path without the four auth parameters) by an active device of the space. Anything else is answered with an HTTP
 * error and the socket closed.
 */
export async function handleLiveUpgrade(
  deps: LiveUpgradeDeps,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  const started = performance.now();
  const now = Date.now();
  let route: string | undefined;
  let space: string | undefined;
  let device: string | undefined;
  socket.on("error", () => socket.destroy());
  try {
    if (deps.closing()) throw new StorageError("The relay is shutting down; reconnect shortly.");
    const url = new URL(req.url ?? "/", "http://relay.invalid");
    if (req.method !== "GET") throw new NotFoundError("Only GET upgrades to a WebSocket.");
    const { params } = liveRouter.match("GET", url.pathname);
    route = LIVE_TEMPLATE;
    space = params.space ?? "";
    const auth = readRequestAuth((name) => url.searchParams.get(name));
    for (const name of AUTH_PARAMS) url.searchParams.delete(name);
    const rest = url.searchParams.toString();
    const target = rest ? `${url.pathname}?${rest}` : url.pathname;
    const identified = await deps.authenticator.identify(space, auth, now);
    device = identified.device.deviceId;
    await deps.authenticator.verify(identified, { method: "GET", target }, now);
    const wait = deps.limiter?.take(`device:${space}/${device}`, now) ?? 0;
    if (wait > 0) throw new RateLimitedError(`Too many requests; retry in ${wait} s.`, wait);
    const spaceId = space;
    const deviceId = device;
    deps.wss.handleUpgrade(req, socket, head, (ws) => deps.hub.add(spaceId, deviceId, ws));
    const ms = elapsed(started);
    deps.logger({ level: "info", msg: "request", method: "GET", route, status: 101, space, device, ms });
  } catch (error) {
    const status = refuse(socket, error);
    deps.logger({
      level: status >= 500 ? "error" : "info",
      msg: "request",
      method: req.method ?? "GET",
      route,
      status,
      space,
      device,
      code: errorBody(error).error.code,
      ms: elapsed(started),
    });
  }
}
