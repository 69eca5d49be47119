/** GPT-2's end-of-text token, the decoder's BOS, EOS and padding. */
export const EOS_TOKEN = "<|endoftext|>";

// GPT-2's pre-tokenization pattern, as @huggingface/tokenizers' ByteLevel pre-tokenizer applies it.
const GPT2_PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** GPT-2's byte to printable-character table, the alphabet of byte-level BPE vocabularies. */
export function bytesToUnicode(): string[] {
  const printable = (b: number) => (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
  const table: string[] = [];
  let n = 0;
  for (let b = 0; b < 256; b++) table.push(printable(b) ? String.fromCharCode(b) : String.fromCharCode(256 + n++));
  return table;
}

/**
 * Learns `merges` byte-level BPE merges from `text` (GPT-2's procedure: count adjacent symbol pairs over the
 * pre-tokenized words, merge the most frequent, repeat; ties go to the pair that sorts first, so it is
 * deterministic). Returns the merges in rank order as `"left right"`.
 */
export function learnMerges(text: string, merges: number): string[] {
  const table = bytesToUnicode();
  const encoder = new TextEncoder();
  const counts = new Map<string, number>();
  for (const word of text.match(GPT2_PATTERN) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const words = [...counts.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([word, count]) => ({ symbols: [...encoder.encode(word)].map((b) => table[b]!), count }));
  const out: string[] = [];
  for (let m = 0; m < merges; m++) {
    const pairs = new Map<string, number>();
    for (const w of words) {
      for (let i = 0; i + 1 < w.symbols.length; i++) {
        const key = `${w.symbols[i]} ${w.symbols[i + 1]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + w.count);
      }
    }
    let best: string | undefined;
    let bestCount = 0;
    for (const [key, count] of pairs) {
      if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
        best = key;
        bestCount = count;
      }
    }
    if (best === undefined || bestCount < 2) break;
    out.push(best);
    const [left, right] = best.split(" ") as [string, string];
    for (const w of words) {
      const s = w.symbols;
      const next: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] === left && s[i + 1] === right) {
          next.push(left + right);
          i++;
        } else next.push(s[i]!);
      }
      w.symbols = next;
    }
  }
  return out;
}

/** A GPT-2 style byte-level BPE tokenizer.json: 256 byte tokens, then one token per merge, then EOS. */
export function byteLevelTokenizerJson(merges: readonly string[]): { json: object; vocabSize: number; eosId: number } {
  const vocab: Record<string, number> = {};
  let size = 0;
  for (const ch of bytesToUnicode()) vocab[ch] = size++;
  for (const merge of merges) {
    const token = merge.replace(" ", "");
    if (!Object.hasOwn(vocab, token)) vocab[token] = size++;
  }
  const eosId = size++;
  vocab[EOS_TOKEN] = eosId;
  const json = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [
      {
        id: eosId,
        content: EOS_TOKEN,
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: true,
        special: true,
      },
    ],
    normalizer: null,
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: { type: "ByteLevel", add_prefix_space: true, trim_offsets: false, use_regex: true },
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: "",
      end_of_word_suffix: "",
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges,
    },
  };
  return { json, vocabSize: size, eosId };
}
