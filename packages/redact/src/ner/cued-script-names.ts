import type { RecognizerResult } from "../recognizer";
import {
  ARMENIAN,
  BENGALI,
  ETHIOPIC,
  GEORGIAN,
  GUJARATI,
  GURMUKHI,
  KANNADA,
  KHMER,
  LAO,
  MALAYALAM,
  SINHALA,
  scriptBlocks,
  TAMIL,
  TELUGU,
} from "../script-blocks";

// People's names in more scripts without capitals (Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada, Malayalam,
// Sinhala, Georgian, Ethiopic, Khmer, Lao), read only from what marks a name in every one of them: a title or form of
// address before it (ড. নাসরিন, ბატონი გიორგი, አቶ ተስፋዬ), one after it (వెంకట రమణ గారు, නිමල් පෙරේරා මහතා), a family
// name that only names people (ਹਰਲੀਨ ਕੌਰ, ნინო ბერიძე), or a closing before the sender's name (ধন্যবাদ, রাকিবুল হাসান).
// Without such a mark a word of these scripts is left alone: no list of given names covers them well enough to tell a
// name from a word. Armenian has capitals but no name in the lists, so its family names are read by their ending.

/** What marks a name in one script. Words are written as the script spells them; a title's dot is part of it. */
interface ScriptCues {
  /** One word of the script: its letters, vowel signs and the joiners some of them write inside a word. */
  readonly word: RegExp;
  /** The script's bit (see scriptBlocks): a text without it is not read for this script. */
  readonly blocks: number;
  /** Titles and forms of address before a name. */
  readonly before: ReadonlySet<string>;
  /** Forms of address after a name, and what a name takes with them (గారు, గారికి). */
  readonly after: ReadonlySet<string>;
  /** Endings glued to a given name that make it one: Gujarati હસમુખભાઈ, નીતાબેન. */
  readonly glued?: RegExp;
  /** Family names that only name people: a word before one is a given name. */
  readonly family?: ReadonlySet<string>;
  /** Endings of family names: Georgian -ძე, -შვილი. */
  readonly familyEnding?: RegExp;
  /** Words no name is (conjunctions, verbs of being, postpositions): a name stops before one. */
  readonly stop: ReadonlySet<string>;
  /** Written without spaces between words (Khmer, Lao): a stop word may open a longer run ("កំពុងមកដល់"). */
  readonly unspaced?: boolean;
}

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

// Joiners (ZWNJ, ZWJ) stand inside Indic and Sinhala words: වෛද්‍ය.
const INDIC_JOINERS = "\\u200c\\u200d";

