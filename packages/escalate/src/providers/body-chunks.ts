import { AbortedError } from "../errors/aborted-error";
import { OfflineError } from "../errors/offline-error";
import { TimeoutError } from "../errors/timeout-error";

/** How a response body is read: how long a silence may last, what stops it, and whom to name in errors. */
export interface BodyReadOptions {
  readonly idleTimeoutMs: number;
  readonly signal?: AbortSignal;
  readonly provider: string;
}

/**
 * The byte chunks of a response body, each read bounded by the idle timeout and the AbortSignal: a server that
 * sends its headers and then stalls throws {@link TimeoutError}, one that drops the connection mid-body throws
 * {@link OfflineError} (fetch's own error says only "terminated"), and the signal throws {@link AbortedError}.
 * The body is cancelled however the loop ends.
 */
export async function* bodyChunks(
  body: ReadableStream<Uint8Array>,
  options: BodyReadOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = body.getReader();
  const { signal } = options;
  let aborted: (() => void) | undefined;
  const abortPromise = new Promise<never>((_, reject) => {
    aborted = () => reject(new AbortedError("The response was aborted by its AbortSignal.", { cause: signal?.reason }));
    signal?.addEventListener("abort", aborted, { once: true });
  });
  // The race below may leave this promise unobserved when the body ends normally.
  abortPromise.catch(() => undefined);
  try {
    for (;;) {
      if (signal?.aborted) throw new AbortedError("The response was aborted by its AbortSignal.");
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new TimeoutError(
                `${options.provider} stalled: no bytes for ${options.idleTimeoutMs} ms mid-response. Try again or raise idleTimeoutMs.`,
              ),
            ),
          options.idleTimeoutMs,
        );
      });
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await Promise.race([reader.read(), idle, abortPromise]);
      } catch (error) {
        if (error instanceof TimeoutError || error instanceof AbortedError) throw error;
        if (signal?.aborted) throw new AbortedError("The response was aborted by its AbortSignal.", { cause: error });
        throw new OfflineError(`${options.provider} dropped the connection mid-response. Try again.`, {
          cause: error,
        });
      } finally {
        clearTimeout(timer);
      }
      if (chunk.done) return;
      yield chunk.value;
    }
  } finally {
    if (aborted) signal?.removeEventListener("abort", aborted);
    reader.cancel().catch(() => undefined);
  }
}
