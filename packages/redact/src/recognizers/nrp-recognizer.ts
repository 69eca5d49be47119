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
          )
        )
          return null;
        // "ik ben Nederlander", "sie ist Türkin", "je suis belge": said of a person, it is their nationality.
        if (PREDICATE.test(before)) return 0.85;
        return 0.6;
      },
    },
  ],
});
