import type { TensorMap } from "@hearth/runtime";
import { featurize, softmax, triageBatch } from "@hearth/zoo";
import type { SpamScorer } from "./spam-scorer";

// One model run per this many messages: padding to the longest keeps batches of similar cost.
const BATCH = 16;

/**
 * What runs the model: a runtime session in this thread, or one in an isolated worker (`ModelWorker.session`).
 */
export interface TensorRunner {
  run(feeds: TensorMap): Promise<TensorMap>;
}

/**
 * hearth/email-triage on a runtime session (any platform, in process or in a worker): the zoo's `featurize` turns each `subject + "\n" +
 * body` into hashed word and pair ids, `triageBatch` pads a batch, and the logits' softmax gives P(spam).
 */
export function modelSpamScorer(session: TensorRunner): SpamScorer {
  return {
    engine: "model",
    async score(texts, signal) {
      const scores: number[] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        if (signal?.aborted) throw signal.reason;
        const batch = triageBatch(texts.slice(i, i + BATCH).map((t) => featurize(t)));
        const out = await session.run({
          input_ids: { type: "int64", data: batch.inputIds, dims: batch.dims },
          attention_mask: { type: "int64", data: batch.attentionMask, dims: batch.dims },
        });
        const logits = out.logits ?? Object.values(out)[0];
        if (!logits) throw new TypeError("hearth/email-triage returned no logits.");
        for (let row = 0; row < batch.dims[0]; row++) {
          const pair = Array.from(logits.data.slice(row * 2, row * 2 + 2) as Float32Array);
          scores.push(softmax(pair)[1] ?? 0);
        }
      }
      return scores;
    },
  };
}