const SCRIPTS: readonly ScriptCues[] = [
  {
    // Bengali.
    word: new RegExp(`[\\u0980-\\u09e3\\u09f0-\\u09fe${INDIC_JOINERS}]+`, "gu"),
    blocks: BENGALI,
    before: set("জনাব জনাবা মিস্টার মিসেস মিস শ্রী শ্রীমতী ড. ডা. ডাঃ ডক্টর অধ্যাপক প্রফেসর বেগম"),
    after: set("সাহেব সাহেবকে সাহেবের বাবু ভাই ভাইয়া আপা আপু ম্যাডাম স্যার"),
    stop: set("এবং ও কে এর থেকে জন্য সঙ্গে সাথে হয় হয়েছে ছিল আছে না করুন করে যে এই সেই তিনি আমি আপনি আমাদের সদস্য"),
  },
  {
    // Gurmukhi.
    word: new RegExp(`[\\u0a00-\\u0a65\\u0a70-\\u0a7f${INDIC_JOINERS}]+`, "gu"),
    blocks: GURMUKHI,
    before: set("ਸ੍ਰੀ ਸ਼੍ਰੀ ਸ਼੍ਰੀਮਤੀ ਸ੍ਰੀਮਤੀ ਡਾ. ਡਾਕਟਰ ਸ. ਬੀਬੀ ਪ੍ਰੋ."),
    after: set("ਜੀ ਸਾਹਿਬ"),
    family: set("ਸਿੰਘ ਕੌਰ ਗਿੱਲ ਸੰਧੂ ਢਿੱਲੋਂ ਸਿੱਧੂ ਗਰੇਵਾਲ ਬਰਾੜ ਬਾਜਵਾ ਚੀਮਾ ਰੰਧਾਵਾ ਧਾਲੀਵਾਲ ਸੇਖੋਂ ਬੈਂਸ"),
    stop: set("ਅਤੇ ਹੈ ਹਨ ਸੀ ਦੀ ਦਾ ਦੇ ਨੇ ਨੂੰ ਤੋਂ ਵਿੱਚ ਵਿਚ ਇਹ ਉਹ ਸਾਲਾ ਸਾਲ"),
  },
  {
    // Gujarati.
    word: new RegExp(`[\\u0a80-\\u0ae3\\u0af0-\\u0aff${INDIC_JOINERS}]+`, "gu"),
    blocks: GUJARATI,
    before: set("શ્રી શ્રીમતી ડૉ. ડો. ડોક્ટર પ્રો."),
    after: set("ભાઈ બેન બહેન સાહેબ જી"),
    glued: /^\S{2,}(?:ભાઈ|બેન|બહેન)$/u,
    stop: set("અને છે હતા હતી હતો નો ની નું ના ને થી માં એ આ તે"),
  },
  {
    // Tamil.
    word: new RegExp(`[\\u0b80-\\u0be5\\u0bf0-\\u0bff${INDIC_JOINERS}]+`, "gu"),
    blocks: TAMIL,
    before: set("திரு திரு. திருமதி செல்வி டாக்டர் டாக்டர். மருத்துவர் பேராசிரியர் டா."),
    after: set("அவர்கள் அவர்களை அவர்களுக்கு அவர்களின் சார் ஐயா மேடம்"),
    stop: set("மற்றும் அவர் இது அந்த ஒரு உள்ள என்று இந்த"),
  },
  {
    // Telugu.
    word: new RegExp(`[\\u0c00-\\u0c65\\u0c70-\\u0c7f${INDIC_JOINERS}]+`, "gu"),
    blocks: TELUGU,
    before: set("శ్రీ శ్రీమతి డాక్టర్ డా."),
    after: set("గారు గారికి గారిని గారి గారూ"),
    stop: set("మరియు ఈ ఆ ఒక కి లో"),
  },
  {
    // Kannada.
    word: new RegExp(`[\\u0c80-\\u0ce5\\u0cf0-\\u0cff${INDIC_JOINERS}]+`, "gu"),
    blocks: KANNADA,
    before: set("ಶ್ರೀ ಶ್ರೀಮತಿ ಡಾ. ಡಾಕ್ಟರ್"),
    after: set("ಅವರು ಅವರಿಗೆ ಅವರನ್ನು ಅವರ ಸರ್"),
    stop: set("ಮತ್ತು ಈ ಆ ಒಂದು"),
  },
  {
    // Malayalam: the title after a teacher's name is inflected (ടീച്ചറെ, ടീച്ചറുടെ).
    word: new RegExp(`[\\u0d00-\\u0d65\\u0d70-\\u0d7f${INDIC_JOINERS}]+`, "gu"),
    blocks: MALAYALAM,
    before: set("ശ്രീ ശ്രീമതി ഡോ. ഡോക്ടർ"),
    after: set("ടീച്ചർ ടീച്ചറെ ടീച്ചറുടെ ടീച്ചറിനെ സാർ സാറിനെ സാറിന്റെ മാഡം ചേട്ടൻ ചേച്ചി"),
    stop: set("ഒരു ഈ ആ എന്ന ക്ലാസ്"),
  },
  {
    // Sinhala.
    word: new RegExp(`[\\u0d80-\\u0de5\\u0df0-\\u0dff${INDIC_JOINERS}]+`, "gu"),
    blocks: SINHALA,
    before: set("ආචාර්ය මහාචාර්ය ගරු"),
    after: set("මහතා මහතාට මහතාගේ මහත්මිය මහත්මියට මහත්මයා මෙනවිය මිය"),
    stop: set("සහ මෙම ඒ සමඟ"),
  },
  {
    // Georgian.
    word: /[\u10d0-\u10ff]+/gu,
    blocks: GEORGIAN,
    before: set("ბატონი ბატონო ბატონ ქალბატონი ქალბატონო ქალბატონ ექიმი ექიმ დოქტორი პროფესორი მწვრთნელი ძვირფასო"),
    after: set(""),
    familyEnding: /\S{2,}(?:ძე|შვილი|შვილის|ძის)$/u,
    stop: set("და არის ეს ის იყო შვილიშვილი"),
  },
  {
    // Ethiopic (Amharic, Tigrinya): ወ/ሮ and ዶ/ር are written with a slash, read as one title below.
    word: /[\u1200-\u135f]+/gu,
    blocks: ETHIOPIC,
    before: set("አቶ ወ/ሮ ወ/ሪት ዶ/ር ኣቶ ሹፌሩ ሹፌር"),
    after: set(""),
    stop: set("ነው ናቸው ነበር እና ወደ ከ"),
  },
  {
    // Khmer.
    word: /[\u1780-\u17d3\u17dd]+/gu,
    blocks: KHMER,
    before: set("លោកស្រី អ្នកនាង កញ្ញា វេជ្ជបណ្ឌិត អ្នកបើកបរ"),
    after: set(""),
    stop: set("កំពុង និង នៅ ត្រូវ បាន មក"),
    unspaced: true,
  },
  {
    // Lao.
    word: /[\u0e81-\u0ecf]+/gu,
    blocks: LAO,
    before: set("ທ້າວ ນາງ ທ່ານນາງ ທ່ານ ດຣ."),
    after: set(""),
    stop: set("ແລະ ຢູ່ ຈະ ໄດ້ ແມ່ນ"),
    unspaced: true,
  },
];

