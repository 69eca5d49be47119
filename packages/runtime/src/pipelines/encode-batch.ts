import type { TensorMap } from "../spec/tensor";
import type { TextEncoding, TextTokenizer } from "../tokenization/text-tokenizer";

/** Texts tokenized, truncated and right-padded into one batch of model inputs. */
export interface EncodedBatch {
  readonly feeds: TensorMap;
  readonly encodings: readonly TextEncoding[];
  /** Batch size and padded sequence length. */
  readonly batch: number;
  readonly sequenceLength: number;
}

/**
 * Encodes `texts` with special tokens and pads them to the longest (with the tokenizer's pad id and a zero
 * attention mask), so one run serves the whole batch. Only the inputs the model declares are fed.
 */
export function encodeBatch(
  tokenizer: TextTokenizer,
  texts: readonly string[],
  inputNames: readonly string[],
  maxLength?: number,
): EncodedBatch {
  const encodings = texts.map((t) => truncate(tokenizer.encode(t), maxLength));
  let sequenceLength = 1;
  for (const e of encodings) if (e.ids.length > sequenceLength) sequenceLength = e.ids.length;
  const batch = texts.length;
  const size = batch * sequenceLength;
  const dims = [batch, sequenceLength];
  // Typed arrays filled in place: a zero-filled BigInt64Array is already the padding of the mask and type ids.
  const ids = new BigInt64Array(size);
  const padId = BigInt(tokenizer.padId);
  if (padId !== 0n) ids.fill(padId);
  const feeds: TensorMap = { input_ids: { type: "int64", data: ids, dims } };
  const mask = inputNames.includes("attention_mask") ? new BigInt64Array(size) : undefined;
  const types = inputNames.includes("token_type_ids") ? new BigInt64Array(size) : undefined;
  for (let r = 0; r < batch; r++) {
    const e = encodings[r]!;
    const base = r * sequenceLength;
    for (let i = 0; i < e.ids.length; i++) {
      ids[base + i] = BigInt(e.ids[i]!);
      if (mask) mask[base + i] = 1n;
      if (types) {
        const t = e.typeIds[i];
        if (t) types[base + i] = BigInt(t);
      }
    }
  }
  if (mask) feeds.attention_mask = { type: "int64", data: mask, dims };
  if (types) feeds.token_type_ids = { type: "int64", data: types, dims };
  if (inputNames.includes("position_ids")) {
    const positions = new BigInt64Array(size);
    for (let i = 0; i < size; i++) positions[i] = BigInt(i % sequenceLength);
    feeds.position_ids = { type: "int64", data: positions, dims };
  }
  return { feeds, encodings, batch, sequenceLength };
}

/** Cuts an encoding to `maxLength` tokens, keeping its closing special token ([SEP], </s>) when it has one. */
function truncate(e: TextEncoding, maxLength: number | undefined): TextEncoding {
  if (maxLength === undefined || e.ids.length <= maxLength) return e;
  const keepLast = e.tokens.at(-1)?.startsWith("[") || e.tokens.at(-1)?.startsWith("<");
  const cut = keepLast ? maxLength - 1 : maxLength;
  const pick = <T>(xs: readonly T[]): T[] => (keepLast ? [...xs.slice(0, cut), xs.at(-1)!] : xs.slice(0, cut));
  return { ids: pick(e.ids), tokens: pick(e.tokens), typeIds: pick(e.typeIds) };
}
