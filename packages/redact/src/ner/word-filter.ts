/**
 * A bit array in front of a large set of words. Most words a message holds are in none of the name and place lists,
 * and a few kilobytes of bits answer "not here" from the processor's cache, where the set's own table, spread over
 * megabytes, costs a cache miss or three per lookup. Exact: a word the bits let through is looked up in the set.
 */
export class WordFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  /** `expected`: about how many words will be added (eight bits each, two per word: about 2% let through). */
  constructor(expected: number) {
    let size = 1 << 10;
    while (size < expected * 8) size <<= 1;
    this.bits = new Int32Array(size >>> 5);
    this.mask = size - 1;
  }

  add(word: string): void {
    const h = hash(word);
    this.set(h & this.mask);
    this.set(second(h) & this.mask);
  }

  /** False when `word` was never added; true when it may have been. */
  mayHave(word: string): boolean {
    const h = hash(word);
    return this.get(h & this.mask) && this.get(second(h) & this.mask);
  }

  private set(bit: number): void {
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  private get(bit: number): boolean {
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

// FNV-1a over UTF-16 units.
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function second(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 7;
}

/** A read-only set whose `has` asks a {@link WordFilter} first: for the large word lists of the name pass. */
export function filteredSet(words: Iterable<string>): ReadonlySet<string> {
  const set = new Set(words);
  const filter = new WordFilter(set.size);
  for (const w of set) filter.add(w);
  return new FilteredSet(set, filter);
}

class FilteredSet implements ReadonlySet<string> {
  constructor(
    private readonly set: ReadonlySet<string>,
    private readonly filter: WordFilter,
  ) {}

  has(word: string): boolean {
    return this.filter.mayHave(word) && this.set.has(word);
  }

  get size(): number {
    return this.set.size;
  }

  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const w of this.set) fn.call(thisArg, w, w, this);
  }

  entries(): SetIterator<[string, string]> {
    return this.set.entries();
  }

  keys(): SetIterator<string> {
    return this.set.keys();
  }

  values(): SetIterator<string> {
    return this.set.values();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.set[Symbol.iterator]();
  }
}
