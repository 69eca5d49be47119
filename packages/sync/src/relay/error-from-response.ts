import { ConflictError } from "../errors/conflict-error";
import { ForbiddenError } from "../errors/forbidden-error";
import { NotFoundError } from "../errors/not-found-error";
import { ProtocolError } from "../errors/protocol-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { RelayError } from "../errors/relay-error";
import type { SyncError } from "../errors/sync-error";
import { TooLargeError } from "../errors/too-large-error";
import { UnauthorizedError } from "../errors/unauthorized-error";

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds; one second when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number {
  if (value === null) return 1000;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

function relayMessage(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown } } | undefined)?.error;
  const message = error?.message;
  // The relay's own text, shortened: it is untrusted input that ends up in logs.
  return typeof message === "string" ? message.slice(0, 300) : undefined;
}

/** The typed error for an HTTP answer that is not a success. */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null): SyncError {
  const said = relayMessage(body);
  const tell = (fallback: string) => (said ? `${fallback} The relay said: ${said}` : fallback);
  switch (status) {
    case 400:
      return new ProtocolError(tell("The relay refused the request as malformed (HTTP 400)."));
    case 401:
      return new UnauthorizedError(
        tell("The relay refused this device's signature (HTTP 401); check the device clock and identity."),
      );
    case 403:
      return new ForbiddenError(
        tell("The relay refused this device (HTTP 403): it is not an active device of this space; enroll it again."),
      );
    case 404:
      return new NotFoundError(tell("The relay does not know this space or route (HTTP 404)."));
    case 409:
      return new ConflictError(tell("The relay already holds different data under the same name (HTTP 409)."));
    case 413:
      return new TooLargeError(tell("The relay refused an entry or request as too large (HTTP 413)."));
    case 429: {
      const ms = parseRetryAfter(retryAfter);
      return new RateLimitedError(
        tell(`The relay asks this device to slow down for ${Math.ceil(ms / 1000)} s (HTTP 429).`),
        ms,
      );
    }
    default:
      return new RelayError(tell(`The relay answered HTTP ${status}; the client will retry.`));
  }
}
