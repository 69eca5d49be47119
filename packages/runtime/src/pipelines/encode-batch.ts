import type { TensorMap } from "../spec/tensor";
import type { TextEncoding, TextTokenizer } from "../tokenization/text-tokenizer";
import { int64Tensor } from "./tensor-math";

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
  const sequenceLength = Math.max(1, ...encodings.map((e) => e.ids.length));
  const batch = texts.length;
  const ids: number[] = [];
  const mask: number[] = [];
  const types: number[] = [];
  const positions: number[] = [];
  for (const e of encodings) {
    for (let i = 0; i < sequenceLength; i++) {
      const real = i < e.ids.length;
      ids.push(real ? e.ids[i]! : tokenizer.padId);
      mask.push(real ? 1 : 0);
      types.push(real ? (e.typeIds[i] ?? 0) : 0);
      positions.push(i);
    }
  }
  const dims = [batch, sequenceLength];
  const feeds: TensorMap = { input_ids: int64Tensor(ids, dims) };
  if (inputNames.includes("attention_mask")) feeds.attention_mask = int64Tensor(mask, dims);
  if (inputNames.includes("token_type_ids")) feeds.token_type_ids = int64Tensor(types, dims);
  if (inputNames.includes("position_ids")) feeds.position_ids = int64Tensor(positions, dims);
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
