// Stream taps that sit between a secure channel and its socket: split chunks, or edit whole frames in transit
// like an active attacker would.
import type { ByteStream } from "../../src/channel/byte-stream";
import { encodeFrame } from "../../src/channel/encode-frame";
import { FrameDecoder } from "../../src/channel/frame-decoder";

/** Re-chunks every byte into its own chunk. */
export function oneByteChunks(): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      for (const byte of chunk) controller.enqueue(Uint8Array.of(byte));
    },
  });
}

/**
 * Parses the framed byte stream and lets `edit` replace each frame (by index, handshake frames included) with
 * zero or more frames.
 */
export function frameEditor(
  edit: (frame: Uint8Array, index: number) => Uint8Array[],
): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new FrameDecoder();
  let index = 0;
  return new TransformStream({
    transform(chunk, controller) {
      for (const frame of decoder.push(chunk)) {
        for (const out of edit(frame, index)) controller.enqueue(encodeFrame(out));
        index += 1;
      }
    },
  });
}

/** Routes what the channel writes through `tap` before it reaches the socket. */
export function tapOutgoing(stream: ByteStream, tap: TransformStream<Uint8Array, Uint8Array>): ByteStream {
  tap.readable.pipeTo(stream.writable).catch(() => undefined);
  return { readable: stream.readable, writable: tap.writable };
}

/** Routes what the socket delivers through `tap` before the channel reads it. */
export function tapIncoming(stream: ByteStream, tap: TransformStream<Uint8Array, Uint8Array>): ByteStream {
  return { readable: stream.readable.pipeThrough(tap), writable: stream.writable };
}