// Closings before a sender's name in these scripts and in Arabic, Persian, Urdu and Hebrew.
const CLOSINGS = set(
  `ধন্যবাদ ধন্যবাদান্তে শুভেচ্ছান্তে धन्यवाद शुक्रिया सादर भवदीय भवदीया நன்றி அன்புடன் ధన్యవాదాలు നന്ദി
  ස්තූතියි ਧੰਨਵਾਦ આભાર მადლობა პატივისცემით አመሰግናለሁ អរគុណ ຂອບໃຈ شكرا شكراً تحياتي شکریہ ممنون متشکرم
  سپاس תודה בברכה`,
);
// A word of any of those scripts, Devanagari and the Arabic and Hebrew scripts among them (not the danda, "।").
const CASELESS_LETTERS =
  "\\u0590-\\u05ff\\u0600-\\u06ff\\u0900-\\u0963\\u0966-\\u0dff\\u10d0-\\u10ff\\u1200-\\u135f\\u1780-\\u17d3\\u0e80-\\u0eff\\u200c\\u200d";
const CASELESS_WORD = new RegExp(`[${CASELESS_LETTERS}]`, "u");
// A closing at a line's start or after a sentence, then one to three words on its line or the next: the sender.
// Every word is bounded and words are split only at spaces, so no word can be cut up in many ways; the spaces between
// the closing and the name are one run before each optional comma and line break, never two runs in a row.
const CLOSING_LINE = new RegExp(
  `(?:^|[.!?।॥။።؟][ \\t]+)([${CASELESS_LETTERS}]{1,20})(?![${CASELESS_LETTERS}])[ \\t]*(?:[,،][ \\t]*)?(?:\\n[ \\t]*)?([${CASELESS_LETTERS}]{1,30}(?:[ \\t][${CASELESS_LETTERS}]{1,30}){0,2})[ \\t]*$`,
  "gmu",
);
// What follows a closing without being a name: "شكرا جزيلا" (thanks a lot), "धन्यवाद सहित" (with thanks).
const AFTER_CLOSING = set("جزيلا جزيلاً لكم لك جدا جداً مقدما सहित आपका आपको আপনাকে সবাইকে ধন্যবাদ");

