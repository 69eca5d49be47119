import { createHash } from "node:crypto";
import type { RequestAuth, SignedRequest } from "@hearth/sync/protocol";

// These two layouts mirror, byte for byte, what `signEnvelope` (@hearth/transport) and `signRequest`
// (@hearth/sync/protocol) sign, so that the relay can check them with node:crypto. test/signing-bytes.test.ts
// proves the mirror against the originals; change both together or not at all.
const SIGNED_ENTRY_LABEL = "hearth/v1/signed-entry";
const REQUEST_LABEL = "hearth/v1/relay-request";

function u32be(n: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n, 0);
  return out;
}

function field(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([u32be(bytes.length), bytes]);
}

/** The bytes an entry signature covers: label, length-prefixed entry context, envelope. */
export function entrySigningBytes(envelope: Uint8Array, context: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(SIGNED_ENTRY_LABEL, "utf8"), u32be(context.length), context, envelope]);
}

/** The bytes a request signature covers: label, method, target, device, time, nonce, SHA-256 of the body. */
export function requestSigningBytes(request: SignedRequest, auth: Omit<RequestAuth, "signature">): Buffer {
  return Buffer.concat([
    field(REQUEST_LABEL),
    field(request.method.toUpperCase()),
    field(request.target),
    field(auth.device),
    field(auth.time),
    field(auth.nonce),
    createHash("sha256")
      .update(request.body ?? new Uint8Array())
      .digest(),
  ]);
}
