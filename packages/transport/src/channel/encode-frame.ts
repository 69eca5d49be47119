import { ChannelError } from "../errors/channel-error";
import { NOISE_MAX_MESSAGE_LENGTH } from "../noise/max-message-length";

/** Bytes of the big-endian length prefix in front of every frame. */
export const FRAME_HEADER_LENGTH = 2;

/** Prefixes one Noise message with its 2-byte big-endian length, as the channel sends it on the wire. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  if (body.length === 0 || body.length > NOISE_MAX_MESSAGE_LENGTH) {
    throw new ChannelError(`A frame carries 1 to ${NOISE_MAX_MESSAGE_LENGTH} bytes, got ${body.length}.`);
  }
  const frame = new Uint8Array(FRAME_HEADER_LENGTH + body.length);
  new DataView(frame.buffer).setUint16(0, body.length, false);
  frame.set(body, FRAME_HEADER_LENGTH);
  return frame;
}
