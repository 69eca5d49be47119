import { entropyToMnemonic, mnemonicToEntropy, validateMnemonic } from "@scure/bip39";
import { wordlist } from "@scure/bip39/wordlists/english.js";
import { InvalidRecoveryPhraseError } from "./errors/invalid-recovery-phrase-error";
import { accountId, assertRootSecret } from "./root-secret";

/** Number of words in a recovery phrase: 24 BIP39 words encode the 32-byte root secret plus an 8-bit checksum. */
export const RECOVERY_PHRASE_WORDS = 24;

/** The 24-word BIP39 (English) recovery phrase that encodes a root secret. */
export function toRecoveryPhrase(rootSecret: Uint8Array): string {
  assertRootSecret(rootSecret);
  return entropyToMnemonic(rootSecret, wordlist);
}

/** Options of {@link fromRecoveryPhrase}. */
export interface FromRecoveryPhraseOptions {
  /** The account id the phrase must restore (from {@link accountId}); a valid phrase of another account is refused. */
  expectedAccountId?: string;
}

/**
 * The root secret encoded by a recovery phrase. Tolerates extra spaces and capitals. Throws
 * {@link InvalidRecoveryPhraseError} when the word count, a word or the checksum is wrong, or when the phrase is
 * valid but restores another account than `expectedAccountId`.
 */
export function fromRecoveryPhrase(phrase: string, options: FromRecoveryPhraseOptions = {}): Uint8Array {
  const words = phrase.normalize("NFKD").trim().toLowerCase().split(/\s+/u);
  if (words.length !== RECOVERY_PHRASE_WORDS) {
    throw new InvalidRecoveryPhraseError(
      `A recovery phrase has ${RECOVERY_PHRASE_WORDS} words; this one has ${words.length}. Check for missing or extra words.`,
    );
  }
  const unknown = words.findIndex((w) => !wordlist.includes(w));
  if (unknown >= 0) {
    throw new InvalidRecoveryPhraseError(
      `Word ${unknown + 1} of the recovery phrase is not in the word list; check its spelling.`,
    );
  }
  const normalized = words.join(" ");
  if (!validateMnemonic(normalized, wordlist)) {
    throw new InvalidRecoveryPhraseError(
      "The recovery phrase's checksum does not match: a word is wrong or two words are swapped.",
    );
  }
  const secret = mnemonicToEntropy(normalized, wordlist);
  if (options.expectedAccountId !== undefined && accountId(secret) !== options.expectedAccountId) {
    throw new InvalidRecoveryPhraseError("This recovery phrase is valid but belongs to another account.");
  }
  return secret;
}
