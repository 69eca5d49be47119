import { HandshakeError } from "../errors/handshake-error";

/**
 * A token of a pre-message: a static public key the other side knows before the handshake. Ephemeral pre-messages
 * only occur in fallback patterns (§10.2), which this package does not implement.
 */
export type PreMessageToken = "s";

/** A token of a handshake message (Noise §7.1), including the `psk` token of §9. */
export type MessageToken = "e" | "s" | "ee" | "es" | "se" | "ss" | "psk";

/** A handshake pattern (Noise §7): pre-messages, then messages that alternate, the initiator sending first. */
export interface HandshakePattern {
  /** Pattern name as it appears in the protocol name, e.g. `XX` or `IKpsk2`. */
  readonly name: string;
  /** Keys of the initiator that the responder knows in advance. */
  readonly initiatorPreMessage: readonly PreMessageToken[];
  /** Keys of the responder that the initiator knows in advance. */
  readonly responderPreMessage: readonly PreMessageToken[];
  /** Message patterns; even indexes are sent by the initiator, odd ones by the responder. */
  readonly messages: readonly (readonly MessageToken[])[];
  /** One-way patterns (N, K, X) have a single message: only the initiator may send afterwards. */
  readonly oneWay: boolean;
  /** Whether the pattern has psk modifiers, which changes how the `e` token is processed. */
  readonly psk: boolean;
}

type BasePattern = Omit<HandshakePattern, "name" | "psk">;

/** The one-way and fundamental interactive patterns of Noise §7.4 and §7.5. */
const BASE_PATTERNS: Readonly<Record<string, BasePattern>> = {
  N: { initiatorPreMessage: [], responderPreMessage: ["s"], messages: [["e", "es"]], oneWay: true },
  K: { initiatorPreMessage: ["s"], responderPreMessage: ["s"], messages: [["e", "es", "ss"]], oneWay: true },
  X: { initiatorPreMessage: [], responderPreMessage: ["s"], messages: [["e", "es", "s", "ss"]], oneWay: true },
  NN: { initiatorPreMessage: [], responderPreMessage: [], messages: [["e"], ["e", "ee"]], oneWay: false },
  NK: {
    initiatorPreMessage: [],
    responderPreMessage: ["s"],
    messages: [
      ["e", "es"],
      ["e", "ee"],
    ],
    oneWay: false,
  },
  NX: { initiatorPreMessage: [], responderPreMessage: [], messages: [["e"], ["e", "ee", "s", "es"]], oneWay: false },
  XN: {
    initiatorPreMessage: [],
    responderPreMessage: [],
    messages: [["e"], ["e", "ee"], ["s", "se"]],
    oneWay: false,
  },
  XK: {
    initiatorPreMessage: [],
    responderPreMessage: ["s"],
    messages: [
      ["e", "es"],
      ["e", "ee"],
      ["s", "se"],
    ],
    oneWay: false,
  },
  XX: {
    initiatorPreMessage: [],
    responderPreMessage: [],
    messages: [["e"], ["e", "ee", "s", "es"], ["s", "se"]],
    oneWay: false,
  },
  KN: { initiatorPreMessage: ["s"], responderPreMessage: [], messages: [["e"], ["e", "ee", "se"]], oneWay: false },
  KK: {
    initiatorPreMessage: ["s"],
    responderPreMessage: ["s"],
    messages: [
      ["e", "es", "ss"],
      ["e", "ee", "se"],
    ],
    oneWay: false,
  },
  KX: {
    initiatorPreMessage: ["s"],
    responderPreMessage: [],
    messages: [["e"], ["e", "ee", "se", "s", "es"]],
    oneWay: false,
  },
  IN: {
    initiatorPreMessage: [],
    responderPreMessage: [],
    messages: [
      ["e", "s"],
      ["e", "ee", "se"],
    ],
    oneWay: false,
  },
  IK: {
    initiatorPreMessage: [],
    responderPreMessage: ["s"],
    messages: [
      ["e", "es", "s", "ss"],
      ["e", "ee", "se"],
    ],
    oneWay: false,
  },
  IX: {
    initiatorPreMessage: [],
    responderPreMessage: [],
    messages: [
      ["e", "s"],
      ["e", "ee", "se", "s", "es"],
    ],
    oneWay: false,
  },
};

/** Names of the base patterns this package implements. */
export const SUPPORTED_HANDSHAKE_PATTERNS: readonly string[] = Object.freeze(Object.keys(BASE_PATTERNS));

const PATTERN_NAME = /^([A-Z]{1,2})((?:psk\d+)(?:\+psk\d+)*)?$/;

/**
 * The pattern named `name`: a base pattern such as `XX`, optionally with psk modifiers (§9.2) such as `NNpsk0`
 * or `XXpsk0+psk3`. Throws {@link HandshakeError} for anything else.
 */
export function handshakePattern(name: string): HandshakePattern {
  const match = PATTERN_NAME.exec(name);
  // The regex admits only capital letters, so no Object.prototype key can be looked up.
  const base = match?.[1] === undefined ? undefined : BASE_PATTERNS[match[1]];
  if (match === null || base === undefined) {
    throw new HandshakeError(
      `Unsupported Noise handshake pattern "${name}": use one of ${SUPPORTED_HANDSHAKE_PATTERNS.join(", ")}, optionally with psk modifiers.`,
    );
  }
  const modifiers = match[2];
  if (modifiers === undefined) return { name, ...base, psk: false };

  const messages = base.messages.map((tokens) => [...tokens]);
  const seen = new Set<number>();
  for (const modifier of modifiers.split("+")) {
    const position = Number(modifier.slice("psk".length));
    if (seen.has(position) || position > messages.length || modifier !== `psk${position}`) {
      throw new HandshakeError(`Invalid psk modifier "${modifier}" in Noise pattern "${name}".`);
    }
    seen.add(position);
    // psk0 opens the first message; pskN (N >= 1) closes message N.
    if (position === 0) messages[0]?.unshift("psk");
    else messages[position - 1]?.push("psk");
  }
  return { name, ...base, messages, psk: true };
}
