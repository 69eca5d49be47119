import { patternRecognizer } from "../pattern-recognizer";

/** MAC addresses: `aa:bb:cc:dd:ee:ff`, `aa-bb-...`, and Cisco's `aabb.ccdd.eeff`. */
export const macRecognizer = patternRecognizer({
  name: "mac",
  type: "MAC_ADDRESS",
  context: ["mac", "hardware", "ethernet", "wifi", "device"],
  patterns: [
    {
      regex: /(?<![\p{L}\p{N}:-])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![\p{L}\p{N}]|[:-][0-9a-f])/giu,
      requires: /[0-9a-f]{2}[:-][0-9a-f]{2}[:-]/iu,
      score: 0.9,
    },
    {
      regex: /(?<![\p{L}\p{N}.])[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}(?![\p{L}\p{N}]|\.[0-9a-f])/giu,
      // The middle group with its dots: a literal to look for, where the look-behind would be tried everywhere.
      requires: /\.[0-9a-f]{4}\./iu,
      score: 0.8,
    },
  ],
});
