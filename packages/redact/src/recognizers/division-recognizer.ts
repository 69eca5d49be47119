import { lexiconKind } from "../ner/lexicon";
import type { PatternVerdict } from "../pattern-recognizer";
import { patternRecognizer } from "../pattern-recognizer";
import { ARABIC, HAN, inScript, THAI } from "../script-blocks";
import { smallRegexCode } from "../small-regex-code";

// Wards, districts, villages and camps, named after (or before) the word for the division, as addresses and field
// reports write them across the world: "Phường Đa Kao, Quận 1", "Kecamatan Cibeunying", "Brgy. Malanday", "Umurenge
// wa Gisozi", "Kambi ya Nyarugusu", "village Dhorimanna", "Kyangwali settlement", "อ.บางบัวทอง", "宝安区", "мкр. Самал".
// The name itself may be in no list: the division's word says it is a place.

// A name after the division's word: one to three capitalized words, with the particles of Spanish and Portuguese
// place names between them ("Distrito de San Juan de Lurigancho").
const NAME = String.raw`(\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:[ \t](?:(?:de|del|di|da|do|dos|das|la|las|los)[ \t])?\p{Lu}[\p{L}\p{M}'’-]{1,30}){0,2})`;
// Division words written before the name, as written (Vietnamese, Indonesian, Filipino, Spanish, Portuguese, Swahili,
// Kinyarwanda, French and English field reports, Russian and Kazakh addresses).
const BEFORE = [
  "Phường|Quận|Huyện|Thị xã|Thị trấn|Tỉnh|Thành phố|TP\\.|Kelurahan|Kel\\.|Kecamatan|Kec\\.|Kabupaten|Kab\\.|Desa",
  "Barangay|Brgy\\.?|Bgy\\.|Municipio de|Municipio|Barrio|Bairro|Comuna de|Comuna|Distrito de|Provincia de",
  "Provincia di|Comune di|Departamento de|Colonia|Fraccionamiento|Umurenge wa|Akarere ka|Intara y'|Kaunti ya|Kata ya",
  "Kijiji cha|Wilaya ya|Kambi ya|Mtaa wa|Landkreis|Ortsteil|Stadtteil|village|commune de|arrondissement de",
  "г\\.|гор\\.|с\\.|пос\\.|пгт|мкр\\.|микрорайон|село|деревня|посёлок|поселок|аул|ауыл",
].join("|");
// Division words written after the name.
const AFTER =
  "[Dd]istrict|[Ss]ub-county|[Cc]ounty|[Pp]rovince|[Rr]egion|[Mm]unicipality|[Ss]ettlement|[Rr]efugee [Cc]amp|[Cc]amp|[Vv]illage|[Ww]ard|Mahallesi|Mah\\.|İlçesi|Köyü|Belediyesi";
// Words a capital opens at a sentence's start or in a heading, which are no place's name before "camp" or "district".
const NOT_NAMES = new Set(
  "the this that our your their his her its a an every each new old same school business central federal summer winter training boot base refugee main local".split(
    " ",
  ),
);

/** A capitalized name that the English lexicon does not list as an ordinary word ("Hall", "Summer"). */
function placeName(value: string): PatternVerdict {
  const words = value.toLowerCase().split(/[ \t]+/u);
  if (words.some((w) => NOT_NAMES.has(w))) return null;
  return words.length === 1 && lexiconKind(words[0]!) === "common" ? null : 0.7;
}

// Chinese and Japanese division characters after a name of two or three characters; what stands before a place in
// a sentence (在宝安区, 去朝阳区) and the divisions before it (宝安区福永街道) are no part of it.
const HAN_STOP = "在到去从從于於和跟与與的是我你他她们們这這那了给給向往为為对對把被让讓请請区區县縣市省镇鎮乡鄉道都府";
const HAN_DIVISION = new RegExp(
  `(?<=[^\\u4e00-\\u9fff]|^|[${HAN_STOP}])(?![${HAN_STOP}])[\\u4e00-\\u9fff]{2,3}?(?:区|區|县|縣|镇|鎮|乡|鄉|街道)`,
  "gu",
);
// Kinds of zone, not names: "industrial", "development", "residential", "scenic".
const HAN_GENERIC =
  /工业|工業|开发|開發|商业|商業|住宅|风景|風景|保护|保護|经济|經濟|自治|行政|特别|特別|地区|地區|社区|社區|郊区|市区|城区/u;

