import { HandshakeError } from "../errors/handshake-error";
import { type HandshakePattern, handshakePattern } from "./handshake-patterns";

/** The only cipher suite this package speaks: X25519, ChaCha20-Poly1305, SHA-256. */
export const NOISE_SUITE = "25519_ChaChaPoly_SHA256";

/** The full Noise protocol name of a pattern, e.g. `Noise_XX_25519_ChaChaPoly_SHA256`. */
export function noiseProtocolName(patternName: string): string {
  return `Noise_${patternName}_${NOISE_SUITE}`;
}

/**
 * Parses `Noise_<PATTERN>_25519_ChaChaPoly_SHA256` into its handshake pattern. Throws {@link HandshakeError} for
 * another suite or an unsupported pattern.
 */
export function parseNoiseProtocolName(protocolName: string): HandshakePattern {
  const prefix = "Noise_";
  const suffix = `_${NOISE_SUITE}`;
  if (!protocolName.startsWith(prefix) || !protocolName.endsWith(suffix)) {
    throw new HandshakeError(
      `Unsupported Noise protocol "${protocolName}": only Noise_<PATTERN>_${NOISE_SUITE} is implemented.`,
    );
  }
  return handshakePattern(protocolName.slice(prefix.length, protocolName.length - suffix.length));
}
