import { patternRecognizer } from "../pattern-recognizer";
import { base58CheckValid } from "../validation/base58check";
import { bech32Valid } from "../validation/bech32";
import { eip55Check } from "../validation/eip55";

/** Bitcoin (base58check and bech32/bech32m, checksums verified) and Ethereum (EIP-55) addresses. */
export const cryptoRecognizer = patternRecognizer({
  name: "crypto",
  type: "CRYPTO",
  context: ["bitcoin", "btc", "wallet", "ethereum", "eth", "crypto", "address", "send", "usdt"],
  patterns: [
    {
      // Bitcoin's 1 and 3, Litecoin's L and M: every base58check address carries the same checksum.
      regex: /(?<![\p{L}\p{N}])[13LM][1-9A-HJ-NP-Za-km-z]{25,34}(?![\p{L}\p{N}])/gu,
      requires: /[13LM][1-9A-HJ-NP-Za-km-z]{25}/,
      score: 1,
      validate: (value) => (base58CheckValid(value) ? 1 : null),
    },
    {
      regex: /(?<![\p{L}\p{N}])(?:bc|tb|ltc)1[02-9ac-hj-np-z]{11,71}(?![\p{L}\p{N}])/giu,
      requires: /(?:bc|tb|ltc)1[02-9ac-hj-np-z]{11}/i,
      score: 1,
      validate: (value) => (bech32Valid(value) ? 1 : null),
    },
    {
      regex: /(?<![\p{L}\p{N}])0x[0-9a-f]{40}(?![\p{L}\p{N}])/giu,
      requires: /0x[0-9a-f]{40}/i,
      score: 0.9,
      validate: (value) => {
        const check = eip55Check(value);
        return check === "invalid" ? null : check === "checksum" ? 1 : 0.85;
      },
    },
  ],
});
