import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { patternRecognizer } from "../pattern-recognizer";

/**
 * Phone numbers in chat links ("https://wa.me/5511987654321", "api.whatsapp.com/send?phone=4915112345678"): the
 * number is written in full international form without its "+", right after the link's fixed prefix, so it is taken
 * when it is a valid number once the "+" is put back.
 */
export const phoneLinkRecognizer = patternRecognizer({
  name: "phone-link",
  type: "PHONE",
  patterns: [
    {
      regex: /(?<=(?:^|[^\p{L}\p{N}.-])wa\.me\/|whatsapp\.com\/send\/?\?phone=)\+?\d{7,15}(?!\d)/giu,
      requires: /wa\.me\/|\?phone=/i,
      score: 0.95,
      validate: (value) => {
        const parsed = parsePhoneNumberFromString(value.startsWith("+") ? value : `+${value}`);
        return parsed?.isValid() ? 0.95 : null;
      },
    },
  ],
});
