import type { IncomingMessage, ServerResponse } from "node:http";
import { AUTH_HEADERS, type RequestAuth, readRequestAuth, SyncError } from "@hearth/sync/protocol";
import type { RequestAuthenticator } from "../auth/request-authenticator";
import { BodyAbandonedError } from "../errors/body-abandoned-error";
import { ForbiddenError } from "../errors/forbidden-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import type { RateLimiter } from "../rate-limiter";
import type { RelayLogger, RelayLogRecord } from "../relay-logger";
import { CORS_HEADERS, PREFLIGHT_HEADERS } from "./cors";
import { parseJsonObject, readBody } from "./read-body";
import type { Route, Router } from "./router";
import { sendError, sendJson } from "./send-json";

/** What the request pipeline needs from the relay. */
export interface RequestPipeline {
  router: Router<Route>;
  authenticator: RequestAuthenticator;
  limiter: RateLimiter | undefined;
  maxBodyBytes: number;
  logger: RelayLogger;
  /** True once shutdown began: answers then close their connection. */
  closing: () => boolean;
}

/** Where a request comes from, for the rate limit of open routes. */
function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? "unknown";
}

function rateLimit(limiter: RateLimiter | undefined, key: string, now: number): void {
  const wait = limiter?.take(key, now) ?? 0;
  if (wait > 0) {
    throw new RateLimitedError(`Too many requests; retry in ${wait} s.`, wait);
  }
}

/** The auth headers of an HTTP request. */
export function headerAuth(req: IncomingMessage): RequestAuth | undefined {
  return readRequestAuth((name) => {
    const value = req.headers[AUTH_HEADERS[name]];
    return Array.isArray(value) ? undefined : value;
  });
}

/**
 * Serves one HTTP request: CORS, routing, authentication in two steps around the body, the rate limit, the JSON
 * body, the handler, the JSON answer and one log record. Never throws.
 */
export async function handleRequest(
  pipeline: RequestPipeline,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const now = Date.now();
  const method = req.method ?? "GET";
  const log: RelayLogRecord = { level: "info", msg: "request", method };
  const headers: Record<string, string> = pipeline.closing() ? { connection: "close" } : {};
  try {
    const target = req.url ?? "/";
    const url = new URL(target, "http://relay.invalid");
    if (method === "OPTIONS") {
      res.writeHead(204, { ...CORS_HEADERS, ...PREFLIGHT_HEADERS, ...headers });
      res.end();
      log.status = 204;
      return;
    }
    const { route, params } = pipeline.router.match(method, url.pathname);
    log.route = route.template;
    if (params.space) log.space = params.space;
    const identified =
      route.auth === "space"
        ? await pipeline.authenticator.identify(params.space ?? "", headerAuth(req), now)
        : undefined;
    if (identified) log.device = identified.auth.device;
    const raw = method === "POST" ? await readBody(req, pipeline.maxBodyBytes) : undefined;
    if (identified) {
      await pipeline.authenticator.verify(identified, { method, target, body: raw }, now);
      rateLimit(pipeline.limiter, `device:${identified.device.spaceId}/${identified.device.deviceId}`, now);
    } else {
      rateLimit(pipeline.limiter, `address:${clientAddress(req)}`, now);
    }
    if (route.auth === "space" && !identified) throw new ForbiddenError("This route needs an enrolled device.");
    const body = raw ? parseJsonObject(raw) : {};
    const answer = await route.handle({ params, query: url.searchParams, body, device: identified?.device, now, log });
    sendJson(res, answer.status, answer.body, headers);
    log.status = answer.status;
  } catch (error) {
    if (error instanceof BodyAbandonedError) {
      headers.connection = "close";
      res.once("finish", () => req.socket.destroy());
    }
    if (res.headersSent) {
      res.destroy();
      log.status = res.statusCode;
    } else {
      log.status = sendError(res, error, headers);
    }
    if (error instanceof SyncError) {
      log.code = error.code;
      if (log.status >= 500) log.level = "error";
    } else {
      log.level = "error";
      log.code = "E_RELAY";
      log.error = error instanceof Error ? `${error.name}: ${error.message}` : "unknown failure";
    }
  } finally {
    log.ms = Math.round((performance.now() - started) * 100) / 100;
    pipeline.logger(log);
  }
}
