import { DecryptError } from "../errors/decrypt-error";
import { HandshakeError } from "../errors/handshake-error";
import { InvalidKeyError } from "../errors/invalid-key-error";
import { concatBytes, equalBytes, wipe } from "../primitives/bytes";
import { generateX25519KeyPair, type X25519KeyPair, x25519PublicKey, x25519SharedSecret } from "../primitives/x25519";
import type { CipherState } from "./cipher-state";
import { type HandshakePattern, handshakePattern, type MessageToken } from "./handshake-patterns";
import { NOISE_MAX_MESSAGE_LENGTH, NOISE_TAG_LENGTH } from "./max-message-length";
import { noiseProtocolName, parseNoiseProtocolName } from "./protocol-name";
import { SymmetricState } from "./symmetric-state";

const KEY_LENGTH = 32;
const EMPTY = new Uint8Array(0);

/** Which side of the handshake this party plays. */
export type NoiseRole = "initiator" | "responder";

/** Options of {@link HandshakeState}. */
export interface HandshakeStateOptions {
  /** Initiator sends the first message. */
  role: NoiseRole;
  /** A pattern name such as `XX`, `IK` or `NNpsk0`, or a full name such as `Noise_XX_25519_ChaChaPoly_SHA256`. */
  pattern: string;
  /** Bytes both sides must agree on, e.g. a protocol version; a mismatch fails the handshake. Default: empty. */
  prologue?: Uint8Array;
  /** This party's long-term X25519 key pair; required when the pattern sends or pre-shares it. */
  staticKeyPair?: X25519KeyPair;
  /** The peer's static public key, only for patterns where it is known in advance (IK, NK, KK, XK, N, K, X...). */
  remoteStaticPublicKey?: Uint8Array;
  /** 32-byte pre-shared keys, one per psk modifier, in the order the handshake uses them. */
  psks?: readonly Uint8Array[];
  /**
   * A fixed ephemeral secret key, for reproducing published test vectors only. Reusing an ephemeral key across
   * handshakes destroys their security: never set this outside tests.
   */
  testOnlyEphemeralSecretKey?: Uint8Array;
}

/** The two transport ciphers of a finished handshake, from this party's point of view. */
export interface TransportCiphers {
  /** Encrypts what this party sends. In one-way patterns the responder must not use it. */
  send: CipherState;
  /** Decrypts what the peer sends. */
  receive: CipherState;
}

function checkPublicKey(publicKey: Uint8Array, what: string): void {
  if (publicKey.length !== KEY_LENGTH) {
    throw new InvalidKeyError(`The ${what} must be a 32-byte X25519 public key, got ${publicKey.length} bytes.`);
  }
}

function checkKeyPair(keyPair: X25519KeyPair): X25519KeyPair {
  checkPublicKey(keyPair.publicKey, "static public key");
  if (!equalBytes(x25519PublicKey(keyPair.secretKey), keyPair.publicKey)) {
    throw new InvalidKeyError("The static public key does not belong to the static secret key.");
  }
  return { secretKey: keyPair.secretKey.slice(), publicKey: keyPair.publicKey.slice() };
}

function toHandshakeError(cause: unknown): HandshakeError {
  if (cause instanceof HandshakeError) return cause;
  if (cause instanceof DecryptError) {
    return new HandshakeError(
      "Noise handshake message did not authenticate: wrong static key, prologue or pattern, or the message was modified.",
      { cause },
    );
  }
  if (cause instanceof InvalidKeyError) {
    return new HandshakeError("Noise handshake failed: the peer sent an invalid public key.", { cause });
  }
  return new HandshakeError("Noise handshake failed.", { cause });
}

/**
 * Noise HandshakeState (§5.3) for `25519_ChaChaPoly_SHA256` and any pattern of {@link handshakePattern}.
 * Call {@link writeMessage} and {@link readMessage} in turn; when {@link isComplete}, take the transport ciphers
 * with {@link split}. Any failure is final: Noise cannot resume a handshake whose transcript diverged.
 */
