import { createStreamRestorer } from "./stream-restorer";
import type { Vault } from "./vault";

/**
 * {@link restore} over a stream of model output. Text is emitted as soon as it cannot be the start of a
 * placeholder; only a possible placeholder prefix at a chunk's end is held back, so placeholders split across
 * chunks come out whole, never in halves. Byte chunks are decoded as UTF-8, with sequences split across chunks
 * kept intact. The concatenated output equals `restore(wholeText, vault)`.
 */
export async function* restoreStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  vault: Vault,
): AsyncGenerator<string> {
  const restorer = createStreamRestorer(vault);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const out = restorer.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    if (out !== "") yield out;
  }
  const rest = restorer.push(decoder.decode()) + restorer.flush();
  if (rest !== "") yield rest;
}
