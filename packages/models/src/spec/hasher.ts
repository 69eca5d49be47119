/** An incremental SHA-256: node:crypto on Node (fastest there), @noble/hashes in browsers (no streaming WebCrypto). */
export interface Hasher {
  update(bytes: Uint8Array): void;
  /** Lowercase hex digest; the hasher is spent afterwards. */
  digestHex(): string;
}

/** Makes a fresh hasher per file. */
export type HasherFactory = () => Hasher;