export class HandshakeState {
  readonly #role: NoiseRole;
  readonly #pattern: HandshakePattern;
  readonly #protocolName: string;
  readonly #symmetric: SymmetricState;
  readonly #psks: Uint8Array[];
  #s: X25519KeyPair | undefined;
  #e: X25519KeyPair | undefined;
  #rs: Uint8Array | undefined;
  #re: Uint8Array | undefined;
  #testOnlyEphemeral: Uint8Array | undefined;
  #messageIndex = 0;
  #pskIndex = 0;
  #failed = false;
  #handshakeHash: Uint8Array | undefined;
  #ciphers: [CipherState, CipherState] | undefined;
  #splitDone = false;

  constructor(options: HandshakeStateOptions) {
    if (options.role !== "initiator" && options.role !== "responder") {
      throw new HandshakeError('A Noise role is "initiator" or "responder".');
    }
    this.#role = options.role;
    this.#pattern = options.pattern.startsWith("Noise_")
      ? parseNoiseProtocolName(options.pattern)
      : handshakePattern(options.pattern);
    this.#protocolName = noiseProtocolName(this.#pattern.name);
    const initiator = this.#role === "initiator";
    const pattern = this.#pattern;
    const ownPreMessage = initiator ? pattern.initiatorPreMessage : pattern.responderPreMessage;
    const remotePreMessage = initiator ? pattern.responderPreMessage : pattern.initiatorPreMessage;
    const ownMessages = pattern.messages.filter((_, index) => index % 2 === (initiator ? 0 : 1));
    const remoteMessages = pattern.messages.filter((_, index) => index % 2 === (initiator ? 1 : 0));

    if (ownPreMessage.includes("s") || ownMessages.some((tokens) => tokens.includes("s"))) {
      if (options.staticKeyPair === undefined) {
        throw new HandshakeError(`Noise pattern ${pattern.name} needs a static key pair for the ${this.#role}.`);
      }
    }
    if (options.staticKeyPair !== undefined) this.#s = checkKeyPair(options.staticKeyPair);

    if (remotePreMessage.includes("s")) {
      if (options.remoteStaticPublicKey === undefined) {
        throw new HandshakeError(`Noise pattern ${pattern.name} needs the remote static public key in advance.`);
      }
      checkPublicKey(options.remoteStaticPublicKey, "remote static public key");
      this.#rs = options.remoteStaticPublicKey.slice();
    } else if (options.remoteStaticPublicKey !== undefined) {
      const how = remoteMessages.some((tokens) => tokens.includes("s"))
        ? "sends it during the handshake; compare it afterwards instead"
        : "never uses it";
      throw new HandshakeError(`Noise pattern ${pattern.name} ${how}: do not pass remoteStaticPublicKey.`);
    }

    const pskCount = pattern.messages.flat().filter((token) => token === "psk").length;
    const psks = options.psks ?? [];
    if (psks.length !== pskCount) {
      throw new HandshakeError(`Noise pattern ${pattern.name} needs ${pskCount} pre-shared keys, got ${psks.length}.`);
    }
    for (const psk of psks) {
      if (psk.length !== KEY_LENGTH)
        throw new InvalidKeyError(`A Noise pre-shared key is 32 bytes, got ${psk.length}.`);
    }
    this.#psks = psks.map((psk) => psk.slice());

    if (options.testOnlyEphemeralSecretKey !== undefined) {
      if (options.testOnlyEphemeralSecretKey.length !== KEY_LENGTH) {
        throw new InvalidKeyError("The test-only ephemeral secret key must be 32 bytes.");
      }
      this.#testOnlyEphemeral = options.testOnlyEphemeralSecretKey.slice();
    }

    this.#symmetric = new SymmetricState(this.#protocolName);
    this.#symmetric.mixHash(options.prologue ?? EMPTY);
    // Pre-messages are hashed initiator first, whichever side we are (§7.1).
    for (const _ of pattern.initiatorPreMessage) this.#symmetric.mixHash(this.#staticOf("initiator"));
    for (const _ of pattern.responderPreMessage) this.#symmetric.mixHash(this.#staticOf("responder"));
  }

  /** The full protocol name, e.g. `Noise_XX_25519_ChaChaPoly_SHA256`. */
  get protocolName(): string {
    return this.#protocolName;
  }

  /** This party's role. */
  get role(): NoiseRole {
    return this.#role;
  }

