/** Padded model inputs for a batch of featurized texts. */
export interface TriageBatch {
  /** int64 [batch, sequence], padded with 0. */
  readonly inputIds: BigInt64Array;
  /** int64 [batch, sequence]: 1 for real ids, 0 for padding. */
  readonly attentionMask: BigInt64Array;
  readonly dims: readonly [number, number];
}

/**
 * Pads featurized texts into the `input_ids` / `attention_mask` pair the ONNX model takes, so one run serves a
 * batch. The model averages only where the mask is 1, so padding never changes a text's logits.
 */
export function triageBatch(idsList: readonly ArrayLike<number>[]): TriageBatch {
  const sequence = Math.max(1, ...idsList.map((ids) => ids.length));
  const inputIds = new BigInt64Array(idsList.length * sequence);
  const attentionMask = new BigInt64Array(idsList.length * sequence);
  idsList.forEach((ids, row) => {
    for (let i = 0; i < ids.length; i++) {
      inputIds[row * sequence + i] = BigInt(ids[i]!);
      attentionMask[row * sequence + i] = 1n;
    }
  });
  return { inputIds, attentionMask, dims: [idsList.length, sequence] };
}
