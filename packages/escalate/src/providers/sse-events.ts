import { createParser, type EventSourceMessage } from "eventsource-parser";
import { AbortedError } from "../errors/aborted-error";
import { TimeoutError } from "../errors/timeout-error";

/**
 * The server-sent events of a response body, parsed by eventsource-parser. UTF-8 is decoded in streaming mode, so
 * a code point split across TCP reads comes out whole. Throws {@link TimeoutError} if no bytes arrive for
 * `idleTimeoutMs` (a stalled stream), {@link AbortedError} when the signal fires.
 */
export async function* sseEvents(
  body: ReadableStream<Uint8Array>,
  options: { idleTimeoutMs: number; signal?: AbortSignal; provider: string },
): AsyncGenerator<EventSourceMessage, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => queue.push(event) });
  const { signal } = options;
  let aborted: (() => void) | undefined;
  const abortPromise = new Promise<never>((_, reject) => {
    aborted = () => reject(new AbortedError("The stream was aborted by its AbortSignal.", { cause: signal?.reason }));
    signal?.addEventListener("abort", aborted, { once: true });
  });
  // The race below may leave this promise unobserved when the stream ends normally.
  abortPromise.catch(() => undefined);
  try {
    for (;;) {
      if (signal?.aborted) throw new AbortedError("The stream was aborted by its AbortSignal.");
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new TimeoutError(
                `${options.provider} stalled: no bytes for ${options.idleTimeoutMs} ms mid-stream. Try again or raise idleTimeoutMs.`,
              ),
            ),
          options.idleTimeoutMs,
        );
      });
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await Promise.race([reader.read(), idle, abortPromise]);
      } finally {
        clearTimeout(timer);
      }
      if (chunk.done) {
        parser.feed(decoder.decode());
        parser.feed("\n\n");
        yield* queue.splice(0);
        return;
      }
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      yield* queue.splice(0);
    }
  } finally {
    if (aborted) signal?.removeEventListener("abort", aborted);
    reader.cancel().catch(() => undefined);
  }
}
