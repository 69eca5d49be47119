/** The special tokens of hearth/glove-sif, at ids 0 and 1. */
export const PAD_TOKEN = "[PAD]";
export const UNK_TOKEN = "[UNK]";

// @huggingface/tokenizers' BertPreTokenizer: runs of non-space non-punctuation, or one punctuation character.
const PUNCTUATION = "\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E";
const ONE_PRETOKEN = new RegExp(`^(?:[^\\s${PUNCTUATION}]+|[${PUNCTUATION}])$`, "u");

/** Whether the tokenizer can ever produce `word` as one token (GloVe has `n't`, `u.s.`: these it cannot). */
export function isSinglePretoken(word: string): boolean {
  return ONE_PRETOKEN.test(word) && word === word.toLowerCase();
}

/**
 * A Hugging Face tokenizer.json: lowercase, BERT pre-tokenization (split on spaces and punctuation), WordLevel over
 * `words` after [PAD] and [UNK]; no special tokens are added around a text.
 */
export function gloveTokenizerJson(words: readonly string[]): object {
  const vocab: Record<string, number> = { [PAD_TOKEN]: 0, [UNK_TOKEN]: 1 };
  words.forEach((w, i) => {
    vocab[w] = i + 2;
  });
  const special = (id: number, content: string) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [special(0, PAD_TOKEN), special(1, UNK_TOKEN)],
    normalizer: { type: "Lowercase" },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: null,
    decoder: null,
    model: { type: "WordLevel", vocab, unk_token: UNK_TOKEN },
  };
}

/** tokenizer_config.json for {@link gloveTokenizerJson}. */
export function gloveTokenizerConfig(): object {
  return {
    tokenizer_class: "PreTrainedTokenizerFast",
    do_lower_case: true,
    model_max_length: 512,
    pad_token: PAD_TOKEN,
    unk_token: UNK_TOKEN,
    clean_up_tokenization_spaces: false,
  };
}
