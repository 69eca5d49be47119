/**
 * An incremental SHA-256. node:crypto on Node; in browsers WebCrypto for files it can hold in memory (it cannot hash
 * a stream) and @noble/hashes past that.
 */
export interface Hasher {
  update(bytes: Uint8Array): void;
  /** Lowercase hex digest (a promise where the platform digests asynchronously); the hasher is spent afterwards. */
  digestHex(): string | Promise<string>;
}

/** Makes a fresh hasher per file. */
export type HasherFactory = () => Hasher;
