import { canonicalKey, placeholderRegex } from "./placeholder-pattern";
import type { Vault } from "./vault";

interface CachedPattern {
  /** The vault's size when the regex was built: the vault only grows, so a new size means new types may exist. */
  readonly size: number;
  readonly regex: RegExp | null;
}

// Building the placeholder regex costs more than running it on a short answer, and restoreStream calls restore once
// per chunk: keep one per vault, weakly, so a dropped vault takes its regex with it.
const patterns = new WeakMap<Vault, CachedPattern>();

function patternFor(vault: Vault): RegExp | null {
  const cached = patterns.get(vault);
  if (cached && cached.size === vault.size) return cached.regex;
  const regex = placeholderRegex(vault.types);
  patterns.set(vault, { size: vault.size, regex });
  return regex;
}

/** Options of {@link restore}. */
export interface RestoreOptions {
  /** Applied to each value before it is put back, e.g. JSON string escaping inside a model's tool-call arguments. */
  readonly encode?: (value: string) => string;
}

/**
 * Puts the original values back where a model echoed placeholders. Unknown placeholders (`[PERSON_9]` when the
 * vault has no such key) stay visible as they were, so a reader sees that something was redacted.
 */
export function restore(text: string, vault: Vault, options: RestoreOptions = {}): string {
  return restoreFrom(text, 0, vault, options);
}

/**
 * {@link restore} of `text.slice(start)`, with `text.slice(0, start)` as context only: what was already emitted
 * before a stream's chunk. A bare `PERSON_1` must not follow a letter or digit, and the stream's earlier text is what
 * tells (`0PERSON_1` stays as it is however the stream was cut).
 */
export function restoreFrom(text: string, start: number, vault: Vault, options: RestoreOptions = {}): string {
  const regex = patternFor(vault);
  if (!regex) return text.slice(start);
  const encode = options.encode;
  let out = "";
  let at = start;
  // The regex is shared per vault: exec from `start` (lookbehind still sees the context), and reset it after.
  regex.lastIndex = start;
  try {
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const type = m[1] ?? m[3];
      const n = m[2] ?? m[4];
      const value = type === undefined || n === undefined ? undefined : vault.valueOf(canonicalKey(type, n));
      if (value === undefined) continue;
      out += text.slice(at, m.index) + (encode ? encode(value) : value);
      at = m.index + m[0].length;
    }
  } finally {
    regex.lastIndex = 0;
  }
  return out + text.slice(at);
}
