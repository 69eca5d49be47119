import { AbortedError } from "../errors/aborted-error";
import { ModelFileMissingError } from "../errors/model-file-missing-error";
import type { ModelSource } from "../spec/model-source";

/** Options of {@link urlModelSource}. */
export interface UrlModelSourceOptions {
  /** The fetch to use (default: globalThis.fetch), e.g. one that adds headers or reads a Cache Storage. */
  readonly fetch?: typeof fetch;
}

/** A model folder served over HTTP(S) from a base URL (`https://host/models/bert/`). */
export function urlModelSource(baseUrl: string | URL, options: UrlModelSourceOptions = {}): ModelSource {
  const base = new URL(
    String(baseUrl).endsWith("/") ? String(baseUrl) : `${String(baseUrl)}/`,
    globalThis.location?.href,
  );
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const url = (path: string) => new URL(path, base).href;
  return {
    describe: url,
    exists: async (path, signal) => {
      try {
        const head = await doFetch(url(path), { method: "HEAD", signal: signal ?? null });
        if (head.status !== 405) return head.ok;
        // Some static hosts refuse HEAD; a GET whose body is not read costs one round trip too.
        const get = await doFetch(url(path), { signal: signal ?? null });
        await get.body?.cancel();
        return get.ok;
      } catch {
        if (signal?.aborted) throw new AbortedError();
        return false;
      }
    },
    read: async (path, signal) => {
      let response: Response;
      try {
        response = await doFetch(url(path), { signal: signal ?? null });
      } catch (error) {
        if (signal?.aborted) throw new AbortedError();
        throw new ModelFileMissingError(path, url(path), { cause: error });
      }
      if (!response.ok) throw new ModelFileMissingError(path, `${url(path)} (HTTP ${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
