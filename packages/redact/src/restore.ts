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

/**
 * Puts the original values back where a model echoed placeholders. Unknown placeholders (`[PERSON_9]` when the
 * vault has no such key) stay visible as they were, so a reader sees that something was redacted.
 */
export function restore(text: string, vault: Vault): string {
  const regex = patternFor(vault);
  if (!regex) return text;
  // `replace` with a global regex starts at 0 and leaves lastIndex at 0, so sharing one instance is safe.
  return text.replace(regex, (match, t1?: string, n1?: string, t2?: string, n2?: string) => {
    const type = t1 ?? t2;
    const n = n1 ?? n2;
    if (type === undefined || n === undefined) return match;
    return vault.valueOf(canonicalKey(type, n)) ?? match;
  });
}
