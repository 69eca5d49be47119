// A tiny fetch wrapper for relay tests: signs every request with a device identity, the way a sync client does.
import { AUTH_HEADERS, type RequestAuth, routes, signRequest } from "@hearth/sync/protocol";
import type { DeviceIdentity } from "@hearth/transport";

/** A relay answer: status, headers and the parsed JSON body (undefined when the body is not JSON). */
export interface RelayResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Per-request knobs for tests of the authentication itself. */
export interface SignedRequestOptions {
  /** Sign with this clock instead of Date.now() (to test clock skew). */
  now?: number;
  /** Send these auth headers instead of fresh ones (to test replays); false = send none. */
  auth?: RequestAuth | false;
  /** Send these bytes as the body instead of JSON.stringify(body) (to test malformed JSON). */
  rawBody?: string | Uint8Array;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** Sends a request without any signature. */
export async function unsignedRequest<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RelayResponse<T>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return read<T>(res);
}

async function read<T>(res: Response): Promise<RelayResponse<T>> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** Signs requests to one relay as one device. */
export class SignedClient {
  readonly baseUrl: string;
  readonly identity: DeviceIdentity;
  /** The auth of the last request sent, to replay it in tests. */
  lastAuth: RequestAuth | undefined;

  constructor(baseUrl: string, identity: DeviceIdentity) {
    this.baseUrl = baseUrl.replace(/\/$/, "");
    this.identity = identity;
  }

  /** Sends `method path` with `body` as JSON, signed over method, path (with query) and body bytes. */
  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    options: SignedRequestOptions = {},
  ): Promise<RelayResponse<T>> {
    const raw =
      options.rawBody !== undefined
        ? typeof options.rawBody === "string"
          ? new TextEncoder().encode(options.rawBody)
          : options.rawBody
        : body === undefined
          ? undefined
          : new TextEncoder().encode(JSON.stringify(body));
    const auth =
      options.auth === undefined
        ? signRequest(this.identity, { method, target: path, body: raw }, options.now)
        : options.auth;
    const headers: Record<string, string> = { ...options.headers };
    if (raw) headers["content-type"] = "application/json";
    if (auth) {
      this.lastAuth = auth;
      for (const name of Object.keys(AUTH_HEADERS) as (keyof RequestAuth)[]) headers[AUTH_HEADERS[name]] = auth[name];
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: raw ? Buffer.from(raw) : undefined });
    return read<T>(res);
  }

  get<T = Record<string, unknown>>(path: string, options?: SignedRequestOptions): Promise<RelayResponse<T>> {
    return this.request<T>("GET", path, undefined, options);
  }

  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    options?: SignedRequestOptions,
  ): Promise<RelayResponse<T>> {
    return this.request<T>("POST", path, body, options);
  }

  delete<T = Record<string, unknown>>(path: string, options?: SignedRequestOptions): Promise<RelayResponse<T>> {
    return this.request<T>("DELETE", path, undefined, options);
  }

  /** A signed `ws://` URL of the space's live channel (auth in the query, signed over GET and the bare path). */
  liveUrl(spaceId: string, now?: number): string {
    const path = routes.live(spaceId);
    const auth = signRequest(this.identity, { method: "GET", target: path }, now);
    const query = new URLSearchParams({ ...auth });
    return `${this.baseUrl.replace(/^http/, "ws")}${path}?${query}`;
  }
}
