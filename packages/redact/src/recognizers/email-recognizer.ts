import { patternRecognizer } from "../pattern-recognizer";

/** E-mail addresses, Unicode local parts and domains included. */
export const emailRecognizer = patternRecognizer({
  name: "email",
  type: "EMAIL",
  context: ["email", "e-mail", "mail", "courriel", "correo"],
  patterns: [
    {
      // The look-behind makes each run of local-part characters a single start, which keeps the scan linear.
      regex:
        /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]{0,63})@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62})\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}-])/gu,
      requires: /@/,
      // The "@" comes after at most 64 characters of local part, each one or two UTF-16 units.
      anchor: { regex: /@/, within: 128 },
      score: 1,
    },
  ],
});
