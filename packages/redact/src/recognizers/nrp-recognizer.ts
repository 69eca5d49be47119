import { COUNTRIES } from "../ner/countries";
import { patternRecognizer } from "../pattern-recognizer";

// Nationalities, religions and political groups, English plus the capitalized forms other languages share.
const WORDS = [
  "American|British|English|Scottish|Welsh|Irish|German|French|Spanish|Italian|Dutch|Belgian|Swiss|Austrian|Portuguese",
  "Brazilian|Mexican|Argentinian|Argentine|Colombian|Chilean|Peruvian|Venezuelan|Cuban|Canadian|Australian",
  "Indian|Pakistani|Bangladeshi|Chinese|Japanese|Korean|Vietnamese|Thai|Filipino|Indonesian|Malaysian",
  "Russian|Ukrainian|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Greek|Turkish|Serbian|Croatian",
  "Swedish|Norwegian|Danish|Finnish|Icelandic|Nigerian|Kenyan|Ghanaian|Ethiopian|Egyptian|Moroccan|Algerian",
  "Tunisian|South African|Israeli|Palestinian|Lebanese|Syrian|Iraqi|Iranian|Afghan|Saudi|Emirati",
  "Muslim|Christian|Catholic|Protestant|Jewish|Hindu|Buddhist|Sikh|Mormon|Evangelical|Orthodox|Atheist",
  "Democrat|Republican|Socialist|Communist|Conservative|Liberal|Labour|Tory|Green Party",
  "Deutsche[rn]?|Französin|Franzose|Italiener(?:in)?|Spanier(?:in)?|Türkin|Türke|Niederländer(?:in)?|Österreicher(?:in)?",
  "Schweizer(?:in)?|Amerikaner(?:in)?|Brite|Britin|Polin|Russe|Russin|Muslim(?:in|e|a)?|Jude|Jüdin|Katholik(?:in)?",
  "belge|suisse|néerlandaise?|portugaise?|brésilienne?|turque|belga|holandés|holandesa|olandese|belga|svizzera?|holandês|holandesa",
  "française?|allemande?|espagnole?|italienne?|marocaine?|algérienne?|musulmane?|juive?|catholique",
  "español(?:a)?|alemán|alemana|francés|francesa|mexicano|mexicana|colombiano|colombiana|argentino|argentina",
  "italiano|italiana|tedesco|tedesca|francese|spagnolo|spagnola|brasileiro|brasileira|português|portuguesa",
  "Nederlander|Nederlandse|Duitser|Belg|Marokkaan|Turk",
].join("|");

const PREDICATE =
  /(?:^|[^\p{L}])(?:is|am|are|i'm|was|ist|bin|sind|war|est|suis|es|soy|eres|sono|sei|è|ben|zijn|is|é|sou|era)\s(?:a\s|an\s|eine?\s|une?\s|een\s|uma?\s)?$/u;

const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRIES.split(" "));
// Endings that make a nationality adjective of a country's name in French ("sénégal-aise", "congo-l-aise",
// "ital-ienne"), German ("vietnam-esisch-er", "japan-isch-e") and Spanish, Italian and Portuguese ("senegal-és",
// "congo-leña", "vietnam-ita"), in any gender and number.
// No look-behind: an ending is found alone (cheap) and the word is read back from it in the validator.
const NATIONALITY_ENDING =
  /(?:aise?|oise?|ienne?|éenne?|aine)s?(?![\p{L}\p{N}])|isch(?:e[rnms]?)?(?![\p{L}\p{N}])|(?:és|esa|ês|eño|eña|ese|eses|ano|ana|ita|iano|iana)s?(?![\p{L}\p{N}])/gu;
// Nouns a nationality adjective describes when it is no person's: a cuisine, a language, a team, a government.
const NOT_OF_A_PERSON =
  /(?:^|[^\p{L}])(?:cuisine|restaurant|plat|langue|version|traduction|presse|économie|gouvernement|équipe|ambassade|frontière|capitale|côte|musique|vin|société|banque|entreprise|marque|comida|cocina|restaurante|idioma|lengua|versión|traducción|gobierno|embajada|frontera|empresa|equipo|selección|cucina|lingua|governo|ambasciata|squadra|azienda|língua|seleção)\s(?:\p{L}+\s)?$/iu;
const NOT_OF_A_PERSON_AFTER =
  /^\s(?:essen|küche|restaurant|sprache|übersetzung|version|regierung|botschaft|grenze|hauptstadt|firma|bank|mannschaft|presse|wirtschaft|musik|wein|gericht|gerichte|spezialitäten|markt)/iu;

