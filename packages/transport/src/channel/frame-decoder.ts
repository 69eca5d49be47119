import { ChannelError } from "../errors/channel-error";
import { NOISE_MAX_MESSAGE_LENGTH } from "../noise/max-message-length";
import { FRAME_HEADER_LENGTH } from "./encode-frame";

/**
 * Reassembles 2-byte big-endian length-prefixed frames from chunks split or coalesced anywhere. A zero-length or
 * oversized frame throws {@link ChannelError}, after which the decoder refuses further input: the byte stream has
 * lost its framing and cannot be trusted to resynchronise.
 */
export class FrameDecoder {
  readonly #maxFrameLength: number;
  readonly #header = new Uint8Array(FRAME_HEADER_LENGTH);
  #headerFilled = 0;
  #body: Uint8Array | undefined;
  #bodyFilled = 0;
  #failed = false;

  /** @param maxFrameLength - largest frame body accepted, 1 to 65535 (default 65535, the Noise maximum). */
  constructor(maxFrameLength: number = NOISE_MAX_MESSAGE_LENGTH) {
    if (!Number.isInteger(maxFrameLength) || maxFrameLength < 1 || maxFrameLength > NOISE_MAX_MESSAGE_LENGTH) {
      throw new ChannelError(`maxFrameLength must be an integer from 1 to ${NOISE_MAX_MESSAGE_LENGTH}.`);
    }
    this.#maxFrameLength = maxFrameLength;
  }

  /** Bytes received that do not yet form a whole frame. */
  get bufferedBytes(): number {
    return this.#headerFilled + this.#bodyFilled;
  }

  /** Feeds one chunk; returns every frame body it completes, in order (each a fresh array). */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.#failed) throw new ChannelError("The frame decoder already rejected this stream.");
    const frames: Uint8Array[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.#body === undefined) {
        this.#header[this.#headerFilled] = chunk[offset] ?? 0;
        this.#headerFilled += 1;
        offset += 1;
        if (this.#headerFilled < FRAME_HEADER_LENGTH) continue;
        this.#headerFilled = 0;
        this.#body = new Uint8Array(this.#frameLength());
        this.#bodyFilled = 0;
        continue;
      }
      const take = Math.min(this.#body.length - this.#bodyFilled, chunk.length - offset);
      this.#body.set(chunk.subarray(offset, offset + take), this.#bodyFilled);
      this.#bodyFilled += take;
      offset += take;
      if (this.#bodyFilled === this.#body.length) {
        frames.push(this.#body);
        this.#body = undefined;
        this.#bodyFilled = 0;
      }
    }
    return frames;
  }

  /** Signals the end of the stream; throws {@link ChannelError} if it stopped inside a frame. */
  finish(): void {
    if (this.#failed || this.bufferedBytes === 0) return;
    this.#failed = true;
    throw new ChannelError("The connection ended in the middle of a frame: the data was truncated.");
  }

  #frameLength(): number {
    const length = ((this.#header[0] ?? 0) << 8) | (this.#header[1] ?? 0);
    if (length === 0 || length > this.#maxFrameLength) {
      this.#failed = true;
      throw new ChannelError(
        length === 0
          ? "Received a zero-length frame, which the channel never sends: the stream is corrupt."
          : `Received a ${length}-byte frame; at most ${this.#maxFrameLength} bytes are allowed.`,
      );
    }
    return length;
  }
}
