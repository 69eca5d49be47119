/**
 * @hearth/transport: the encrypted transport every Hearth package trusts. Keys and recovery, sealed envelopes,
 * signatures, device enrollment, replay protection and a Noise channel, composed from `@noble` primitives.
 *
 * @packageDocumentation
 */

// The live channel: Noise over any byte stream.
export type { ByteStream } from "./channel/byte-stream";
export {
  DEFAULT_CLOSE_TIMEOUT,
  DEFAULT_MAX_MESSAGE_SIZE,
  DEFAULT_REKEY_INTERVAL,
  openSecureChannel,
  type SecureChannel,
  type SecureChannelOptions,
} from "./channel/secure-channel";
export { type WebSocketLike, webSocketByteStream } from "./channel/web-socket-byte-stream";
export { deriveDocumentKey, derivePurposeKey } from "./derive-key";
export {
  type DeviceIdentity,
  type DevicePublicKeys,
  deviceIdentityFromBytes,
  deviceIdentityToBytes,
  deviceIdOf,
  generateDeviceIdentity,
  publicKeysOf,
} from "./device-identity";
export {
  type AcceptedEnrollment,
  acceptEnrollmentGrant,
  createEnrollmentGrant,
  type EnrollmentGrantInfo,
  verifyEnrollmentGrant,
} from "./enrollment-grant";
export { type EntryContext, encodeEntryContext } from "./entry-context";
export {
  ENVELOPE_HEADER_BYTES,
  ENVELOPE_OVERHEAD,
  ENVELOPE_VERSION,
  type EnvelopeHeader,
  openEnvelope,
  readEnvelopeHeader,
  type SealOptions,
  sealEnvelope,
} from "./envelope";
export { ChannelError } from "./errors/channel-error";
export { DecryptError } from "./errors/decrypt-error";
export { HandshakeError } from "./errors/handshake-error";
export { IntegrityError } from "./errors/integrity-error";
export { InvalidFormatError } from "./errors/invalid-format-error";
export { InvalidKeyError } from "./errors/invalid-key-error";
export { InvalidRecoveryPhraseError } from "./errors/invalid-recovery-phrase-error";
export { ReplayError } from "./errors/replay-error";
export { SignatureError } from "./errors/signature-error";
export { TransportError, type TransportErrorCode } from "./errors/transport-error";
export { UnknownEpochError } from "./errors/unknown-epoch-error";
export { WrongPassphraseError } from "./errors/wrong-passphrase-error";
export {
  DEFAULT_SCRYPT_PARAMS,
  type KeyFileOptions,
  openKeyFile,
  readKeyFileHeader,
  type ScryptParams,
  wrapKeyFile,
} from "./key-file";
export { KeyRing } from "./key-ring";
// The Noise engine under it, for protocols of your own.
export { CipherState } from "./noise/cipher-state";
export {
  type HandshakePattern,
  handshakePattern,
  type MessageToken,
  type PreMessageToken,
  SUPPORTED_HANDSHAKE_PATTERNS,
} from "./noise/handshake-patterns";
export {
  HandshakeState,
  type HandshakeStateOptions,
  type NoiseRole,
  type TransportCiphers,
} from "./noise/handshake-state";
export { NOISE_MAX_MESSAGE_LENGTH } from "./noise/max-message-length";
export { NOISE_SUITE, noiseProtocolName, parseNoiseProtocolName } from "./noise/protocol-name";
export { padme, padmeLength, unpadme } from "./padme";
export { createPairingCode, parsePairingCode } from "./pairing-code";
export { bytesToHex, hexToBytes } from "./primitives/bytes";
export { chachaDecrypt, chachaEncrypt } from "./primitives/chacha20-poly1305";
// Thin, typed wrappers over the @noble primitives: the test vectors run through these.
export {
  type Ed25519KeyPair,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  generateEd25519KeyPair,
} from "./primitives/ed25519";
export { HKDF_SHA256_MAX_BYTES, hkdfSha256 } from "./primitives/hkdf-sha256";
export { generateX25519KeyPair, type X25519KeyPair, x25519PublicKey, x25519SharedSecret } from "./primitives/x25519";
export { xchachaDecrypt, xchachaEncrypt } from "./primitives/xchacha20-poly1305";
export type { Progress } from "./progress";
export {
  type FromRecoveryPhraseOptions,
  fromRecoveryPhrase,
  RECOVERY_PHRASE_WORDS,
  toRecoveryPhrase,
} from "./recovery-phrase";
export { ReplayWindow, type ReplayWindowState } from "./replay-window";
export { accountId, generateRootSecret, ROOT_SECRET_BYTES } from "./root-secret";
export { openSealedBox, type SealedBoxResult, sealToPublicKey } from "./sealed-box";
export { signEnvelope, verifyEnvelope } from "./signed-envelope";
export { createSpaceGenesis, type SpaceGenesis, verifySpaceGenesis } from "./space-genesis";
