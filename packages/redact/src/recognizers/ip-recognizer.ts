import { patternRecognizer } from "../pattern-recognizer";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

/** Whether `value` is a textual IPv6 address (RFC 4291 section 2.2, without an embedded IPv4 tail). */
export function isIpv6(value: string): boolean {
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const groups = (s: string): string[] | null => {
    if (s === "") return [];
    const parts = s.split(":");
    return parts.every((p) => /^[0-9a-f]{1,4}$/i.test(p)) ? parts : null;
  };
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (!head || !tail) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count <= 7 : count === 8;
}

const VERSION_BEFORE =
  /(?:^|[^\p{L}])(?:version|versión|versione|versão|firmware|build|release|v|ver|rev|update|upgrade|patch)\.?\s?:?\s?$/iu;

/** IPv4 and IPv6 addresses. */
export const ipRecognizer = patternRecognizer({
  name: "ip",
  type: "IP_ADDRESS",
  context: ["ip", "address", "server", "host", "adresse", "dirección", "indirizzo"],
  patterns: [
    {
      regex: new RegExp(
        `(?<![\\p{N}.])(?:${OCTET}\\.){3}${OCTET}(?:/(?:3[0-2]|[12]?\\d))?(?![\\p{N}]|\\.\\p{N})`,
        "gu",
      ),
      requires: /\d\.\d{1,3}\.\d/,
      score: 0.85,
      // "Firmware 10.2.0.4", "version 1.2.3.4": a four-part version number, not an address.
      validate: (_value, match, text) =>
        VERSION_BEFORE.test(text.slice(Math.max(0, match.index - 24), match.index)) ? null : 0.85,
    },
    {
      regex: /(?<![\p{L}\p{N}_:])[0-9a-f:]{2,39}(?![\p{L}\p{N}_:])/giu,
      requires: /:[0-9a-f]{0,4}:/i,
      score: 0.9,
      validate: (value) => (value.includes(":") && value.split(":").length > 2 && isIpv6(value) ? 0.9 : null),
    },
  ],
});
