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

// A version word ("build", "fw", "update", or one ending a compound: "Treiberversion", "Firmwareversion"), maybe
// followed by one more word and "to" ("Версия клиента 2.10.4.117", "bumped libfoo to 1.2.3.4"): what comes next is
// a version number, not an address. The extra word is never one that names a machine ("update server 10.0.0.5").
const COMPOUND_VERSION_WORDS = "version|versión|versione|versão|versie|versio|verzió|firmware|treiber|driver";
const VERSION_WORDS = [
  "wersja",
  "verze",
  "sürüm",
  "версия",
  "версии",
  "версію",
  "прошивк[аи]",
  "έκδοση",
  "fw",
  "sw",
  "software",
  "build",
  "release",
  "v",
  "ver",
  "rev",
  "update[ds]?",
  "upgrade[ds]?",
  "bump(?:ed|s)?",
  "patch",
  "kernel",
  "ядро",
  "mise à jour",
  "actualización",
  "aggiornamento",
  "atualização",
].join("|");
const VERSION_BEFORE = new RegExp(
  `(?:(?:${COMPOUND_VERSION_WORDS})|(?:^|[^\\p{L}])(?:${VERSION_WORDS}))\\.?(?:\\s(?!(?:ip|address|adresse|server|host|gateway|router|dns|lan|wan)\\b)[\\p{L}\\p{N}_-]{2,20})?(?:\\s(?:to|auf|à|a|на))?\\s?:?\\s?$`,
  "iu",
);
// Scripts that write no spaces between words: a version word there runs straight into the number ("内核3.10.0.1").
const VERSION_BEFORE_CJK = /(?:版本|内核|固件|バージョン|버전)\s?[:：]?\s?$/u;
// "2.0.4.118 (was 2.0.3.97)", "from 2.0.3.9 to 2.0.4.1": a number compared with a version number is one too.
const COMPARED_WITH = /(\d+(?:\.\d+){1,3})\s?\(?(?:was|from|to|vs\.?|→|->)\s?$/iu;

/**
 * Addresses that name no machine of anyone: "0.0.0.0" (any), the loopback 127.x, broadcast and subnet masks
 * ("255.255.255.0", "255.255.240.0"), and "::". A note that the server listens on 0.0.0.0 says nothing about a person.
 */
export function isUnassignedIpv4(value: string): boolean {
  const parts = value.split("/")[0]!.split(".").map(Number);
  if (parts[0] === 0 || parts[0] === 127) return true;
  // A mask: ones then zeros, from 255 on.
  if (parts[0] !== 255) return false;
  const bits = parts.reduce((n, p) => n * 256 + p, 0);
  const inverted = 0xffffffff - bits;
  return (inverted & (inverted + 1)) === 0;
}

function versionBefore(text: string, at: number, compared = true): boolean {
  const before = text.slice(Math.max(0, at - 48), at);
  if (VERSION_BEFORE.test(before) || VERSION_BEFORE_CJK.test(before)) return true;
  if (!compared) return false;
  const other = COMPARED_WITH.exec(before.slice(-24));
  return other !== null && versionBefore(text, at - before.slice(-24).length + other.index, false);
}

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
      validate: (value, match, text) => (isUnassignedIpv4(value) || versionBefore(text, match.index) ? null : 0.85),
    },
    {
      regex: /(?<![\p{L}\p{N}_:])[0-9a-f:]{2,39}(?![\p{L}\p{N}_:])/giu,
      requires: /:[0-9a-f]{0,4}:/i,
      score: 0.9,
      validate: (value) =>
        value !== "::" && value.includes(":") && value.split(":").length > 2 && isIpv6(value) ? 0.9 : null,
    },
  ],
});
