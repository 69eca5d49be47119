import {
  type AnalyzerOptions,
  canonicalKey,
  createRedactor,
  isOpenPlaceholder,
  placeholderRegex,
  type Redactor,
  restore,
  Vault,
} from "@hearth/redact";
import { AbortedError } from "../errors/aborted-error";
import type { AnonymizedText, Anonymizer, RestoreOptions, StreamRestorer } from "../spec/anonymizer";

/** Options of {@link RedactAnonymizer}. */
export interface RedactAnonymizerOptions {
  /** A redactor built once for many texts (default: `createRedactor(analyzer)`). */
  readonly redactor?: Redactor;
  /** Analyzer options when no redactor is given: types, threshold, language, phone regions, allow and deny lists. */
  readonly analyzer?: AnalyzerOptions;
  /**
   * Where each conversation's vault lives. Pass a persistent store's lookup to keep placeholders stable across
   * restarts; by default vaults are kept in memory for the life of this object.
   */
  readonly vaults?: Map<string, Vault>;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

// The placeholder regex of a vault, rebuilt only when the vault grew (it never shrinks): building it costs more than
// running it on an answer, and tool arguments and streamed deltas restore many times per request.
const patterns = new WeakMap<Vault, { readonly size: number; readonly regex: RegExp | null }>();

function patternFor(vault: Vault): RegExp | null {
  const cached = patterns.get(vault);
  if (cached && cached.size === vault.size) return cached.regex;
  const regex = placeholderRegex(vault.types);
  patterns.set(vault, { size: vault.size, regex });
  return regex;
}

/**
 * Restores `text.slice(start)` with `text.slice(0, start)` as context only: what a stream already emitted. A bare
 * `PERSON_1` must not follow a letter or digit, and only the earlier text can tell (`0PERSON_1` stays as it is however
 * the stream was cut).
 */
function restoreFrom(text: string, start: number, vault: Vault, encode: (value: string) => string): string {
  const regex = patternFor(vault);
  if (!regex) return text.slice(start);
  let out = "";
  let at = start;
  // The regex is shared per vault: exec from `start` (its lookbehind still sees the context), and reset it after.
  regex.lastIndex = start;
  try {
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const type = m[1] ?? m[3];
      const n = m[2] ?? m[4];
      const value = type === undefined || n === undefined ? undefined : vault.valueOf(canonicalKey(type, n));
      if (value === undefined) continue;
      out += text.slice(at, m.index) + encode(value);
      at = m.index + m[0].length;
    }
  } finally {
    regex.lastIndex = 0;
  }
  return out + text.slice(at);
}

/**
 * The {@link Anonymizer} on `@hearth/redact`: detection and typed placeholders from its redactor, one {@link Vault}
 * per conversation (so `[PERSON_1]` names one person on every turn), restore with its tolerant placeholder grammar
 * (`[Person 1]`, `PERSON_1` come back too; unknown placeholders stay visible).
 */
export class RedactAnonymizer implements Anonymizer {
  readonly redactor: Redactor;
  private readonly vaults: Map<string, Vault>;

  constructor(options: RedactAnonymizerOptions = {}) {
    this.redactor = options.redactor ?? createRedactor(options.analyzer ?? {});
    this.vaults = options.vaults ?? new Map();
  }

  /** The conversation's vault, created on first use. It holds the personal values: store it like the data. */
  vault(conversation: string): Vault {
    let vault = this.vaults.get(conversation);
    if (!vault) {
      vault = new Vault();
      this.vaults.set(conversation, vault);
    }
    return vault;
  }

  async anonymize(text: string, conversation: string, options: { signal?: AbortSignal } = {}): Promise<AnonymizedText> {
    if (options.signal?.aborted) throw new AbortedError("Anonymization was aborted.", { cause: options.signal.reason });
    const result = this.redactor.redact(
      text,
      this.vault(conversation),
      options.signal ? { signal: options.signal } : {},
    );
    const counts = new Map<string, number>();
    for (const e of result.entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    return { text: result.text, entities: [...counts].map(([type, count]) => ({ type, count })) };
  }

  restore(text: string, conversation: string, options: RestoreOptions = {}): string {
    const vault = this.vaults.get(conversation);
    if (!vault) return text;
    if (!options.encode) return restore(text, vault);
    return restoreFrom(text, 0, vault, options.encode);
  }

  /**
   * A push/flush restorer for one streamed text: the same hold-back rule as `@hearth/redact`'s `restoreStream`
   * (only a possible placeholder prefix at the end waits), but synchronous, so deltas of interleaved blocks keep
   * their order.
   */
  restorer(conversation: string, options: RestoreOptions = {}): StreamRestorer {
    const vault = this.vault(conversation);
    let pending = "";
    // The vault's types and longest placeholder, read again only if the vault grew mid-stream.
    let size = -1;
    let types: string[] = [];
    let maxLen = 0;
    const encode = options.encode ?? ((value: string) => value);
    // The last two UTF-16 units emitted (one code point, even outside the BMP): a placeholder's lookbehind context.
    let emitted = "";
    return {
      push: (delta) => {
        pending += delta;
        if (vault.size !== size) {
          size = vault.size;
          types = vault.types;
          maxLen = Math.max(0, ...types.map((t) => t.length)) + 14;
        }
        let cut = pending.length;
        if (types.length > 0) {
          for (let p = Math.max(0, pending.length - maxLen); p < pending.length; p++) {
            const ch = pending[p] as string;
            const prev = p === 0 ? emitted.at(-1) : pending[p - 1];
            if (ch !== "[" && !(ch >= "A" && ch <= "Z" && !isWordChar(prev))) continue;
            if (isOpenPlaceholder(pending.slice(p), types)) {
              cut = p;
              break;
            }
          }
        }
        const last = pending.charCodeAt(cut - 1);
        // A high surrogate waits for its low half.
        if (cut === pending.length && last >= 0xd800 && last <= 0xdbff) cut--;
        if (cut === 0) return "";
        const text = emitted + pending.slice(0, cut);
        const out = restoreFrom(text, emitted.length, vault, encode);
        emitted = text.slice(-2);
        pending = pending.slice(cut);
        return out;
      },
      flush: () => {
        const out = restoreFrom(emitted + pending, emitted.length, vault, encode);
        emitted = (emitted + pending).slice(-2);
        pending = "";
        return out;
      },
    };
  }

  forget(conversation: string): void {
    this.vaults.delete(conversation);
  }
}
