import { HandshakeError } from "../errors/handshake-error";
import type { HandshakeState, TransportCiphers } from "../noise/handshake-state";
import { equalBytes } from "../primitives/bytes";
import { encodeFrame } from "./encode-frame";
import type { FrameReader } from "./frame-reader";

/** What a finished channel handshake hands to the transport phase. */
export interface ChannelHandshakeResult {
  ciphers: TransportCiphers;
  remoteStaticPublicKey: Uint8Array;
  handshakeHash: Uint8Array;
}

/** How the channel decides whether to trust the peer's static key. */
export interface RemoteKeyPolicy {
  /** A key the peer must present; compared once the peer reveals it. */
  expected?: Uint8Array;
  /** Called with every static key the peer reveals; false (or a throw) refuses it. */
  verify?: (publicKey: Uint8Array) => boolean | Promise<boolean>;
}

async function checkRemoteKey(publicKey: Uint8Array, policy: RemoteKeyPolicy): Promise<void> {
  if (policy.expected !== undefined && !equalBytes(policy.expected, publicKey)) {
    throw new HandshakeError("The peer's static key is not the expected remoteStaticPublicKey.");
  }
  if (policy.verify === undefined) return;
  let accepted: boolean;
  try {
    accepted = await policy.verify(publicKey.slice());
  } catch (cause) {
    throw new HandshakeError("verifyRemote threw while checking the peer's static key.", { cause });
  }
  if (accepted !== true) throw new HandshakeError("verifyRemote refused the peer's static key.");
}

/**
 * Drives `handshake` to completion over framed I/O, one Noise message per frame, with empty payloads. The peer's
 * static key is checked as soon as it is revealed, before this side sends anything more: an initiator that
 * refuses the responder in XX never reveals its own identity.
 */
export async function runChannelHandshake(
  handshake: HandshakeState,
  reader: FrameReader,
  writer: WritableStreamDefaultWriter<Uint8Array>,
  policy: RemoteKeyPolicy,
): Promise<ChannelHandshakeResult> {
  // A key supplied in advance (IK initiator) was chosen by the caller: there is nothing to verify.
  let verified = handshake.remoteStaticPublicKey !== undefined;
  while (!handshake.isComplete) {
    if (handshake.isMyTurn) {
      await writer.write(encodeFrame(handshake.writeMessage()));
      continue;
    }
    const frame = await reader.next();
    if (frame === undefined) {
      throw new HandshakeError("The connection closed during the handshake: the peer refused it or went away.");
    }
    const payload = handshake.readMessage(frame);
    if (payload.length !== 0) throw new HandshakeError("Unexpected payload in a handshake message.");
    const remote = handshake.remoteStaticPublicKey;
    if (!verified && remote !== undefined) {
      await checkRemoteKey(remote, policy);
      verified = true;
    }
  }
  const remoteStaticPublicKey = handshake.remoteStaticPublicKey;
  if (remoteStaticPublicKey === undefined) throw new HandshakeError("The handshake did not authenticate the peer.");
  return { ciphers: handshake.split(), remoteStaticPublicKey, handshakeHash: handshake.handshakeHash };
}
