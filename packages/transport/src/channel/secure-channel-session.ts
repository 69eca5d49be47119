import { ChannelError } from "../errors/channel-error";
import type { CipherState } from "../noise/cipher-state";
import { NOISE_MAX_MESSAGE_LENGTH, NOISE_TAG_LENGTH } from "../noise/max-message-length";
import { concatBytes } from "../primitives/bytes";
import type { ChannelHandshakeResult } from "./channel-handshake";
import { encodeFrame } from "./encode-frame";
import type { FrameReader } from "./frame-reader";
import type { SecureChannel } from "./secure-channel";

// First plaintext byte of every transport frame. It is inside the encryption, so an attacker cannot flip it.
const FLAG_FINAL = 0x00;
const FLAG_MORE = 0x01;
const FLAG_CLOSE = 0x02;

/** Message bytes per frame: a Noise message minus its tag and the flag byte. */
const MAX_FRAGMENT = NOISE_MAX_MESSAGE_LENGTH - NOISE_TAG_LENGTH - 1;
const EMPTY = new Uint8Array(0);

/** Settings of the transport phase, already validated by `openSecureChannel`. */
export interface SessionSettings {
  rekeyInterval: number;
  maxMessageSize: number;
  closeTimeout: number;
  signal: AbortSignal | undefined;
}

type State = "open" | "closing" | "closed";

