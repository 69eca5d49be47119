import { ChannelError } from "../errors/channel-error";
import { FrameDecoder } from "./frame-decoder";

/** Pulls whole frames out of a readable byte stream, one at a time, so the reader applies backpressure. */
export class FrameReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new FrameDecoder();
  readonly #frames: Uint8Array[] = [];
  #ended = false;

  constructor(readable: ReadableStream<Uint8Array>) {
    this.#reader = readable.getReader();
  }

  /**
   * The next frame body, or `undefined` once the stream has ended cleanly. Throws {@link ChannelError} if the
   * stream failed, ended inside a frame, or carried something other than bytes.
   */
  async next(): Promise<Uint8Array | undefined> {
    while (this.#frames.length === 0) {
      if (this.#ended) return undefined;
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await this.#reader.read();
      } catch (cause) {
        this.#ended = true;
        throw new ChannelError("The underlying connection failed.", { cause });
      }
      if (result.done) {
        this.#ended = true;
        this.#decoder.finish();
        continue;
      }
      if (!(result.value instanceof Uint8Array)) {
        this.#ended = true;
        throw new ChannelError("The underlying stream delivered something other than bytes.");
      }
      this.#frames.push(...this.#decoder.push(result.value));
    }
    return this.#frames.shift();
  }

  /** Stops reading and releases the underlying connection; never throws. */
  async cancel(): Promise<void> {
    this.#ended = true;
    this.#frames.length = 0;
    try {
      await this.#reader.cancel();
    } catch {
      // Already errored or closed: nothing left to release.
    }
  }
}