// Armenian family names end in -յան or -եան (Պետրոսյան), and so do genitives (Ծննդյան "of birth", -ության): a family
// name is read after a capitalized given name, or after a form of address (պարոն, տիկին, բժիշկ).
const ARMENIAN_NAME =
  /(?<![\u0531-\u0587])(?:(?:պարոն|տիկին|օրիորդ|բժիշկ|դոկտոր|Պարոն|Տիկին|Օրիորդ|Բժիշկ|Դոկտոր)[ \u00a0]|[\u0531-\u0556][\u0561-\u0587]{1,15}[ \u00a0])[\u0531-\u0556][\u0561-\u0587]{2,20}(?<!ութ[\u0561-\u0587]{0,2}|[Ծծ]ննդ)(?:յան|եան)(?![\u0531-\u0587])/gu;

interface Word {
  readonly start: number;
  readonly end: number;
  /** The word with the dot after it, when one follows: "ড." */
  readonly dotted: string;
  readonly text: string;
}

const person = (start: number, end: number, score: number): RecognizerResult => ({
  start,
  end,
  type: "PERSON",
  score,
});

/** Names marked by a title, a form of address, a family name or a closing, in the scripts above. */
export function cuedScriptNames(text: string, found: RecognizerResult[]): void {
  const blocks = scriptBlocks(text);
  for (const script of SCRIPTS) if (blocks & script.blocks) namesIn(text, script, found);
  closingNames(text, found);
  if (blocks & ARMENIAN) {
    ARMENIAN_NAME.lastIndex = 0;
    for (let m = ARMENIAN_NAME.exec(text); m !== null; m = ARMENIAN_NAME.exec(text)) {
      // After a form of address only the family name is the name.
      const cue = /^\p{Ll}|^(?:Պարոն|Տիկին|Օրիորդ|Բժիշկ|Դոկտոր)[ \u00a0]/u.test(m[0])
        ? m[0].search(/[ \u00a0]/u) + 1
        : 0;
      found.push(person(m.index + cue, m.index + m[0].length, 0.7));
    }
  }
}

function wordsOf(text: string, script: ScriptCues): Word[] {
  const words: Word[] = [];
  script.word.lastIndex = 0;
  for (let m = script.word.exec(text); m !== null; m = script.word.exec(text)) {
    const end = m.index + m[0].length;
    // ወ/ሮ, ዶ/ር: a title written across a slash is one word.
    const slashed = text[end] === "/" ? /^\/[\u1200-\u135f]+/u.exec(text.slice(end, end + 6)) : null;
    if (slashed && script.before.has(m[0] + slashed[0])) {
      const whole = m[0] + slashed[0];
      words.push({ start: m.index, end: end + slashed[0].length, dotted: whole, text: whole });
      script.word.lastIndex = end + slashed[0].length;
      continue;
    }
    words.push({ start: m.index, end, text: m[0], dotted: text[end] === "." ? `${m[0]}.` : m[0] });
  }
  return words;
}