  /** Whether every handshake message has been written or read. */
  get isComplete(): boolean {
    return this.#messageIndex >= this.#pattern.messages.length;
  }

  /** Whether the next step is {@link writeMessage} (true) or {@link readMessage} (false). */
  get isMyTurn(): boolean {
    return !this.#failed && !this.isComplete && this.#messageIndex % 2 === (this.#role === "initiator" ? 0 : 1);
  }

  /** The peer's static public key once it is known (in advance, or after the message that carries it). */
  get remoteStaticPublicKey(): Uint8Array | undefined {
    return this.#rs?.slice();
  }

  /** The handshake hash `h`, a unique channel binding; only available once the handshake is complete. */
  get handshakeHash(): Uint8Array {
    if (this.#handshakeHash === undefined) {
      throw new HandshakeError("The handshake hash is only defined once the Noise handshake is complete.");
    }
    return this.#handshakeHash.slice();
  }

  /**
   * Produces the next handshake message carrying `payload` (encrypted once a key is established).
   * Throws {@link HandshakeError} when it is not this party's turn or the message would exceed 65535 bytes.
   */
  writeMessage(payload: Uint8Array = EMPTY): Uint8Array {
    const tokens = this.#currentTokens(true);
    const length = this.#messageLength(tokens, payload.length);
    if (length > NOISE_MAX_MESSAGE_LENGTH) {
      throw new HandshakeError(
        `A Noise handshake message is at most ${NOISE_MAX_MESSAGE_LENGTH} bytes; this payload would make it ${length}.`,
      );
    }
    try {
      const parts: Uint8Array[] = [];
      for (const token of tokens) {
        if (token === "e") {
          const e = this.#newEphemeral();
          this.#e = e;
          parts.push(e.publicKey.slice());
          this.#symmetric.mixHash(e.publicKey);
          if (this.#pattern.psk) this.#symmetric.mixKey(e.publicKey);
        } else if (token === "s") {
          parts.push(this.#symmetric.encryptAndHash(this.#staticOf(this.#role)));
        } else {
          this.#processKeyToken(token);
        }
      }
      parts.push(this.#symmetric.encryptAndHash(payload));
      this.#advance();
      return concatBytes(...parts);
    } catch (cause) {
      this.#failed = true;
      throw toHandshakeError(cause);
    }
  }

  /**
   * Consumes the peer's next handshake message and returns its decrypted payload. Throws {@link HandshakeError}
   * when it is not the peer's turn, or the message is too short, too long or does not authenticate.
   */
  readMessage(message: Uint8Array): Uint8Array {
    const tokens = this.#currentTokens(false);
    try {
      if (message.length > NOISE_MAX_MESSAGE_LENGTH) {
        throw new HandshakeError(
          `A Noise handshake message is at most ${NOISE_MAX_MESSAGE_LENGTH} bytes, got ${message.length}.`,
        );
      }
      let offset = 0;
      const take = (length: number, what: string): Uint8Array => {
        if (message.length - offset < length) {
          throw new HandshakeError(`Noise handshake message is too short: it ends before the ${what}.`);
        }
        const bytes = message.slice(offset, offset + length);
        offset += length;
        return bytes;
      };
      for (const token of tokens) {
        if (token === "e") {
          const re = take(KEY_LENGTH, "ephemeral public key");
          this.#re = re;
          this.#symmetric.mixHash(re);
          if (this.#pattern.psk) this.#symmetric.mixKey(re);
        } else if (token === "s") {
          const sealed = take(KEY_LENGTH + (this.#symmetric.hasKey() ? NOISE_TAG_LENGTH : 0), "static public key");
          this.#rs = this.#symmetric.decryptAndHash(sealed);
        } else {
          this.#processKeyToken(token);
        }
      }
      const rest = message.subarray(offset);
      if (this.#symmetric.hasKey() && rest.length < NOISE_TAG_LENGTH) {
        throw new HandshakeError("Noise handshake message is too short: it ends before the payload's tag.");
      }
      const payload = this.#symmetric.decryptAndHash(rest);
      this.#advance();
      return payload;
    } catch (cause) {
      this.#failed = true;
      throw toHandshakeError(cause);
    }
  }

  /**
   * The transport ciphers (Split, §5.2). Only once the handshake is complete, and only once: a second pair would
   * reuse nonces.
   */
  split(): TransportCiphers {
    if (this.#ciphers === undefined) {
      throw new HandshakeError("The Noise handshake is not complete: no transport ciphers yet.");
    }
    if (this.#splitDone) throw new HandshakeError("The transport ciphers were already taken from this handshake.");
    this.#splitDone = true;
    const [initiatorToResponder, responderToInitiator] = this.#ciphers;
    return this.#role === "initiator"
      ? { send: initiatorToResponder, receive: responderToInitiator }
      : { send: responderToInitiator, receive: initiatorToResponder };
  }

  #currentTokens(writing: boolean): readonly MessageToken[] {
    if (this.#failed) throw new HandshakeError("This Noise handshake already failed: start a new one.");
    if (this.isComplete) throw new HandshakeError("The Noise handshake is already complete.");
    if (this.isMyTurn !== writing) {
      throw new HandshakeError(
        writing
          ? "Out of turn: the Noise handshake expects to read the peer's message now, not to write."
          : "Out of turn: the Noise handshake expects to write a message now, not to read.",
      );
    }
    const tokens = this.#pattern.messages[this.#messageIndex];
    if (tokens === undefined) throw new HandshakeError("The Noise handshake is already complete.");
    return tokens;
  }

  /** Exact length of the message `tokens` would produce, computed before any state changes. */
  #messageLength(tokens: readonly MessageToken[], payloadLength: number): number {
    let keyed = this.#symmetric.hasKey();
    let length = 0;
    for (const token of tokens) {
      if (token === "e") {
        length += KEY_LENGTH;
        keyed ||= this.#pattern.psk;
      } else if (token === "s") {
        length += KEY_LENGTH + (keyed ? NOISE_TAG_LENGTH : 0);
      } else {
        keyed = true;
      }
    }
    return length + payloadLength + (keyed ? NOISE_TAG_LENGTH : 0);
  }

  #processKeyToken(token: "ee" | "es" | "se" | "ss" | "psk"): void {
    if (token === "psk") {
      const psk = this.#psks[this.#pskIndex];
      if (psk === undefined) throw new HandshakeError("Noise pattern ran out of pre-shared keys.");
      this.#pskIndex += 1;
      this.#symmetric.mixKeyAndHash(psk);
      return;
    }
    // In "es" the initiator contributes its ephemeral and the responder its static key; "se" is the reverse.
    const initiator = this.#role === "initiator";
    const localIsEphemeral = token === "ee" || (token === "es" ? initiator : token === "se" ? !initiator : false);
    const remoteIsEphemeral = token === "ee" || (token === "es" ? !initiator : token === "se" ? initiator : false);
    const local = localIsEphemeral ? this.#e : this.#s;
    const remote = remoteIsEphemeral ? this.#re : this.#rs;
    if (local === undefined || remote === undefined) {
      throw new HandshakeError(`Noise token "${token}" needs a key that this handshake does not have.`);
    }
    const shared = x25519SharedSecret(local.secretKey, remote);
    this.#symmetric.mixKey(shared);
    wipe(shared);
  }

  #newEphemeral(): X25519KeyPair {
    const secretKey = this.#testOnlyEphemeral;
    if (secretKey === undefined) return generateX25519KeyPair();
    this.#testOnlyEphemeral = undefined;
    return { secretKey, publicKey: x25519PublicKey(secretKey) };
  }

  #staticOf(role: NoiseRole): Uint8Array {
    const key = role === this.#role ? this.#s?.publicKey : this.#rs;
    if (key === undefined) throw new HandshakeError(`Noise pattern needs the ${role}'s static key, which is missing.`);
    return key;
  }

  #advance(): void {
    this.#messageIndex += 1;
    if (!this.isComplete) return;
    this.#handshakeHash = this.#symmetric.getHandshakeHash();
    this.#ciphers = this.#symmetric.split();
    if (this.#e !== undefined) wipe(this.#e.secretKey);
    if (this.#s !== undefined) wipe(this.#s.secretKey);
    for (const psk of this.#psks) wipe(psk);
  }
}