/** The transport phase of a secure channel; see {@link SecureChannel} for the contract. */
export class SecureChannelSession implements SecureChannel {
  readonly #remoteStaticPublicKey: Uint8Array;
  readonly #handshakeHash: Uint8Array;
  readonly #reader: FrameReader;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #send: CipherState;
  readonly #receive: CipherState;
  readonly #settings: SessionSettings;
  #sentSinceRekey = 0;
  #receivedSinceRekey = 0;
  #state: State = "open";
  #failure: ChannelError | undefined;
  #receiveChain: Promise<unknown> = Promise.resolve();
  #closing: Promise<void> | undefined;
  readonly #onAbort = (): void => {
    void this.close();
  };

  constructor(
    handshake: ChannelHandshakeResult,
    reader: FrameReader,
    writer: WritableStreamDefaultWriter<Uint8Array>,
    settings: SessionSettings,
  ) {
    this.#remoteStaticPublicKey = handshake.remoteStaticPublicKey;
    this.#handshakeHash = handshake.handshakeHash;
    this.#send = handshake.ciphers.send;
    this.#receive = handshake.ciphers.receive;
    this.#reader = reader;
    this.#writer = writer;
    this.#settings = settings;
    settings.signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  get remoteStaticPublicKey(): Uint8Array {
    return this.#remoteStaticPublicKey.slice();
  }

  get handshakeHash(): Uint8Array {
    return this.#handshakeHash.slice();
  }

  get closed(): boolean {
    return this.#state !== "open";
  }

  async send(message: Uint8Array): Promise<void> {
    if (!(message instanceof Uint8Array)) throw new ChannelError("send() takes a Uint8Array.");
    if (this.#state !== "open") throw this.#failure ?? new ChannelError("The secure channel is closed.");
    if (message.length > this.#settings.maxMessageSize) {
      throw new ChannelError(
        `Message of ${message.length} bytes exceeds maxMessageSize (${this.#settings.maxMessageSize} bytes).`,
      );
    }
    // Encrypting synchronously fixes each message's nonces in call order; the writer keeps that order on the
    // wire, so concurrent sends never interleave their fragments.
    const frames: Uint8Array[] = [];
    let offset = 0;
    do {
      const end = Math.min(offset + MAX_FRAGMENT, message.length);
      const plaintext = new Uint8Array(1 + end - offset);
      plaintext[0] = end < message.length ? FLAG_MORE : FLAG_FINAL;
      plaintext.set(message.subarray(offset, end), 1);
      frames.push(this.#encryptFrame(plaintext));
      offset = end;
    } while (offset < message.length);
    try {
      await this.#writer.write(frames.length === 1 ? (frames[0] ?? EMPTY) : concatBytes(...frames));
    } catch (cause) {
      throw this.#fail(new ChannelError("The connection failed while sending.", { cause }));
    }
  }

  receive(): Promise<Uint8Array | undefined> {
    const next = this.#receiveChain.then(() => this.#receiveMessage());
    this.#receiveChain = next.catch(() => undefined);
    return next;
  }

  async *messages(): AsyncGenerator<Uint8Array, void, undefined> {
    for (;;) {
      const message = await this.receive();
      if (message === undefined) return;
      yield message;
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    return this.messages();
  }

  close(): Promise<void> {
    this.#closing ??= this.#closeGracefully();
    return this.#closing;
  }

  #encryptFrame(plaintext: Uint8Array): Uint8Array {
    const frame = encodeFrame(this.#send.encryptWithAd(EMPTY, plaintext));
    this.#sentSinceRekey += 1;
    if (this.#sentSinceRekey === this.#settings.rekeyInterval) {
      this.#send.rekey();
      this.#sentSinceRekey = 0;
    }
    return frame;
  }

  #decryptFrame(frame: Uint8Array): Uint8Array {
    const plaintext = this.#receive.decryptWithAd(EMPTY, frame);
    this.#receivedSinceRekey += 1;
    if (this.#receivedSinceRekey === this.#settings.rekeyInterval) {
      this.#receive.rekey();
      this.#receivedSinceRekey = 0;
    }
    return plaintext;
  }

  async #receiveMessage(): Promise<Uint8Array | undefined> {
    if (this.#failure !== undefined) throw this.#failure;
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      if (this.#state !== "open") return undefined;
      let frame: Uint8Array | undefined;
      try {
        frame = await this.#reader.next();
      } catch (cause) {
        if (this.#state !== "open") return undefined;
        throw this.#fail(cause instanceof ChannelError ? cause : new ChannelError("The connection failed.", { cause }));
      }
      if (this.#state !== "open") return undefined;
      if (frame === undefined) {
        throw this.#fail(
          new ChannelError("The connection ended without a close message: the last messages may have been cut off."),
        );
      }
      let plaintext: Uint8Array;
      try {
        plaintext = this.#decryptFrame(frame);
      } catch (cause) {
        throw this.#fail(
          new ChannelError(
            "A secure channel frame did not authenticate: it was modified, replayed, reordered or dropped. The channel is closed.",
            { cause },
          ),
        );
      }
      const flag = plaintext[0];
      if (flag === FLAG_CLOSE && plaintext.length === 1 && parts.length === 0) {
        await this.#shutdown();
        return undefined;
      }
      if (flag !== FLAG_FINAL && flag !== FLAG_MORE) {
        throw this.#fail(new ChannelError("Received a malformed secure channel frame."));
      }
      total += plaintext.length - 1;
      if (total > this.#settings.maxMessageSize) {
        throw this.#fail(
          new ChannelError(`The peer sent a message over maxMessageSize (${this.#settings.maxMessageSize} bytes).`),
        );
      }
      parts.push(plaintext.subarray(1));
      if (flag === FLAG_FINAL) return parts.length === 1 ? (parts[0] ?? EMPTY) : concatBytes(...parts);
    }
  }

  async #closeGracefully(): Promise<void> {
    // Already closed by the peer or by an error.
    if (this.#state !== "open") return;
    this.#state = "closing";
    this.#settings.signal?.removeEventListener("abort", this.#onAbort);
    try {
      await this.#writer.write(this.#encryptFrame(Uint8Array.of(FLAG_CLOSE)));
      await this.#writer.close();
    } catch {
      // The peer may already be gone; closing is best effort from here.
    }
    // Reading until the peer ends its side avoids tearing the transport down with unread bytes, which over TCP
    // sends a reset that can destroy our close message before the peer reads it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.#settings.closeTimeout);
    });
    await Promise.race([this.#drain(), timeout]);
    clearTimeout(timer);
    await this.#reader.cancel();
    this.#destroy();
  }

  async #drain(): Promise<void> {
    try {
      await this.#receiveChain;
      while ((await this.#reader.next()) !== undefined) {
        // Discarded: the application closed the channel, so nothing more is delivered.
      }
    } catch {
      // A failing stream has ended too.
    }
  }

  /** The peer closed: end our side as well, without a close message of our own. */
  async #shutdown(): Promise<void> {
    this.#state = "closing";
    this.#settings.signal?.removeEventListener("abort", this.#onAbort);
    try {
      await this.#writer.close();
    } catch {
      // Already closed by the transport.
    }
    await this.#reader.cancel();
    this.#destroy();
  }

  /** Tears the channel down after an error; Noise cannot continue once a frame failed. */
  #fail(error: ChannelError): ChannelError {
    if (this.#failure === undefined && this.#state !== "closed") {
      this.#failure = error;
      this.#state = "closing";
      this.#settings.signal?.removeEventListener("abort", this.#onAbort);
      void this.#reader.cancel();
      this.#writer.abort().catch(() => undefined);
      this.#destroy();
    }
    return error;
  }

  #destroy(): void {
    this.#state = "closed";
    this.#send.destroy();
    this.#receive.destroy();
  }
}
