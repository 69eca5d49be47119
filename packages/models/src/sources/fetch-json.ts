import { backoffDelay, sleep } from "../download/backoff";
import type { FetchLike } from "../download/open-url";
import { openUrl } from "../download/open-url";
import { HttpError } from "../errors/http-error";
import { ManifestError } from "../errors/manifest-error";
import { NetworkError } from "../errors/network-error";
import { NotFoundError } from "../errors/not-found-error";

/** GETs a small JSON document (a manifest), retrying network errors and 5xx a few times; 404 is NotFoundError. */
export async function fetchJson(
  fetchFn: FetchLike,
  url: string,
  label: string,
  signal?: AbortSignal,
  retries = 3,
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const body = await openUrl(fetchFn, url, 0, signal ?? new AbortController().signal, label);
      const parts: Uint8Array[] = [];
      for await (const chunk of body.chunks) parts.push(chunk);
      const text = new TextDecoder().decode(concat(parts));
      try {
        return JSON.parse(text);
      } catch (cause) {
        throw new ManifestError(`${label}: ${url} is not valid JSON.`, { cause });
      }
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) {
        throw new NotFoundError(`${label}: ${url} does not exist (404); check the model id and revision.`, {
          cause: e,
        });
      }
      const again =
        (e instanceof HttpError || e instanceof NetworkError) && e.retryable && attempt < retries && !signal?.aborted;
      if (!again) throw e;
      await sleep(backoffDelay(attempt, 200, 5000), signal);
    }
  }
}

/** Joins byte chunks into one array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.byteLength;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
