import type { Pattern, PatternVerdict } from "../pattern-recognizer";
import { ARABIC, DEVANAGARI, HAN, HANGUL, inScript, KHMER, scriptBlocks } from "../script-blocks";

// Street addresses in the forms of Korea, China, Japan, the Arab world, Malta, West Africa, India and Cambodia, whose
// street words and numbering the European patterns do not read.

// A number with a unit after it is a measure or a count, not a house number: "세로 10cm", "바로 3개".
const KOREAN_UNIT = /^[\d.,]*[ \t]?(?:cm|mm|km|kg|m|g|개|명|원|%|시|분|초|일|월|년|번|회|권|장|대|세|살|만|천|백|층)/u;
// A district before the road ("마포구 월드컵북로", "성남시 분당구 ...") or a building's unit after it ("1203호", "112동").
const KOREAN_DISTRICT_BEFORE = /[\uac00-\ud7af](?:구|시|군|읍|면)[ \t]$/u;

function koreanRoad(value: string, m: RegExpExecArray, text: string): PatternVerdict {
  const after = text.slice(m.index + value.length, m.index + value.length + 6);
  if (KOREAN_UNIT.test(after)) return null;
  const before = text.slice(Math.max(0, m.index - 8), m.index);
  return KOREAN_DISTRICT_BEFORE.test(before) || /(?:동|호)$/u.test(value) ? 0.8 : null;
}

// Arabic address parts: street, lane, road, block, building, house, flat, each with its name or number.
const ARABIC_PART =
  "(?:شارع|زنقة|طريق|جادة|قطعة|عمارة|بناية|مبنى|منزل|بيت|شقة|الشقة|بلوك|رقم)[ \\t](?:\\d{1,5}|[\\u0621-\\u064a]{2,15}(?:[ \\t](?!شارع|زنقة|قطعة|عمارة|منزل|شقة|الشقة)[\\u0621-\\u064a]{2,15}){0,2})";

