import type { EntityType } from "./entity-type";
import { ENTITY_TYPE_NAME } from "./entity-type";
import { InvalidArgumentError } from "./errors/invalid-argument-error";
import { InvalidVaultError } from "./errors/invalid-vault-error";

/** The serialized vault format's version. */
export const VAULT_VERSION = 1;

/** One remembered value. */
export interface VaultEntry {
  readonly type: EntityType;
  /** The value as first seen. */
  readonly value: string;
  /** `TYPE_N`, without brackets. */
  readonly key: string;
}

/** The JSON form of a vault. Holds the personal data itself: store it like the data. */
export interface VaultData {
  readonly version: typeof VAULT_VERSION;
  readonly entries: readonly VaultEntry[];
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Whether trimming, collapsing whitespace and lower-casing would leave `value` as it is: ASCII with no capital, no
 * whitespace but single spaces between words. Most values are, and skip the three copies.
 */
function isNormalAscii(value: string): boolean {
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x7f || (c >= 65 && c <= 90) || (c >= 9 && c <= 13)) return false;
    if (c === 32 && (i === 0 || i === n - 1 || value.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/** Whether a value holds nothing but ASCII digits and plus signs: what the digit filter would keep of it. */
function digitsOnly(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 43)) return false;
  }
  return true;
}

/** Same person, different spelling of whitespace, case or digit grouping: one placeholder. */
export function normalizeValue(type: EntityType, value: string): string {
  // ASCII is its own NFKC form: most values skip the normalization.
  const v = isNormalAscii(value)
    ? value
    : (isAscii(value) ? value : value.normalize("NFKC")).trim().replace(/\s+/g, " ").toLowerCase();
  if (type === "PHONE" || type === "CREDIT_CARD" || type === "US_SSN")
    return digitsOnly(v) ? v : v.replace(/[^\p{N}+]/gu, "");
  if (type === "IBAN") return v.replace(/ /g, "");
  return v;
}

// Type names a vault has checked: a conversation uses a handful, and each is checked by its regex once.
const CHECKED_TYPES = new Set<string>();
const MAX_CHECKED_TYPES = 1_024;

function checkType(type: string): void {
  if (CHECKED_TYPES.has(type)) return;
  if (!ENTITY_TYPE_NAME.test(type)) {
    throw new InvalidArgumentError("Entity type names must be upper-case words joined by underscores.");
  }
  if (CHECKED_TYPES.size < MAX_CHECKED_TYPES) CHECKED_TYPES.add(type);
}

/**
 * The memory of a conversation: which value got which placeholder. The same value gets the same placeholder on
 * every turn, and counters never restart, so `[PERSON_1]` means one person for the whole conversation.
 */
export class Vault {
  private readonly byValue = new Map<string, VaultEntry>();
  private readonly byKey = new Map<string, VaultEntry>();
  private readonly counters = new Map<string, number>();

  /** The placeholder key (`PERSON_1`) for a value, assigned on first sight. */
  keyFor(type: EntityType, value: string): string {
    checkType(type);
    const id = `${type}\u0000${normalizeValue(type, value)}`;
    const known = this.byValue.get(id);
    if (known) return known.key;
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    const entry: VaultEntry = { type, value, key: `${type}_${n}` };
    this.byValue.set(id, entry);
    this.byKey.set(entry.key, entry);
    return entry.key;
  }

  /** `[PERSON_1]` for a value. */
  placeholderFor(type: EntityType, value: string): string {
    return `[${this.keyFor(type, value)}]`;
  }

  /** The original value behind `PERSON_1`, or undefined for a key this vault never handed out. */
  valueOf(key: string): string | undefined {
    return this.byKey.get(key)?.value;
  }

  /** The types this vault has placeholders for. */
  get types(): string[] {
    return [...this.counters.keys()];
  }

  get size(): number {
    return this.byKey.size;
  }

  entries(): VaultEntry[] {
    return [...this.byKey.values()];
  }

  toJSON(): VaultData {
    return { version: VAULT_VERSION, entries: this.entries() };
  }

  /** Rebuilds a vault from {@link Vault.toJSON}'s output, refusing anything it does not fully understand. */
  static fromJSON(data: unknown): Vault {
    if (typeof data !== "object" || data === null) throw new InvalidVaultError("A vault must be a JSON object.");
    const { version, entries } = data as { version?: unknown; entries?: unknown };
    if (version !== VAULT_VERSION) {
      throw new InvalidVaultError(`Unsupported vault version ${String(version)}; this version reads ${VAULT_VERSION}.`);
    }
    if (!Array.isArray(entries)) throw new InvalidVaultError("A vault's entries must be an array.");
    const vault = new Vault();
    for (const e of entries) {
      const { type, value, key } = (e ?? {}) as Partial<VaultEntry>;
      if (typeof type !== "string" || typeof value !== "string" || typeof key !== "string") {
        throw new InvalidVaultError("A vault entry needs string type, value and key.");
      }
      const m = /^(.+)_(\d+)$/.exec(key);
      if (!m || m[1] !== type || !ENTITY_TYPE_NAME.test(type))
        throw new InvalidVaultError("A vault entry's key does not match its type.");
      if (vault.byKey.has(key)) throw new InvalidVaultError("A vault has the same key twice.");
      const entry: VaultEntry = { type, value, key };
      vault.byKey.set(key, entry);
      vault.byValue.set(`${type}\u0000${normalizeValue(type, value)}`, entry);
      vault.counters.set(type, Math.max(vault.counters.get(type) ?? 0, Number(m[2])));
    }
    return vault;
  }

  /** {@link Vault.fromJSON} on a JSON string. */
  static parse(json: string): Vault {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (cause) {
      throw new InvalidVaultError("The vault is not valid JSON.", { cause });
    }
    return Vault.fromJSON(data);
  }
}
