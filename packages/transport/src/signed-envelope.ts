import { Labels } from "./labels";
import { concatBytes, u32be, utf8ToBytes } from "./primitives/bytes";
import { ed25519Sign, ed25519Verify } from "./primitives/ed25519";

// Domain label, then the context length-prefixed, then the envelope: a signature made for one purpose or one
// context never verifies for another.
function signedBytes(envelope: Uint8Array, context: Uint8Array): Uint8Array {
  return concatBytes(utf8ToBytes(Labels.signedEntry), u32be(context.length), context, envelope);
}

/** An Ed25519 signature by a device over a whole envelope and its context (64 bytes). */
export function signEnvelope(signingSecretKey: Uint8Array, envelope: Uint8Array, context: Uint8Array): Uint8Array {
  return ed25519Sign(signingSecretKey, signedBytes(envelope, context));
}

/** Verifies {@link signEnvelope}; throws `E_SIGNATURE` for any other key, envelope, context or signature. */
export function verifyEnvelope(
  signingPublicKey: Uint8Array,
  envelope: Uint8Array,
  context: Uint8Array,
  signature: Uint8Array,
): void {
  ed25519Verify(signingPublicKey, signedBytes(envelope, context), signature);
}
