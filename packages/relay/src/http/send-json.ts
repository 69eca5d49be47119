import type { ServerResponse } from "node:http";
import { MethodNotAllowedError } from "../errors/method-not-allowed-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { CORS_HEADERS } from "./cors";
import { errorBody, errorStatus } from "./error-status";

/** Answers with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** Answers with `{ error: { code, message } }` and the status (and `Retry-After` / `Allow`) the error calls for. */
export function sendError(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): number {
  const status = errorStatus(error);
  const extra: Record<string, string> = { ...headers };
  if (error instanceof RateLimitedError) extra["retry-after"] = String(error.retryAfterSeconds);
  if (error instanceof MethodNotAllowedError) extra.allow = [...error.allowed, "OPTIONS"].join(", ");
  sendJson(res, status, errorBody(error), extra);
  return status;
}
