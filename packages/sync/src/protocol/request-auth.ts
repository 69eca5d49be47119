import { bytesToHex, type DeviceIdentity, ed25519Sign, ed25519Verify, hexToBytes } from "@hearth/transport";
import { sha256 } from "@noble/hashes/sha2.js";
import { ProtocolError } from "../errors/protocol-error";

const LABEL = "hearth/v1/relay-request";
/** How far a request's clock may be from the relay's, in milliseconds. */
export const REQUEST_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The headers (or, for a WebSocket, query parameters) that authenticate a request to the relay. */
export interface RequestAuth {
  device: string;
  time: string;
  nonce: string;
  signature: string;
}

/** Header names of {@link RequestAuth} on HTTP requests. */
export const AUTH_HEADERS = {
  device: "x-hearth-device",
  time: "x-hearth-time",
  nonce: "x-hearth-nonce",
  signature: "x-hearth-signature",
} as const;

/** What a request signature covers. `target` is the path with its query string, auth parameters removed. */
export interface SignedRequest {
  method: string;
  target: string;
  body?: Uint8Array;
}

function field(text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length, false);
  out.set(bytes, 4);
  return out;
}

function signingBytes(request: SignedRequest, auth: Omit<RequestAuth, "signature">): Uint8Array {
  const parts = [
    field(LABEL),
    field(request.method.toUpperCase()),
    field(request.target),
    field(auth.device),
    field(auth.time),
    field(auth.nonce),
    sha256(request.body ?? new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Signs a request with the device key: method, target, time, a random nonce and the body's SHA-256. */
export function signRequest(identity: DeviceIdentity, request: SignedRequest, now = Date.now()): RequestAuth {
  const nonceBytes = new Uint8Array(16);
  crypto.getRandomValues(nonceBytes);
  const auth = { device: identity.deviceId, time: String(now), nonce: bytesToHex(nonceBytes) };
  return { ...auth, signature: bytesToHex(ed25519Sign(identity.signing.secretKey, signingBytes(request, auth))) };
}

/** Reads {@link RequestAuth} from headers or query parameters; undefined when any part is missing. */
export function readRequestAuth(get: (name: keyof RequestAuth) => string | null | undefined): RequestAuth | undefined {
  const device = get("device");
  const time = get("time");
  const nonce = get("nonce");
  const signature = get("signature");
  if (!device || !time || !nonce || !signature) return undefined;
  return { device, time, nonce, signature };
}

/**
 * Checks a request signature against the device's signing key and the clock. Throws {@link ProtocolError} when
 * malformed, and the transport's `SignatureError` (`E_SIGNATURE`) when it does not verify. Replays within the
 * clock window are the caller's to refuse, by remembering nonces.
 */
export function verifyRequest(
  signingPublicKey: Uint8Array,
  request: SignedRequest,
  auth: RequestAuth,
  now = Date.now(),
): void {
  const time = Number(auth.time);
  if (!/^\d{1,16}$/.test(auth.time) || !Number.isSafeInteger(time))
    throw new ProtocolError("Request time must be milliseconds since 1970.");
  if (Math.abs(now - time) > REQUEST_CLOCK_SKEW_MS) {
    throw new ProtocolError("Request time is more than 5 minutes from the relay's clock: check the device clock.");
  }
  if (!/^[0-9a-f]{32}$/.test(auth.nonce)) throw new ProtocolError("Request nonce must be 16 bytes of hex.");
  if (!/^[0-9a-f]{128}$/.test(auth.signature)) throw new ProtocolError("Request signature must be 64 bytes of hex.");
  ed25519Verify(signingPublicKey, signingBytes(request, auth), hexToBytes(auth.signature));
}
