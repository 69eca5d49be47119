/** Noise §3: every handshake and transport message is at most 65535 bytes, so a 2-byte length can frame it. */
export const NOISE_MAX_MESSAGE_LENGTH = 65535;

/** Length of the ChaChaPoly authentication tag that every encrypted Noise payload carries. */
export const NOISE_TAG_LENGTH = 16;
