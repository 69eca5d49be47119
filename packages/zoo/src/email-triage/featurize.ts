import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { fnv1a32 } from "./fnv1a";

/**
 * The hashing rule of hearth/email-triage, stored in its config.json (`hearth_featurizer`) so any runtime can
 * reproduce the ids. A tokenizer.json cannot express it: it has no way to send an unknown word or a word pair to a
 * hash bucket.
 */
export interface TriageFeaturizer {
  readonly type: "hashed-ngrams";
  readonly hash: "fnv1a32";
  /** Number of hash buckets: ids are `fnv1a32(gram) % buckets`. */
  readonly buckets: number;
  /** 2: word unigrams and bigrams (`"w1 w2"`, one space). */
  readonly ngrams: 1 | 2;
  /** Only the first this many words count, so a huge message costs no more than a long one. */
  readonly maxWords: number;
  /** Words are matches of this regular expression (flags `gu`) in the lowercased text. */
  readonly wordPattern: string;
  /** The gram hashed when a text has no words at all, so the model always gets one id. */
  readonly emptyGram: string;
}

/** The featurizer hearth/email-triage was trained with. */
export const TRIAGE_FEATURIZER: TriageFeaturizer = {
  type: "hashed-ngrams",
  hash: "fnv1a32",
  buckets: 65_536,
  ngrams: 2,
  maxWords: 1000,
  wordPattern: "[\\p{L}\\p{N}]+|[$!%]",
  emptyGram: "<empty>",
};

/**
 * The model input ids of one text for hearth/email-triage: hashed word unigrams, each followed by the bigram it
 * ends (fastText's order). Pass `subject + "\n" + body` (see {@link messageText} for raw RFC 822 messages).
 */
export function featurize(text: string, featurizer: TriageFeaturizer = TRIAGE_FEATURIZER): Int32Array {
  if (featurizer.type !== "hashed-ngrams" || featurizer.hash !== "fnv1a32") {
    throw new InvalidArgumentError(`Featurizer ${featurizer.type}/${featurizer.hash} is not one this package runs.`);
  }
  const { buckets, ngrams, maxWords } = featurizer;
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > 2 ** 31) {
    throw new InvalidArgumentError(`Featurizer buckets must be an integer in 1..2^31, not ${buckets}.`);
  }
  const words = (text.toLowerCase().match(new RegExp(featurizer.wordPattern, "gu")) ?? []).slice(0, maxWords);
  if (words.length === 0) return Int32Array.of(fnv1a32(featurizer.emptyGram) % buckets);
  const ids = new Int32Array(ngrams === 2 ? words.length * 2 - 1 : words.length);
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    ids[n++] = fnv1a32(words[i]!) % buckets;
    if (ngrams === 2 && i > 0) ids[n++] = fnv1a32(`${words[i - 1]!} ${words[i]!}`) % buckets;
  }
  return ids;
}
