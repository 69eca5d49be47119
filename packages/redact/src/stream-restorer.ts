import { type RestoreOptions, restoreFrom } from "./restore";
import type { Vault } from "./vault";

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/**
 * Whether `s` could still grow into a placeholder of one of `types` but is not one yet, so it must wait for the
 * next chunk. Mirrors {@link placeholderRegex}'s grammar.
 */
export function isOpenPlaceholder(s: string, types: readonly string[]): boolean {
  const bracket = s[0] === "[";
  let r = bracket ? s.slice(1) : s;
  if (bracket && r.startsWith(" ")) r = r.slice(1);
  const m = /^([A-Za-z]{1,40}(?:[ _-][A-Za-z]{1,40}){0,5})?([ _-])?(\d{0,9})( ?)$/.exec(r);
  if (!m) return false;
  const name = m[1] ?? "";
  const sep = m[2];
  const digits = m[3] ?? "";
  const space = m[4] ?? "";
  if (!bracket && (name === "" || name !== name.toUpperCase() || /[ -]/.test(name) || (sep && sep !== "_") || space)) {
    return false;
  }
  const norm = name.toUpperCase().replace(/[ -]/g, "_");
  if (digits === "") {
    if (space) return false;
    const probe = sep ? `${norm}_` : norm;
    return types.some((t) => `${t}_`.startsWith(probe));
  }
  if (!types.includes(norm)) return false;
  return bracket || sep === "_";
}

/** Where to cut `pending`: everything before the returned index is safe to restore and emit now. */
function holdFrom(pending: string, before: string | undefined, types: readonly string[], maxLen: number): number {
  if (types.length > 0) {
    for (let p = Math.max(0, pending.length - maxLen); p < pending.length; p++) {
      const ch = pending[p] as string;
      const prev = p === 0 ? before : pending[p - 1];
      if (ch !== "[" && !(ch >= "A" && ch <= "Z" && !isWordChar(prev))) continue;
      if (isOpenPlaceholder(pending.slice(p), types)) return p;
    }
  }
  const last = pending.charCodeAt(pending.length - 1);
  // A high surrogate waits for its low half.
  return last >= 0xd800 && last <= 0xdbff ? pending.length - 1 : pending.length;
}

/** Incremental restore of one streamed text: feed deltas in order, then flush what was held back. */
export interface StreamRestorer {
  /** Restored text that is safe to show now; a possible placeholder prefix at the end is held back. */
  push(delta: string): string;
  /** Whatever was held back, restored where it is a whole placeholder and verbatim otherwise. */
  flush(): string;
}

/**
 * A synchronous restorer for one streamed text (what {@link restoreStream} runs on, and what a caller interleaving
 * several streams needs): text is emitted as soon as it cannot be the start of a placeholder; only a possible
 * placeholder prefix at the end waits, so placeholders split across deltas come out whole. The concatenated output
 * equals `restore(wholeText, vault, options)`. Placeholders the vault gains mid-stream are restored too.
 */
export function createStreamRestorer(vault: Vault, options: RestoreOptions = {}): StreamRestorer {
  let pending = "";
  // The vault's types and longest placeholder, read again only if the vault grew mid-stream.
  let size = -1;
  let types: string[] = [];
  let maxLen = 0;
  // The last two UTF-16 units emitted (one code point, even outside the BMP): a placeholder's lookbehind context.
  let before = "";
  const emit = (cut: number) => {
    const text = before + pending.slice(0, cut);
    const out = restoreFrom(text, before.length, vault, options);
    before = text.slice(-2);
    pending = pending.slice(cut);
    return out;
  };
  return {
    push(delta) {
      pending += delta;
      if (vault.size !== size) {
        size = vault.size;
        types = vault.types;
        maxLen = Math.max(0, ...types.map((t) => t.length)) + 14;
      }
      const cut = holdFrom(pending, before.at(-1), types, maxLen);
      return cut === 0 ? "" : emit(cut);
    },
    flush() {
      return emit(pending.length);
    },
  };
}
