import { ChannelError } from "../errors/channel-error";
import { HandshakeError } from "../errors/handshake-error";
import { InvalidKeyError } from "../errors/invalid-key-error";
import { HandshakeState } from "../noise/handshake-state";
import type { X25519KeyPair } from "../primitives/x25519";
import type { ByteStream } from "./byte-stream";
import { runChannelHandshake } from "./channel-handshake";
import { FrameReader } from "./frame-reader";
import { SecureChannelSession } from "./secure-channel-session";

/** Default {@link SecureChannelOptions.rekeyInterval}. */
export const DEFAULT_REKEY_INTERVAL = 10_000;
/** Default {@link SecureChannelOptions.maxMessageSize}: 16 MiB. */
export const DEFAULT_MAX_MESSAGE_SIZE = 16 * 1024 * 1024;
/** Default {@link SecureChannelOptions.closeTimeout} in milliseconds. */
export const DEFAULT_CLOSE_TIMEOUT = 2_000;

/** Options of {@link openSecureChannel}. */
export interface SecureChannelOptions {
  /** The initiator sends the first handshake message; the other side must be the responder. */
  role: "initiator" | "responder";
  /**
   * `XX` (default): both sides send their static keys, encrypted. `IK`: the initiator already knows the
   * responder's key, saving a round trip. Both sides must use the same pattern.
   */
  pattern?: "XX" | "IK";
  /** This side's long-term X25519 key pair. */
  staticKeyPair: X25519KeyPair;
  /**
   * The peer's static public key. Required by an IK initiator; otherwise, if given, the handshake fails unless
   * the peer presents exactly this key.
   */
  remoteStaticPublicKey?: Uint8Array;
  /**
   * Called with the peer's static public key as soon as the handshake reveals it; return false to refuse the
   * peer, which fails the handshake with {@link HandshakeError}. Not called for a key passed in advance (IK
   * initiator). Without it (and without `remoteStaticPublicKey`) any peer is accepted: check
   * {@link SecureChannel.remoteStaticPublicKey} yourself.
   */
  verifyRemote?: (publicKey: Uint8Array) => boolean | Promise<boolean>;
  /** Bytes both sides must agree on, such as an application and version tag. Default: empty. */
  prologue?: Uint8Array;
  /**
   * Frames sent in one direction before both sides switch that direction to a new key (Noise REKEY). Both sides
   * count frames, so they must use the same value. Default 10 000.
   */
  rekeyInterval?: number;
  /** Largest message `send` accepts and the receiver reassembles. Default 16 MiB; both sides should agree. */
  maxMessageSize?: number;
  /** How long `close()` waits for the peer to end its side, in milliseconds. Default 2000. */
  closeTimeout?: number;
  /** Aborting fails a handshake in progress with {@link HandshakeError}, or closes an open channel. */
  signal?: AbortSignal;
}

/**
 * An authenticated, encrypted, ordered message channel. Messages keep their boundaries; each is split into
 * Noise frames of at most 65535 bytes on the wire and reassembled. Any frame that fails to authenticate
 * (modified, replayed, reordered, dropped) closes the channel and makes the receiver throw {@link ChannelError}.
 */
export interface SecureChannel extends AsyncIterable<Uint8Array> {
  /** The peer's authenticated static public key. */
  readonly remoteStaticPublicKey: Uint8Array;
  /** The Noise handshake hash: identical on both sides and unique to this session, usable as a channel binding. */
  readonly handshakeHash: Uint8Array;
  /** Whether the channel was closed, by either side or by an error. */
  readonly closed: boolean;
  /** Encrypts and sends one message (empty allowed). Throws {@link ChannelError} if it is too large or closed. */
  send(message: Uint8Array): Promise<void>;
  /**
   * The next message, or `undefined` once the peer has closed the channel. Throws {@link ChannelError} if a
   * frame fails to authenticate or the connection ends without the peer closing the channel.
   */
  receive(): Promise<Uint8Array | undefined>;
  /** Iterates over received messages until the peer closes. Leaving the loop early does not close the channel. */
  messages(): AsyncGenerator<Uint8Array, void, undefined>;
  /** Same as {@link messages}. */
  [Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined>;
  /**
   * Sends a close message, ends the stream, and waits (up to `closeTimeout`) for the peer to end its side.
   * Messages that arrive meanwhile are discarded. Idempotent.
   */
  close(): Promise<void>;
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new ChannelError(`${name} must be a positive integer.`);
  return value;
}

function abortError(signal: AbortSignal): HandshakeError {
  return new HandshakeError("The secure channel handshake was aborted.", { cause: signal.reason });
}

/**
 * Runs a Noise handshake (`Noise_XX_25519_ChaChaPoly_SHA256` or `Noise_IK_...`) over `stream` and resolves to
 * an open {@link SecureChannel}. Handshake and transport messages travel as 2-byte big-endian length-prefixed
 * frames. Rejects with {@link HandshakeError} if the peer fails to authenticate, is refused, or the connection
 * ends; the stream is then released. Bad options reject with {@link ChannelError} or {@link InvalidKeyError}.
 */
export async function openSecureChannel(stream: ByteStream, options: SecureChannelOptions): Promise<SecureChannel> {
  const pattern = options.pattern ?? "XX";
  if (pattern !== "XX" && pattern !== "IK") throw new HandshakeError('A secure channel uses pattern "XX" or "IK".');
  const settings = {
    rekeyInterval: positiveInteger(options.rekeyInterval, DEFAULT_REKEY_INTERVAL, "rekeyInterval"),
    maxMessageSize: positiveInteger(options.maxMessageSize, DEFAULT_MAX_MESSAGE_SIZE, "maxMessageSize"),
    closeTimeout: positiveInteger(options.closeTimeout, DEFAULT_CLOSE_TIMEOUT, "closeTimeout"),
    signal: options.signal,
  };
  const { remoteStaticPublicKey } = options;
  if (remoteStaticPublicKey !== undefined && remoteStaticPublicKey.length !== 32) {
    throw new InvalidKeyError(`remoteStaticPublicKey must be 32 bytes, got ${remoteStaticPublicKey.length}.`);
  }
  // Only an IK initiator needs the key before the handshake; everyone else compares it once revealed.
  const preShared = pattern === "IK" && options.role === "initiator";
  const handshake = new HandshakeState({
    role: options.role,
    pattern,
    prologue: options.prologue,
    staticKeyPair: options.staticKeyPair,
    remoteStaticPublicKey: preShared ? remoteStaticPublicKey : undefined,
  });
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);

  const reader = new FrameReader(stream.readable);
  const writer = stream.writable.getWriter();
  // No reason is passed down: a Node socket adapter would re-emit it as a socket error.
  const release = (): void => {
    void reader.cancel();
    writer.abort().catch(() => undefined);
  };
  const onAbort = (): void => release();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const result = await runChannelHandshake(handshake, reader, writer, {
      expected: preShared ? undefined : remoteStaticPublicKey,
      verify: options.verifyRemote,
    });
    if (signal?.aborted) throw abortError(signal);
    return new SecureChannelSession(result, reader, writer, settings);
  } catch (cause) {
    release();
    if (signal?.aborted) throw abortError(signal);
    if (cause instanceof HandshakeError) throw cause;
    throw new HandshakeError("The secure channel handshake failed: the connection broke or sent invalid data.", {
      cause,
    });
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
