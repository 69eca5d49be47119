import type { Hasher, HasherFactory } from "../spec/hasher";
import { nobleSha256 } from "./noble-hasher";

/** Options of {@link webCryptoSha256}. */
export interface WebCryptoSha256Options {
  /** Bytes held for WebCrypto at most; a larger file is hashed by @noble/hashes as it streams (default 128 MiB). */
  readonly maxBytes?: number;
}

const toHex = (digest: ArrayBuffer) =>
  Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * SHA-256 through WebCrypto (`crypto.subtle.digest`), about ten times @noble/hashes in Chromium. WebCrypto cannot hash
 * a stream, so the chunks are held until the digest; past `maxBytes` the hasher hands what it holds to @noble/hashes
 * and streams from there, so memory stays bounded for large models. Without WebCrypto (an insecure context) it is
 * @noble/hashes throughout.
 */
export function webCryptoSha256(options: WebCryptoSha256Options = {}): HasherFactory {
  const maxBytes = options.maxBytes ?? 128 * 2 ** 20;
  return (): Hasher => {
    const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
    if (!subtle) return nobleSha256();
    let held: Uint8Array[] | undefined = [];
    let heldBytes = 0;
    let streaming: Hasher | undefined;
    return {
      update(bytes) {
        if (streaming) return streaming.update(bytes);
        // Chunks may be views a caller reuses: keep a copy.
        (held as Uint8Array[]).push(bytes.slice());
        heldBytes += bytes.byteLength;
        if (heldBytes > maxBytes) {
          streaming = nobleSha256();
          for (const chunk of held as Uint8Array[]) streaming.update(chunk);
          held = undefined;
        }
      },
      async digestHex() {
        if (streaming) return streaming.digestHex();
        const all = new Uint8Array(heldBytes);
        let at = 0;
        for (const chunk of held as Uint8Array[]) {
          all.set(chunk, at);
          at += chunk.byteLength;
        }
        held = undefined;
        return toHex(await subtle.digest("SHA-256", all));
      },
    };
  };
}
