import type { TextEncoding, TextTokenizer } from "./text-tokenizer";

/** A token's place in the original string, as UTF-16 indexes: `text.slice(start, end)`. */
export interface TokenSpan {
  readonly start: number;
  readonly end: number;
}

// A loose comparison key: what survives lowercasing and accent stripping, so a token ("jose") finds its text
// ("José", "Jose\u0301") whatever the tokenizer's normalizer did to it.
const fold = (s: string): string => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

// Folding runs the tokenizer's normalizer, which is slow per call, on every character of every text: the result for
// a piece (a character, or a token's surface) never changes for a given tokenizer, so it is remembered, up to a bound.
const foldCaches = new WeakMap<TextTokenizer, Map<string, string>>();
const FOLD_CACHE_LIMIT = 50_000;
function foldFor(tokenizer: TextTokenizer, piece: string): string {
  let cache = foldCaches.get(tokenizer);
  if (!cache) {
    cache = new Map();
    foldCaches.set(tokenizer, cache);
  }
  let folded = cache.get(piece);
  if (folded === undefined) {
    folded = fold(tokenizer.normalize(piece));
    if (cache.size >= FOLD_CACHE_LIMIT) cache.clear();
    cache.set(piece, folded);
  }
  return folded;
}
const isSpace = (ch: string): boolean => /\s/u.test(ch);
const isPunctuation = (ch: string): boolean => /[\p{P}!-/:-@[-`{-~]/u.test(ch);

/**
 * Where each token of `encoding` sits in `text` (null for special tokens and anything that cannot be placed).
 * @huggingface/tokenizers returns no offsets, so they are recovered by alignment: byte-level vocabularies line up
 * byte for byte with the UTF-8 text; others are matched on a folded copy of the text that remembers, for every
 * character, which original characters produced it (so combining marks and emoji stay whole). Spans never cut a
 * grapheme cluster.
 */
export function tokenOffsets(text: string, encoding: TextEncoding, tokenizer: TextTokenizer): (TokenSpan | null)[] {
  const spans = tokenizer.byteLevel
    ? byteLevelOffsets(text, encoding, tokenizer)
    : foldedOffsets(text, encoding, tokenizer);
  return snapToGraphemes(text, spans);
}

function byteLevelOffsets(text: string, encoding: TextEncoding, tokenizer: TextTokenizer): (TokenSpan | null)[] {
  const bytes = new TextEncoder().encode(text);
  // For every byte, the UTF-16 range of the code point it belongs to.
  const charStart = new Int32Array(bytes.length);
  const charEnd = new Int32Array(bytes.length);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++, b++) {
      charStart[b] = i;
      charEnd[b] = i + units;
    }
    i += units;
  }
  let pos = 0;
  return encoding.ids.map((id) => {
    let tb = tokenizer.tokenBytes(id);
    if (!tb || tb.length === 0) return null;
    let at = indexOfBytes(bytes, tb, pos);
    // add_prefix_space puts a space before the first word that the text does not have.
    if (at !== pos && tb[0] === 0x20) {
      const trimmed = tb.subarray(1);
      const at2 = trimmed.length > 0 ? indexOfBytes(bytes, trimmed, pos) : -1;
      if (at2 === pos || (at === -1 && at2 !== -1)) {
        tb = trimmed;
        at = at2;
      }
    }
    if (at === -1) return null;
    pos = at + tb.length;
    return { start: charStart[at]!, end: charEnd[pos - 1]! };
  });
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function foldedOffsets(text: string, encoding: TextEncoding, tokenizer: TextTokenizer): (TokenSpan | null)[] {
  // The folded text, one entry per UTF-16 unit, each with the original range it came from.
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const piece = foldFor(tokenizer, text.slice(i, i + units));
    if (piece === "") {
      // Marks, joiners and control characters vanish in the folded text: they belong to the character before.
      if (to.length > 0) to[to.length - 1] = i + units;
    } else {
      for (let k = 0; k < piece.length; k++) {
        from.push(i);
        to.push(i + units);
      }
      folded += piece;
    }
    i += units;
  }
  const prefix = tokenizer.continuingSubwordPrefix;
  let pos = 0;
  return encoding.ids.map((id, index) => {
    if (tokenizer.specialIds.has(id) && encoding.tokens[index] !== tokenizer.unkToken) return null;
    const token = encoding.tokens[index] ?? "";
    if (token === tokenizer.unkToken) {
      // An unknown token stands for a whole word: up to the next space or punctuation.
      while (pos < folded.length && isSpace(folded[pos]!)) pos++;
      if (pos >= folded.length) return null;
      const start = pos;
      pos++;
      while (pos < folded.length && !isSpace(folded[pos]!) && !isPunctuation(folded[pos]!)) pos++;
      return { start: from[start]!, end: to[pos - 1]! };
    }
    let surface = prefix && token.startsWith(prefix) ? token.slice(prefix.length) : token;
    surface = surface.replaceAll("\u2581", " ");
    const key = foldFor(tokenizer, surface).trim();
    if (key === "") return null;
    const at = folded.indexOf(key, pos);
    if (at === -1) return null;
    pos = at + key.length;
    return { start: from[at]!, end: to[pos - 1]! };
  });
}

// Creating a segmenter costs more than segmenting a sentence: one serves every call.
let segmenterInstance: Intl.Segmenter | null | undefined;
function graphemeSegmenter(): Intl.Segmenter | null {
  if (segmenterInstance === undefined) {
    const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
    segmenterInstance = Segmenter ? new Segmenter(undefined, { granularity: "grapheme" }) : null;
  }
  return segmenterInstance;
}

/** Widens spans so none starts or ends inside a grapheme cluster (an emoji sequence, a letter and its marks). */
function snapToGraphemes(text: string, spans: (TokenSpan | null)[]): (TokenSpan | null)[] {
  const segmenter = graphemeSegmenter();
  if (!segmenter) return spans;
  // containing() asks the break iterator about one position, so only the span edges are looked at, not the whole text.
  const segments = segmenter.segment(text);
  const down = (i: number): number => (i >= text.length ? text.length : (segments.containing(i)?.index ?? i));
  const up = (i: number): number => {
    if (i >= text.length) return text.length;
    const s = segments.containing(i);
    return !s || s.index === i ? i : s.index + s.segment.length;
  };
  return spans.map((s) => (s ? { start: down(s.start), end: up(s.end) } : null));
}