export const divisionRecognizer = patternRecognizer({
  name: "division",
  type: "LOCATION",
  patterns: [
    {
      // "Phường Đa Kao", "Kecamatan Cibeunying Kidul", "Brgy. Malanday", "Kambi ya Nyarugusu", "мкр. Самал".
      // Run at its division words only (its heads): a small machine code is enough.
      regex: smallRegexCode(new RegExp(`(?<![\\p{L}])(?:${BEFORE})[ \\t]?${NAME}`, "dgu")),
      group: 1,
      // The division's word says what the name is: above the name pass's guess at a capitalized word.
      score: 0.75,
      validate: (value) => (placeName(value) === null ? null : 0.75),
    },
    {
      // Numbered wards and districts of Vietnamese addresses: "Quận 1", "Phường 12", "Q.3".
      regex: /(?<![\p{L}])(?:Quận|Phường|Q\.|P\.)[ \t]?\d{1,2}(?![\p{N}])/gu,
      requires: /Quận|Phường|Q\.|P\.\s?\d/,
      score: 0.7,
    },
    {
      // "Kyangwali settlement", "Kamuli District", "Kadıköy İlçesi", "Moshi Rural District".
      regex: smallRegexCode(new RegExp(`(?<![\\p{L}])${NAME}[ \\t](?:${AFTER})(?![\\p{L}])`, "dgu")),
      // The division's word ends every match, at most three words of thirty letters after its start.
      anchor: { regex: new RegExp(`(?:${AFTER})(?![\\p{L}])`, "u"), within: 110 },
      group: 1,
      score: 0.65,
      validate: (value) => placeName(value),
    },
    {
      // Thai districts and provinces in addresses: "อ.บางบัวทอง จ.นนทบุรี", "แขวงคลองตัน", "ต.ในเมือง".
      regex: /(?:อ\.|อำเภอ|จ\.|จังหวัด|ต\.|ตำบล|แขวง)[ \t]?([\u0e01-\u0e4e]{2,24})(?![\u0e01-\u0e4e])/dgu,
      requires: inScript(THAI, /อ\.|อำเภอ|จ\.|จังหวัด|ต\.|ตำบล|แขวง/),
      group: 1,
      score: 0.7,
    },
    {
      // Arabic and Kurdish: a camp, a neighbourhood, a village or a governorate and its name ("مخيم أدري", "حي
      // السالمية", "کەمپی دارەشەکران").
      regex:
        /(?<![\u0600-\u06ff])(?:مخيم|حي|قرية|محافظة|ولاية|بلدة|کەمپی|گوندی)[ \t]([\u0621-\u064a\u0671-\u06d5]{2,20})(?![\u0621-\u064a\u0671-\u06d5])/dgu,
      requires: inScript(ARABIC, /مخيم|حي|قرية|محافظة|ولاية|بلدة|کەمپی|گوندی/),
      group: 1,
      score: 0.65,
    },
    {
      // Chinese and Japanese districts, counties, towns and subdistricts: 宝安区, 福永街道, 目黒区.
      regex: HAN_DIVISION,
      requires: inScript(HAN, /[区區县縣镇鎮乡鄉]|街道/u),
      score: 0.7,
      validate: (value) => (HAN_GENERIC.test(value) ? null : 0.7),
    },
    {
      // Stations of Bangkok's, Singapore's and Kuala Lumpur's trains, by which people say where they are.
      regex:
        /(?<![\p{L}])(?:BTS|MRT|LRT)[ \t]([\u0e01-\u0e4e]{2,20}(?![\u0e01-\u0e4e])|\p{Lu}\p{Ll}{2,20}(?:[ \t]\p{Lu}\p{Ll}{2,20})?)/dgu,
      requires: (text) => text.includes("BTS") || text.includes("MRT") || text.includes("LRT"),
      group: 1,
      score: 0.65,
    },
  ],
});
