import { InvalidKeyError } from "./errors/invalid-key-error";
import { Labels } from "./labels";
import { concatBytes, utf8ToBytes } from "./primitives/bytes";
import { hkdfSha256 } from "./primitives/hkdf-sha256";

// The label and the name are joined by a NUL byte, which no label contains, so ("a", "b/c") and ("a/b", "c")
// can never produce the same info string.
function info(label: string, name: string): Uint8Array {
  return concatBytes(utf8ToBytes(label), new Uint8Array([0]), utf8ToBytes(name));
}

function checkKey(key: Uint8Array, what: string): void {
  if (!(key instanceof Uint8Array) || key.length !== 32) throw new InvalidKeyError(`${what} must be 32 bytes.`);
}

/**
 * A 32-byte key for one purpose (`"local-storage"`, `"backup"`, `"space/<id>"`, ...) from a 32-byte parent key,
 * by HKDF-SHA256 with the label `hearth/v1/purpose-key`. Different purposes give independent keys.
 */
export function derivePurposeKey(parentKey: Uint8Array, purpose: string): Uint8Array {
  checkKey(parentKey, "The parent key");
  if (purpose.length === 0) throw new InvalidKeyError("A key purpose must not be empty.");
  return hkdfSha256(parentKey, undefined, info(Labels.purposeKey, purpose), 32);
}

/**
 * The key that seals one document's entries under one epoch's space key (HKDF-SHA256, label
 * `hearth/v1/document-key`). Each document gets its own key, so an envelope cannot be opened as another document's.
 */
export function deriveDocumentKey(spaceKey: Uint8Array, documentId: string): Uint8Array {
  checkKey(spaceKey, "The space key");
  if (documentId.length === 0) throw new InvalidKeyError("A document id must not be empty.");
  return hkdfSha256(spaceKey, undefined, info(Labels.documentKey, documentId), 32);
}
