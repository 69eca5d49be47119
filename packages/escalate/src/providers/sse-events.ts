import { createParser, type EventSourceMessage } from "eventsource-parser";
import { type BodyReadOptions, bodyChunks } from "./body-chunks";

/**
 * The server-sent events of a response body, parsed by eventsource-parser. UTF-8 is decoded in streaming mode, so
 * a code point split across TCP reads comes out whole. The body is read by {@link bodyChunks}: a stall throws
 * `TimeoutError`, a dropped connection `OfflineError`, the signal `AbortedError`.
 */
export async function* sseEvents(
  body: ReadableStream<Uint8Array>,
  options: BodyReadOptions,
): AsyncGenerator<EventSourceMessage, void, undefined> {
  const decoder = new TextDecoder("utf-8");
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => queue.push(event) });
  for await (const chunk of bodyChunks(body, options)) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    yield* queue.splice(0);
  }
  parser.feed(decoder.decode());
  // A last event without its blank line is still an event: the parser dispatches it on the blank line.
  parser.feed("\n\n");
  yield* queue.splice(0);
}