const LANGUAGE_BEFORE =
  /(?:^|[^\p{L}])(?:in|en|em|auf|su|parlo|parla|parli|hablo|habla|hablas|falo|fala|parle|parles|spreche|sprichst|spricht|lerne|aprendo|imparo|apprends|traducir|tradurre|traduire|übersetzen)\s$/iu;

// The vowels a stem may have lost before its ending, and every country name less one of them: a stem is then looked
// up once, not once per vowel with a new string each time.
const LOST_VOWELS = ["", "e", "a", "o", "ie", "ia", "i", "y", "en", "ien"];
const COUNTRY_STEMS: ReadonlySet<string> = new Set(
  [...COUNTRY_SET].flatMap((c) => LOST_VOWELS.filter((v) => c.endsWith(v)).map((v) => c.slice(0, c.length - v.length))),
);

/** Whether a nationality adjective is made of a listed country: the word less its ending, with the vowel it lost. */
export function isCountryStem(word: string, ending: string): boolean {
  const lower = word.toLowerCase();
  const cut = word.length - ending.length;
  // The ending found may have taken letters of the country ("jap-anischer" is "japan-ischer", "congo-l-aise" and
  // "sénégal-aise" share the l): try the stem with up to three of them given back, and without a final l.
  const stems = [0, 1, 2, 3].map((j) => lower.slice(0, cut + j));
  // ... and without the l or the German "-es-", "-an-" before "-isch" ("vietnam-es-isch", "ital-ien-isch").
  stems.push(lower.slice(0, cut).replace(/l$/u, ""), lower.slice(0, cut).replace(/(?:es|ian|an|ien|en|in)$/u, ""));
  // A stem with a lost vowel is a country exactly when the stem is a country less that vowel.
  return stems.some((s) => COUNTRY_STEMS.has(s));
}

/**
 * Nationalities, religions and political affiliations (Presidio's NRP). Language names used as languages ("in
 * English", "speaks German") and cuisines are left alone.
 */
export const nrpRecognizer = patternRecognizer({
  name: "nrp",
  type: "NRP",
  context: ["citizen", "nationality", "national", "religion", "staatsangehörigkeit", "nationalité", "nacionalidad"],
  patterns: [
    {
      regex: new RegExp(`(?<![\\p{L}\\p{N}])(?:${WORDS})(?![\\p{L}\\p{N}])`, "gu"),
      score: 0.6,
      validate: (value, m, text) => {
        const before = text.slice(Math.max(0, m.index - 24), m.index).toLowerCase();
        const after = text.slice(m.index + value.length, m.index + value.length + 24).toLowerCase();
        if (
          /(?:^|[^\p{L}])(?:in|into|speak|speaks|speaking|spoke|learn|learning|translate|translated|auf|en|in het|em|from|to)\s$/u.test(
            before,
          )
        )
          return null;
        if (
          /^\s(?:translation|version|language|text|course|class|lessons?|food|restaurant|cuisine|cooking|wine|coffee|breakfast|keyboard|subtitles|teacher|speaker|law|market|economy|government|company|bank|team|press|grammar|word|words)\b/.test(
            after,
          ) ||
          NOT_OF_A_PERSON.test(before) ||
          LANGUAGE_BEFORE.test(before) ||
          NOT_OF_A_PERSON_AFTER.test(after)
        )
          return null;
        // "ik ben Nederlander", "sie ist Türkin", "je suis belge": said of a person, it is their nationality.
        if (PREDICATE.test(before)) return 0.85;
        return 0.6;
      },
    },
    {
      // "de nationalité sénégalaise", "vietnamesischer Staatsbürger", "una ciudadana congoleña": a nationality
      // adjective formed on a listed country, found by its ending and read back to the country.
      regex: NATIONALITY_ENDING,
      score: 0.6,
      validate: (value, m, text) => {
        let start = m.index;
        while (start > 0 && start > m.index - 24 && /\p{L}/u.test(text[start - 1]!)) start--;
        const word = text.slice(start, m.index + value.length);
        if (m.index - start < 3 || (start > 0 && /[\p{L}\p{N}_@.-]/u.test(text[start - 1]!))) return null;
        if (!isCountryStem(word, value)) return null;
        const before = text.slice(Math.max(0, start - 40), start);
        // "parlo italiano", "auf Japanisch": the language, not a nationality.
        if (NOT_OF_A_PERSON.test(before) || LANGUAGE_BEFORE.test(before)) return null;
        if (NOT_OF_A_PERSON_AFTER.test(text.slice(m.index + value.length, m.index + value.length + 24))) return null;
        return { start, end: m.index + value.length, score: 0.6 };
      },
    },
  ],
});
