import { AbortedError } from "../errors/aborted-error";
import { HttpError } from "../errors/http-error";
import { IntegrityError } from "../errors/integrity-error";
import { NetworkError } from "../errors/network-error";
import type { Hasher, HasherFactory } from "../spec/hasher";
import type { ManifestFile } from "../spec/manifest";
import type { FileBody } from "../spec/model-source";
import { backoffDelay, sleep } from "./backoff";
import type { PartialFile } from "./partial-file";

/** Everything one file's download needs. */
export interface DownloadFileOptions {
  readonly file: ManifestFile;
  /** A label for messages, e.g. `owner/name@rev onnx/model.onnx`. */
  readonly label: string;
  readonly open: (offset: number, signal: AbortSignal) => Promise<FileBody>;
  readonly partial: PartialFile;
  readonly hasher: HasherFactory;
  readonly retries?: number;
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly stallTimeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Bytes of this file present now (resumed bytes count). */
  readonly onBytes?: (loaded: number) => void;
  readonly random?: () => number;
}

/** The stall timer's reason, so a stall can be told from the caller's abort. */
class Stalled extends Error {}

const retryable = (e: unknown): boolean =>
  (e instanceof NetworkError && e.retryable) || (e instanceof HttpError && e.retryable) || e instanceof Stalled;

/**
 * Downloads one file into `partial` while hashing it, resuming from what is already there (HTTP Range), retrying
 * network errors, stalls and 5xx with backoff and jitter, and commits only bytes whose size and SHA-256 match the
 * manifest. Wrong bytes are discarded and raise {@link IntegrityError}; an answer that is not the file raises
 * {@link HttpError}. On abort or exhausted retries the partial bytes stay, for the next attempt to resume.
 */
export async function downloadFile(o: DownloadFileOptions): Promise<void> {
  const { file, partial, label } = o;
  const retries = o.retries ?? 5;
  const stallMs = o.stallTimeoutMs ?? 30_000;
  let attempt = 0;
  let restarted = false;
  for (;;) {
    if (o.signal?.aborted) throw new AbortedError(`Download of ${label} was aborted; the next pull resumes it.`);
    let have = await partial.size();
    if (have > file.size) {
      await partial.reset();
      have = 0;
    }
    const state = { hasher: o.hasher() };
    if (have > 0) await partial.rehash(state.hasher, o.signal);
    const resumedFrom = have;
    o.onBytes?.(have);
    try {
      if (have < file.size) have = await receive(o, have, stallMs, state);
      const digest = await state.hasher.digestHex();
      if (digest !== file.sha256) {
        await partial.discard();
        // Bytes kept from an earlier run may come from an older copy of the file: start over once from zero.
        if (resumedFrom > 0 && !restarted) {
          restarted = true;
          continue;
        }
        throw new IntegrityError(
          `${label}: SHA-256 ${digest} does not match the manifest's ${file.sha256}; the bytes were discarded. The source serves a different file than the manifest names: check the source or the manifest.`,
        );
      }
      await partial.commit();
      return;
    } catch (e) {
      if (o.signal?.aborted)
        throw new AbortedError(`Download of ${label} was aborted; the next pull resumes it.`, { cause: e });
      if (e instanceof HttpError && e.status === 416 && attempt < retries) {
        // The server cannot serve from where the partial file ends: it is not a prefix of this file.
        await partial.reset();
        attempt++;
        continue;
      }
      if (!retryable(e) || attempt >= retries) {
        if (e instanceof IntegrityError || (e instanceof HttpError && !e.retryable)) await partial.discard();
        if (e instanceof Stalled) {
          throw new NetworkError(
            `${label}: no byte arrived for ${stallMs} ms, ${attempt + 1} times; what was received is kept and the next pull resumes it.`,
            {
              cause: e,
            },
          );
        }
        if (e instanceof NetworkError && attempt > 0) {
          throw new NetworkError(
            `${e.message} (after ${attempt + 1} attempts; the next pull resumes from what was received)`,
            { cause: e },
          );
        }
        throw e;
      }
      attempt++;
      await sleep(backoffDelay(attempt - 1, o.backoffMs ?? 500, o.maxBackoffMs ?? 15_000, o.random), o.signal);
    }
  }
}

/** One request: streams from `have` to the end of the file into the partial file; returns the bytes present after. */
async function receive(
  o: DownloadFileOptions,
  start: number,
  stallMs: number,
  state: { hasher: Hasher },
): Promise<number> {
  const { file, partial, label } = o;
  const stall = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stall.signal]) : stall.signal;
  // One timer checks the time of the last byte, rather than a timer reset per chunk.
  let lastByte = Date.now();
  const arm = () => {
    lastByte = Date.now();
  };
  const timer = setInterval(
    () => {
      if (Date.now() - lastByte >= stallMs) stall.abort(new Stalled(`${label} stalled`));
    },
    Math.max(10, Math.min(1000, stallMs / 4)),
  );
  let have = start;
  let body: FileBody | undefined;
  try {
    body = await o.open(have, signal);
    if (body.offset !== have) {
      // The server ignored the Range and sends the whole file: start the partial file over.
      await partial.reset();
      state.hasher = o.hasher();
      have = 0;
      o.onBytes?.(0);
    }
    if (body.length !== undefined && body.offset + body.length !== file.size) {
      body.cancel();
      throw new IntegrityError(
        `${label}: the server sends ${body.offset + body.length} bytes, the manifest says ${file.size}; nothing was cached. The source serves a different file than the manifest names.`,
      );
    }
    for await (const chunk of body.chunks) {
      arm();
      if (have + chunk.byteLength > file.size) {
        body.cancel();
        throw new IntegrityError(
          `${label}: the server sent more than the ${file.size} bytes the manifest says; nothing was cached.`,
        );
      }
      state.hasher.update(chunk);
      await partial.append(chunk);
      // Time spent writing is not the network's: a slow disk must not pass for a stalled server.
      arm();
      have += chunk.byteLength;
      o.onBytes?.(have);
    }
    if (have < file.size) throw new NetworkError(`${label}: the connection ended at byte ${have} of ${file.size}.`);
    return have;
  } catch (e) {
    body?.cancel();
    // Closing keeps what arrived for the next attempt. A success skips it: commit writes the bytes once, directly.
    await partial.close?.().catch(() => {});
    if (stall.signal.aborted && !o.signal?.aborted) throw new Stalled(`${label}: no data for ${stallMs} ms`);
    if (e instanceof IntegrityError || e instanceof HttpError || e instanceof NetworkError || e instanceof AbortedError)
      throw e;
    if (o.signal?.aborted) throw new AbortedError(undefined, { cause: e });
    throw new NetworkError(
      `${label}: the connection failed at byte ${have} of ${file.size}: ${(e as Error).message ?? String(e)}.`,
      { cause: e },
    );
  } finally {
    clearInterval(timer);
  }
}
