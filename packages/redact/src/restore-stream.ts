import { restoreFrom } from "./restore";
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
  const from = Math.max(0, pending.length - maxLen);
  for (let p = from; p < pending.length; p++) {
    const ch = pending[p]!;
    const prev = p === 0 ? before : pending[p - 1];
    if (ch !== "[" && !(ch >= "A" && ch <= "Z" && !isWordChar(prev))) continue;
    if (isOpenPlaceholder(pending.slice(p), types)) return p;
  }
  const last = pending.charCodeAt(pending.length - 1);
  // A high surrogate waits for its low half.
  return last >= 0xd800 && last <= 0xdbff ? pending.length - 1 : pending.length;
}

/**
 * {@link restore} over a stream of model output. Text is emitted as soon as it cannot be the start of a
 * placeholder; only a possible placeholder prefix at a chunk's end is held back, so placeholders split across
 * chunks come out whole, never in halves. Byte chunks are decoded as UTF-8, with sequences split across chunks
 * kept intact. The concatenated output equals `restore(wholeText, vault)`.
 */
export async function* restoreStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  vault: Vault,
): AsyncGenerator<string> {
  const types = vault.types;
  const maxLen = Math.max(0, ...types.map((t) => t.length)) + 14;
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  // The last two UTF-16 units emitted (one code point, even outside the BMP): a placeholder's lookbehind context.
  let before = "";
  for await (const chunk of chunks) {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    const cut = types.length === 0 ? pending.length : holdFrom(pending, before.at(-1), types, maxLen);
    if (cut === 0) continue;
    const emitted = before + pending.slice(0, cut);
    const out = restoreFrom(emitted, before.length, vault);
    before = emitted.slice(-2);
    pending = pending.slice(cut);
    if (out !== "") yield out;
  }
  pending += decoder.decode();
  if (pending !== "") yield restoreFrom(before + pending, before.length, vault);
}