export const WORLD_ADDRESS_PATTERNS: readonly Pattern[] = [
  {
    // Korean road-name addresses: 월드컵북로 396, 1203호; 올림픽로 135, 리센츠 112동 1804호; 가산디지털1로 168, A동 1204호.
    regex:
      /(?<![\uac00-\ud7af\d])[\uac00-\ud7af][\uac00-\ud7af\d]{1,12}(?:로|길)[ \t]?\d{1,4}(?:-\d{1,4})?(?![\d.,]*[ \t]?(?:cm|mm|km|kg|개|명|원|%|시|분|초|일|월|년|번|회))(?:(?:,[ \t]?|[ \t])(?:[\uac00-\ud7af\d]{1,12}[ \t])?(?:[A-Z]|\d{1,4})동)?(?:(?:,[ \t]?|[ \t])(?:[A-Z]동[ \t])?\d{1,5}호)?/gu,
    requires: inScript(HANGUL, /(?:로|길)[ \t]?\d/u),
    score: 0.8,
    validate: koreanRoad,
  },
  {
    // Chinese streets and their numbers, after the city or district if any: 张杨路1588弄6号1402室, 中山大道88号3栋.
    regex:
      /(?<=^|[^\u4e00-\u9fff]|[在到去从從于於往至寄送住搬是的和跟请請区區市县縣镇鎮省])(?:(?![在到去从從于於往至寄送住搬是的和跟请請])[\u4e00-\u9fff]){1,7}?(?:路|街|大道|大街|巷)\d{1,5}(?:弄\d{1,4})?[号號](?:\d{1,4}(?:室|楼|樓|层|層|栋|棟|单元|單元))*/gu,
    requires: inScript(HAN, /[路街道巷]\d{1,5}/u),
    score: 0.8,
  },
  {
    // A Japanese building and its room: パークハイツ中目黒 302号室.
    regex: /(?<![\u30a0-\u30ff\u4e00-\u9fff])[\u30a0-\u30ff\u4e00-\u9fff]{2,16}[ \t\u3000]?\d{1,5}号室/gu,
    requires: (text) => text.includes("号室"),
    score: 0.8,
  },
  {
    // Arabic addresses of two parts or more: زنقة ابن سينا، عمارة 7، الشقة 12; قطعة 10، شارع 14، منزل 22.
    // The first part may carry a preposition glued on ("بزنقة", at the lane), which the address starts after.
    regex: new RegExp(
      `(?<=^|[^\\u0600-\\u06ff]|(?:^|[^\\u0600-\\u06ff])[بول])${ARABIC_PART}(?:[،,][ \\t]?${ARABIC_PART})+`,
      "gu",
    ),
    requires: inScript(ARABIC, /شارع|زنقة|طريق|جادة|قطعة|عمارة|بناية|مبنى|منزل|بيت|شقة|بلوك|رقم/u),
    score: 0.8,
  },
  {
    // Maltese streets: 12, Triq il-Kbira; Triq San Pawl 45.
    regex:
      /(?<![\p{L}\p{N}])(?:\d{1,4},?[ \t])?Triq[ \t](?:(?:il|l|ir|is|it|iż|ix|in|id|tal|tas|tat|ta)-)?\p{Lu}[\p{L}'’-]{1,24}(?:[ \t](?:(?:il|l|ir|is|it|tal|tas|ta)-)?\p{Lu}[\p{L}'’-]{1,24}){0,2}(?:[ \t]\d{1,4})?/gu,
    requires: (text) => text.includes("Triq"),
    score: 0.8,
  },
  {
    // A house numbered before its street, as West African and South Asian addresses write it: House No. 14, Nii
    // Okaiman Street; Plot 27-B, Block 6, PECHS.
    regex:
      /(?<![\p{L}])(?:House|Plot|Flat|Shop)[ \t](?:No\.?[ \t]?)?[\dA-Z][\dA-Z/-]{0,6},[ \t](?:(?:Block|Sector|Phase|Street|Road|Lane)[ \t][\dA-Z][\dA-Z/-]{0,5}(?:,[ \t]\p{Lu}[\p{L}\p{N}'’-]{1,20})?|\p{Lu}[\p{L}'’-]{1,20}(?:[ \t]\p{Lu}[\p{L}'’-]{1,20}){0,3}[ \t](?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Close|Lane|Crescent|Drive))/gu,
    requires: /House|Plot|Flat|Shop/u,
    score: 0.8,
  },
  {
    // Indian addresses by ordinal cross streets, mains, blocks and floors: #47, 2nd Floor, 6th Main, 4th Block;
    // 5th Cross, 19th Main. A door number and one such part, or two such parts.
    regex:
      /(?<![\p{L}\p{N}])(?:(?:#|No\.[ \t]?)\d{1,4}[A-Z]?(?:\/\d{1,3})?(?:,[ \t]?\d{1,3}(?:st|nd|rd|th)[ \t](?:Floor|Main|Cross|Block|Stage|Phase|Sector)(?:[ \t]Road)?)+|\d{1,3}(?:st|nd|rd|th)[ \t](?:Floor|Main|Cross|Block|Stage|Phase|Sector)(?:[ \t]Road)?(?:,[ \t]?\d{1,3}(?:st|nd|rd|th)[ \t](?:Floor|Main|Cross|Block|Stage|Phase|Sector)(?:[ \t]Road)?)+)(?![\p{L}\p{N}])/gu,
    requires: /\d(?:st|nd|rd|th)[ \t](?:Floor|Main|Cross|Block|Stage|Phase|Sector)/u,
    score: 0.8,
  },
  {
    // Hindi flats, towers and plots: टावर C, फ्लैट 1104; मकान नं. 12, सेक्टर 62.
    regex:
      /(?<![\u0900-\u097f])(?:टावर|फ्लैट|मकान नं\.?|मकान नंबर|प्लॉट|ब्लॉक|गली नं\.?)[ \t]?[A-Z0-9][A-Z0-9-]{0,5}(?:,[ \t]?(?:टावर|फ्लैट|मकान नं\.?|प्लॉट|ब्लॉक|सेक्टर|गली नं\.?)[ \t]?[A-Z0-9][A-Z0-9-]{0,5})+/gu,
    requires: inScript(DEVANAGARI, /टावर|फ्लैट|मकान|प्लॉट|ब्लॉक|गली/u),
    score: 0.8,
  },
  {
    // Khmer house and street numbers: ផ្ទះលេខ 24 ផ្លូវ 278.
    regex: /ផ្ទះលេខ[ \t]?\d{1,5}[A-Z]?(?:[ \t]?ផ្លូវ(?:លេខ)?[ \t]?\d{1,5}[A-Z]?)?/gu,
    requires: (text) => (scriptBlocks(text) & KHMER) !== 0 && text.includes("ផ្ទះលេខ"),
    score: 0.8,
  },
];