function namesIn(text: string, script: ScriptCues, found: RecognizerResult[]): void {
  const words = wordsOf(text, script);
  const stops = [...script.stop];
  const isStop = (w: string) => script.stop.has(w) || (script.unspaced === true && stops.some((s) => w.startsWith(s)));
  const cueBefore = (w: Word) => script.before.has(w.text) || script.before.has(w.dotted);
  const cueAfter = (w: Word) => script.after.has(w.text);
  const nameLike = (w: Word | undefined) =>
    w !== undefined && !isStop(w.text) && !cueBefore(w) && !cueAfter(w) && w.text.length >= 2;
  // Two words of one name: a space between them, or the dot and space of an initial or a title ("এস. லட்சுமி").
  const joined = (a: number, b: number) => {
    const gap = text.slice(words[a]!.end, words[b]!.start);
    return /^[ \u00a0]$/u.test(gap) || (/^\.[ \u00a0]?$/u.test(gap) && words[a]!.text.length <= 4);
  };
  // Where a name may end: no more words of the script right after it, or a form of address or a stop word.
  const endsAt = (j: number) => {
    const next = words[j + 1];
    if (!next || !joined(j, j + 1)) return true;
    return cueAfter(next) || isStop(next.text);
  };
  // Where a name may start: no word of the script right before it, or a title.
  const startsAt = (i: number) => i === 0 || !joined(i - 1, i) || cueBefore(words[i - 1]!);
  /** From the name's first word `i`: the longest run of up to three words that ends where a name may, else one. */
  const forward = (i: number) => {
    let best = i;
    for (let j = i; j < i + 3 && j < words.length && nameLike(words[j]); j++) {
      if (j > i && !joined(j - 1, j)) break;
      if (endsAt(j)) best = j;
    }
    return best;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (cueBefore(w) && i + 1 < words.length && joined(i, i + 1) && nameLike(words[i + 1])) {
      const last = forward(i + 1);
      found.push(person(words[i + 1]!.start, words[last]!.end, 0.8));
      i = last;
      continue;
    }
    if (cueAfter(w) && i > 0 && joined(i - 1, i) && nameLike(words[i - 1])) {
      // Back from the form of address: up to two more words, when the name then starts where a name may.
      let first = i - 1;
      for (let k = i - 2; k >= i - 3 && k >= 0 && nameLike(words[k]) && joined(k, k + 1); k--) {
        if (startsAt(k)) first = k;
      }
      found.push(person(words[first]!.start, words[i - 1]!.end, 0.8));
      continue;
    }
    if (script.glued?.test(w.text) && !script.stop.has(w.text)) {
      // A family name may follow (હસમુખભાઈ પંડ્યા), taken only when punctuation or the line's end closes it.
      const next = words[i + 1];
      const family = next && joined(i, i + 1) && nameLike(next) && (i + 2 >= words.length || !joined(i + 1, i + 2));
      found.push(person(w.start, (family ? next : w).end, 0.75));
      if (family) i++;
      continue;
    }
    const family = nameLike(w) && (script.family?.has(w.text) || (script.familyEnding?.test(w.text) ?? false));
    if (family && i > 0 && joined(i - 1, i) && nameLike(words[i - 1])) {
      // ਬਲਦੇਵ ਸਿੰਘ ਗਿੱਲ: a second family name after the first.
      const next = words[i + 1];
      const last = next && joined(i, i + 1) && script.family?.has(next.text) ? i + 1 : i;
      found.push(person(words[i - 1]!.start, words[last]!.end, 0.75));
      i = last;
    } else if (family && script.familyEnding && (i === 0 || !joined(i - 1, i))) {
      found.push(person(w.start, w.end, 0.7));
    }
  }
}

/**
 * The sender's name after a closing, on the closing's line or the next: "ধন্যবাদ, রাকিবুল হাসান". Only where the message
 * ends there, or the lines after hold no more words of these scripts (a phone number, an e-mail address): a closing
 * in the middle of a message may be followed by anything.
 */
function closingNames(text: string, found: RecognizerResult[]): void {
  CLOSING_LINE.lastIndex = 0;
  for (let m = CLOSING_LINE.exec(text); m !== null; m = CLOSING_LINE.exec(text)) {
    const name = m[2]!;
    if (!CLOSINGS.has(m[1]!) || CLOSINGS.has(name) || AFTER_CLOSING.has(name.split(/[ \t]/u)[0]!)) continue;
    const end = m.index + m[0].length;
    if (CASELESS_WORD.test(text.slice(end, end + 200))) continue;
    const start = end - m[0].length + m[0].lastIndexOf(name);
    found.push(person(start, start + name.length, 0.7));
  }
}
