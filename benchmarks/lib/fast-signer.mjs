// Client-side signing for benchmarks that send many requests: the relay's wire signatures made with node:crypto.
import { createPrivateKey, sign as nodeSign } from "node:crypto";
import { bytesToHex } from "@hearth/transport";

/**
 * Signs with node:crypto instead of @noble/curves, so that preparing thousands of appends takes a second rather than
 * minutes; client-side signing is not what this suite measures. Ed25519 is deterministic, so the signatures are the
 * very bytes `signEnvelope` and `signRequest` give: `check` holds the layouts below to those functions, and any change
 * to them stops the suite instead of sending appends the relay would refuse.
 */
export function fastSigner(identity) {
  const b64url = (bytes) => Buffer.from(bytes).toString("base64url");
  const key = createPrivateKey({
    key: { kty: "OKP", crv: "Ed25519", d: b64url(identity.signing.secretKey), x: b64url(identity.signing.publicKey) },
    format: "jwk",
  });
  const u32 = (n) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const field = (text) => {
    const b = Buffer.from(text, "utf8");
    return Buffer.concat([u32(b.length), b]);
  };
  const sha256 = async (bytes) => Buffer.from(await crypto.subtle.digest("SHA-256", bytes));
  return {
    entry: (envelope, context) =>
      new Uint8Array(
        nodeSign(
          null,
          Buffer.concat([Buffer.from("hearth/v1/signed-entry"), u32(context.length), context, envelope]),
          key,
        ),
      ),
    async request(method, target, body) {
      const auth = {
        device: identity.deviceId,
        time: String(Date.now()),
        nonce: bytesToHex(crypto.getRandomValues(new Uint8Array(16))),
      };
      const bytes = Buffer.concat([
        field("hearth/v1/relay-request"),
        field(method),
        field(target),
        field(auth.device),
        field(auth.time),
        field(auth.nonce),
        await sha256(body),
      ]);
      return { ...auth, signature: Buffer.from(nodeSign(null, bytes, key)).toString("hex") };
    },
  };
}
