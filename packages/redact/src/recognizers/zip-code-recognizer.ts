import { patternRecognizer } from "../pattern-recognizer";

const US_STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY";

/**
 * Postal codes in the shapes that cannot be mistaken for other numbers: UK and Canadian postcodes, Dutch
 * `1234 AB`, Brazilian and Portuguese hyphenated ones, and plain digits only where a state or a city name follows.
 */
export const zipCodeRecognizer = patternRecognizer({
  name: "zip-code",
  type: "ZIP_CODE",
  context: ["zip", "postcode", "postal", "plz", "code postal", "código postal", "cap", "postcode", "cep", "pin code"],
  patterns: [
    {
      regex: /(?<![\p{L}\p{N}])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/gu,
      requires: /\d[A-Z]{2}/,
      score: 0.75,
      validate: (value) => (/\d[A-Z]{2}$/.test(value) && /^[A-Z]{1,2}\d/.test(value) ? 0.75 : null),
    },
    {
      regex: /(?<![\p{L}\p{N}])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d(?![\p{L}\p{N}])/gu,
      requires: /[A-Z]\d[A-Z]/,
      score: 0.7,
    },
    {
      // A US ZIP after a state code: "Springfield, IL 62704".
      // The state code is a word of its own: "RMA 55012" is a return number.
      regex: new RegExp(`(?<=(?<![\\p{L}])(?:${US_STATES}),?\\s)\\d{5}(?:-\\d{4})?(?![\\p{L}\\p{N}])`, "gu"),
      requires: /[A-Z]{2},?\s\d{5}/,
      score: 0.85,
    },
    {
      // 75001 Paris, 10115 Berlin, 1012 AB Amsterdam, 00184 Roma, 1000-001 Lisboa, 01310-100 São Paulo, 3000 Bern.
      regex:
        // One space before the city: a tab or a line break separates table cells and lines, not a postcode and its city.
        /(?<![\p{L}\p{N},.:/-])(?:\d{4}\s?[A-Z]{2}(?=[ \u00a0]\p{Lu})|\d{5}-\d{3}|\d{4}-\d{3}(?=[ \u00a0]\p{Lu})|(?:[A-Z]{1,2}-)?\d{4,5}(?=[ \u00a0]\p{Lu}\p{Ll}))(?![\p{N}])/gu,
      requires: /\d(?:\s?\p{Lu}|-\d)/u,
      score: 0.6,
    },
    { regex: /(?<=(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s)\d{4}(?![\p{N}])/gu, requires: /[A-Z]\s\d{4}/, score: 0.75 },
    {
      // After a label: "CP 06600", "CEP 01310-200", "PLZ: 80331", "ZIP 10001", "PIN 560001".
      regex: /(?<=(?:CP|C\.P\.|CEP|PLZ|ZIP|Zip|Postcode|postcode|PIN)\s?:?\s?)\d{4,6}(?:-\d{3,4})?(?![\p{L}\p{N}])/gu,
      requires: /(?:CP|C\.P\.|CEP|PLZ|ZIP|Zip|Postcode|postcode|PIN)\s?:?\s?\d/,
      score: 0.8,
    },
    {
      // After the words for a postcode in more languages, in any digits: "billing zip 97214", "کد پستی ۱۵۸۷۶۴۳۹۱۱",
      // "почтовый индекс 190000", "邮编 200120", "우편번호 06236", "รหัสไปรษณีย์ 10110".
      regex:
        /(?<![\p{L}])(?:zip(?: code)?|postal code|post code|pin ?code|código postal|code postal|kod pocztowy|почтовый индекс|индекс|کد پستی|الرمز البريدي|رمز بريدي|邮编|郵便番号|우편번호|รหัสไปรษณีย์)(?:[^\S\n](?:is|:))?[^\S\n]?:?[^\S\n]?([0-9\u0660-\u0669\u06f0-\u06f9]{4,10}(?:-[0-9]{3,4})?)(?![\p{L}\p{N}])/dgiu,
      // Any case: "Zip code 97214", "Postal code: 97214", "Código postal 28013".
      requires: /zip|postal|post code|pin ?code|pocztowy|индекс|کد پستی|بريدي|邮编|郵便番号|우편번호|รหัสไปรษณีย์/iu,
      group: 1,
      score: 0.8,
    },
    {
      // Polish "00-514 Warszawa" before its city, and Argentine CPA "C1043AAZ" by its shape.
      regex: /(?<![\p{L}\p{N}-])(?:\d{2}-\d{3}(?=[ \u00a0]\p{Lu}\p{Ll})|[A-HJ-NP-Z]\d{4}[A-Z]{3})(?![\p{L}\p{N}])/gu,
      requires: /\d{2}-\d{3}\s|[A-Z]\d{4}[A-Z]{3}/,
      score: 0.7,
    },
    {
      // Japanese postcodes after the postal mark: "〒150-0002".
      regex: /(?<=〒\s?)\d{3}-\d{4}(?![\p{N}])/gu,
      requires: /〒/,
      score: 0.9,
    },
    {
      // Irish Eircodes: "D02 X285".
      regex: /(?<![\p{L}\p{N}])[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y0-9]{4}(?![\p{L}\p{N}])/gu,
      requires: /[A-Z]\d\d/,
      score: 0.55,
      validate: (value) => (/[A-Z]/.test(value.slice(4)) || /\d/.test(value.slice(4)) ? 0.55 : null),
    },
  ],
});
