import { ID_PATTERN, REQUEST_CLOCK_SKEW_MS, type RequestAuth, type SignedRequest } from "@hearth/sync/protocol";
import type { Ed25519Verifier } from "../crypto/ed25519-verifier";
import { requestSigningBytes } from "../crypto/signing-bytes";
import { ForbiddenError } from "../errors/forbidden-error";
import { NotFoundError } from "../errors/not-found-error";
import { RateLimitedError } from "../errors/rate-limited-error";
import { UnauthorizedError } from "../errors/unauthorized-error";
import type { DeviceRecord, RelayStore } from "../store/relay-store";
import type { NonceCache } from "./nonce-cache";

/** A request whose claimed device is known in the space, before its signature is checked. */
export interface IdentifiedRequest {
  auth: RequestAuth;
  time: number;
  device: DeviceRecord;
}

const HOW_TO_SIGN =
  "sign it with signRequest from @hearth/sync/protocol (headers x-hearth-device, x-hearth-time, x-hearth-nonce, " +
  "x-hearth-signature; query parameters for the live WebSocket)";

/**
 * Authenticates requests in two steps, so that a request from a stranger is refused before its body is read:
 * {@link identify} checks the form, the clock and that the device belongs to the space; {@link verify} checks the
 * signature over method, target and body, that the device is still active, and that the nonce is new.
 */
export class RequestAuthenticator {
  readonly #store: RelayStore;
  readonly #verifier: Ed25519Verifier;
  readonly #nonces: NonceCache;

  constructor(store: RelayStore, verifier: Ed25519Verifier, nonces: NonceCache) {
    this.#store = store;
    this.#verifier = verifier;
    this.#nonces = nonces;
  }

  /** Step one; `auth` is undefined when any of the four parts is missing. */
  async identify(spaceId: string, auth: RequestAuth | undefined, now: number): Promise<IdentifiedRequest> {
    if (!auth) throw new UnauthorizedError(`This request is not signed: ${HOW_TO_SIGN}.`);
    if (!ID_PATTERN.test(auth.device)) throw new UnauthorizedError("The request's device id is malformed.");
    const time = Number(auth.time);
    if (!/^\d{1,16}$/.test(auth.time) || !Number.isSafeInteger(time)) {
      throw new UnauthorizedError("The request time must be milliseconds since 1970.");
    }
    if (Math.abs(now - time) > REQUEST_CLOCK_SKEW_MS) {
      throw new UnauthorizedError(
        "The request time is more than 5 minutes from the relay's clock: set the device clock and sign again.",
      );
    }
    if (!/^[0-9a-f]{32}$/.test(auth.nonce)) throw new UnauthorizedError("The request nonce must be 16 bytes of hex.");
    if (!/^[0-9a-f]{128}$/.test(auth.signature)) {
      throw new UnauthorizedError("The request signature must be 64 bytes of hex.");
    }
    const device = await this.#store.getDevice(spaceId, auth.device);
    if (!device) {
      if (!(await this.#store.getSpace(spaceId))) {
        throw new NotFoundError(`There is no space ${spaceId} on this relay: found it with POST /v1/spaces first.`);
      }
      throw new ForbiddenError(
        `Device ${auth.device} is not a device of space ${spaceId}: an active device must enroll it first.`,
      );
    }
    return { auth, time, device };
  }

  /** Step two, once the body is read. */
  async verify(identified: IdentifiedRequest, request: SignedRequest, now: number): Promise<void> {
    const { auth, device } = identified;
    const signed = requestSigningBytes(request, auth);
    if (!(await this.#verifier.verifies(device.signingPublicKey, signed, Buffer.from(auth.signature, "hex")))) {
      throw new UnauthorizedError(
        `The request signature does not verify with device ${auth.device}'s key over this method, path and body: ${HOW_TO_SIGN}.`,
      );
    }
    if (device.removedAt !== null) {
      throw new ForbiddenError(
        `Device ${auth.device} was removed from space ${device.spaceId}; it can no longer sync.`,
      );
    }
    const seen = this.#nonces.remember(auth.device, auth.nonce, identified.time, now);
    if (seen === "replay") {
      throw new UnauthorizedError("This request was already received (same nonce): sign every request afresh.");
    }
    if (seen === "full") throw new RateLimitedError("The relay is receiving too many requests; retry shortly.", 5);
  }
}
