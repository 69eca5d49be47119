import { HttpError } from "../errors/http-error";
import { NetworkError } from "../errors/network-error";
import type { FileBody } from "../spec/model-source";
import { readStream } from "./read-stream";

/** The `fetch` this package calls; injectable for tests and for platforms with their own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

/**
 * GETs `url` from byte `offset` (HTTP Range) and checks that the answer is the file: status 200 or 206, not an HTML
 * page, a Content-Range that starts where asked. Anything else is an {@link HttpError} naming `label` (the file),
 * retryable for 5xx, 408 and 429; a connection failure is a retryable {@link NetworkError}.
 */
export async function openUrl(
  fetchFn: FetchLike,
  url: string,
  offset: number,
  signal: AbortSignal,
  label: string,
): Promise<FileBody> {
  let res: Response;
  try {
    // no-store: the model cache keeps the bytes; a second copy in the HTTP cache would only fill the disk twice.
    res = await fetchFn(url, {
      headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
      signal,
      redirect: "follow",
      cache: "no-store",
    });
  } catch (cause) {
    throw new NetworkError(`Could not reach ${url} for ${label}: ${(cause as Error).message ?? String(cause)}.`, {
      cause,
    });
  }
  const drop = () => {
    res.body?.cancel().catch(() => {});
  };
  if (res.status !== 200 && res.status !== 206) {
    drop();
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
    throw new HttpError(
      `${label}: the server answered ${res.status} ${res.statusText} for ${url}${retryable ? "" : "; check the model id, revision and source"}.`,
      { status: res.status, url, retryable },
    );
  }
  const type = res.headers.get("content-type") ?? "";
  if (/text\/html|application\/xhtml/i.test(type)) {
    drop();
    throw new HttpError(
      `${label}: ${url} returned an HTML page instead of the file (a login page, a captive portal or an error page); nothing was cached.`,
      { status: res.status, url, retryable: false },
    );
  }
  let start = 0;
  if (res.status === 206) {
    const m = CONTENT_RANGE.exec(res.headers.get("content-range") ?? "");
    if (!m || Number(m[1]) !== offset) {
      drop();
      throw new HttpError(`${label}: ${url} answered 206 with a range that does not start at byte ${offset}.`, {
        status: 206,
        url,
        retryable: false,
      });
    }
    start = offset;
  }
  const lengthHeader = res.headers.get("content-length");
  // fetch decodes a compressed body, and Content-Length then counts the encoded bytes, not the file's: ignore it.
  const encoding = res.headers.get("content-encoding");
  const identity = encoding === null || /^\s*(identity)?\s*$/i.test(encoding);
  const length = identity && lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
  if (!res.body) throw new NetworkError(`${label}: ${url} answered without a body.`);
  return { offset: start, ...(length !== undefined ? { length } : {}), chunks: readStream(res.body), cancel: drop };
}
