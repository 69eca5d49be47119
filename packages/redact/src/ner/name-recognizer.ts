import { isAsciiDigit } from "../ascii-digits";
import type { EntityType } from "../entity-type";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { Recognizer, RecognizerResult } from "../recognizer";
import { CALENDAR_WORDS } from "../recognizers/date-time-recognizer";
import { isFieldName } from "../recognizers/field-recognizer";
import { isListedRole } from "../recognizers/title-recognizer";
import { BRACKET_ROLE_WORDS } from "../recognizers/world-role-words";
import { SpanIndex } from "../span-index";
import { isHighSurrogate, isLowSurrogate } from "../surrogates";
import { type CompromiseWindow, compromiseEntities, type Span, WINDOW_CACHE_SIZE, WindowCache } from "./compromise-ner";
import { AMBIGUOUS_FIRST_NAMES as LISTED_AMBIGUOUS, FIRST_NAMES as LISTED_FIRST_NAMES } from "./first-names";
import {
  GAZETTEER_AMBIGUOUS_FIRST_NAMES,
  GAZETTEER_AMBIGUOUS_PLACES,
  GAZETTEER_FIRST_NAMES,
  GAZETTEER_PLACES,
  GAZETTEER_SURNAMES,
} from "./gazetteer";
import { baseForms, type InflectingLanguages, inflectingLanguages } from "./inflection";
import { type LexiconKind, lexiconKind } from "./lexicon";
import {
  GREETINGS,
  HONORIFICS,
  KINSHIP_WORDS,
  NOT_NAMES,
  PERSON_CUES_AFTER,
  PERSON_CUES_BEFORE,
  PERSON_FIELD_LABELS,
  PERSON_VERBS,
  PHONE_CUE_AFTER,
  SHORT_HONORIFICS,
  SINGLE_NAME_CUES,
} from "./name-cues";
import { nextWord } from "./next-word";
import { ORG_HEADS, ORG_SUFFIXES, PLACES_LIST } from "./places";
import { SIGN_OFFS } from "./sign-offs";
import { SURNAMES as LISTED_SURNAMES } from "./surnames";
import { filteredSet } from "./word-filter";

interface Token {
  readonly start: number;
  readonly end: number;
  readonly word: string;
  readonly lower: string;
  readonly cap: boolean;
  readonly allCaps: boolean;
  readonly initial: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Token objects, reused from one text to the next: a text's tokens live through the whole name pass, so whenever
// the young generation is collected during it, nearly all of them survive, and V8 then allocates every later token
// straight in the old generation ("pretenuring"). There they stay until a full collection, and each young collection
// copies every word string they point to: on 2 KB prompts that made young collections 2 ms instead of under one, and
// the old generation grew by the tokens of every text. Reused objects are allocated once. The tokens of one text are
// dead once the name pass is done with it (none leaves `lists`), so the next text may overwrite them. Kept to the
// tokens of a long e-mail, so that one huge text does not hold its memory for the rest of the process.
const TOKEN_POOL: Mutable<Token>[] = [];
const TOKEN_POOL_SIZE = 4_096;

const PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "do",
  "dos",
  "das",
  "du",
  "la",
  "le",
  "ter",
  "ten",
  "bin",
  "al",
  "el",
  "y",
  "of",
  "zu",

  "&",
]);
const MAX_PLACE_WORDS = 4;
// Words of context on each side of a capitalized run that compromise is asked about.
const CONTEXT_WORDS = 4;
const SIGN_OFF_NOT_NAMES = new Set(
  "team customer service support office admissions department desk reception front sales hr the your management billing accounts".split(
    " ",
  ),
);
const STRONG_GREETINGS = [
  "hi",
  "hey",
  "hello",
  "dear",
  "thanks",
  "thx",
  "hallo",
  "ciao",
  "hola",
  "oi",
  "olá",
  "hoi",
  "bonjour",
  "salut",
  "coucou",
  "hej",
  "moin",
  "servus",
];
const GREETING_WORDS = new Set([...GREETINGS.filter((g) => !g.includes(" ")), ...KINSHIP_WORDS]);
const HONORIFIC_WORDS = [...HONORIFICS].filter((h) => h.length > 3);
const KEEP_DOT = new Set([...HONORIFICS, "st", "ste", "mt", "ft", "co", "inc", "ltd", "corp", "jr", "sr"]);
const HONORIFICS_DOTTED = [...HONORIFICS].map((h) => `${h}.`);
const STRONG_GREETING_CUES = phrases(STRONG_GREETINGS);
const GREETING_CUES = phrases(GREETINGS);
const HONORIFIC_CUES = phrases([...HONORIFICS_DOTTED, ...HONORIFIC_WORDS, ...SHORT_HONORIFICS]);
const PERSON_CUES = phrases(PERSON_CUES_BEFORE);
const SINGLE_CUES = phrases(SINGLE_NAME_CUES);
const LOWER_NAME_THEN =
  /^\s(?:just|said|says|wrote|asked|told|sent|texted|called|replied|is|was|will|has|had|can't|cant|didn't|won't|fell|got|went)(?![\p{L}'’])/u;
// What only a person does right after their name: "Abdulrahman said", "Seun wrote", "Reto schreibt".
const SPEECH_AFTER =
  /^\s(?:said|says|wrote|writes|asked|told|replied|mentioned|sagt|sagte|schreibt|schrieb|meint|dit|a dit|écrit|dice|dijo|escribió|disse|escreveu|zegt|zei|schrijft|ha detto|scrive)(?![\p{L}])/u;
// Closings of letters and messages in the cased languages, after which a name on its own signs the text.
// A closing on the line before a name: "Kind regards,\nAnna".
const SIGN_OFF = new RegExp(`(?:^|\\n)[ \\t]*(?:${SIGN_OFFS})[ \\t]*[,.!]?[ \\t]*\\n[ \\t]*$`, "iu");
// A closing and the name on one line that ends the text or a line: "Saygılarımızla, Nesrin Ak".
const SIGN_OFF_INLINE = new RegExp(`(?:^|\\n)[ \\t]*(?:${SIGN_OFFS})[ \\t]*[,–—-][ \\t]*$`, "iu");

// Multi-word places are stored whole; the file lists them one line at a time, separated by single spaces between
// words and double meaning is resolved by checking the longest listed names first.
function splitPlaces(line: string): string[] {
  const words = line.trim().split(/\s+/);
  const out: string[] = [];
  // Every listed word alone, and every run of 2 to 4 consecutive words: cheap, and "new york" is then a key.
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_PLACE_WORDS && i + n <= words.length; n++) out.push(words.slice(i, i + n).join(" "));
  }
  return out;
}

// After splitPlaces and MAX_PLACE_WORDS: module constants are initialized in order.
const LISTED_PLACES = new Set(PLACES_LIST.flatMap((line) => splitPlaces(line)));
// The generated gazetteer widens the hand-written lists, which keep precedence: a word they give a role (a cue, a
// particle, a listed place or name) keeps it, so the gazetteer only adds words the lists say nothing about.
const reserved = (w: string) =>
  NOT_NAMES.has(w) ||
  HONORIFICS.has(w) ||
  PARTICLES.has(w) ||
  GREETINGS.includes(w) ||
  PERSON_VERBS.has(w) ||
  ORG_HEADS.has(w) ||
  ORG_SUFFIXES.has(w);
const FIRST_NAMES: ReadonlySet<string> = filteredSet([
  ...LISTED_FIRST_NAMES,
  ...[...GAZETTEER_FIRST_NAMES.split(" "), ...GAZETTEER_AMBIGUOUS_FIRST_NAMES.split(" ")].filter(
    (w) => !reserved(w) && !LISTED_PLACES.has(w),
  ),
]);
// Generated names that are also ordinary words in some language ("royal", "mart"): weaker than the listed ones.
const GENERATED_AMBIGUOUS: ReadonlySet<string> = filteredSet(
  GAZETTEER_AMBIGUOUS_FIRST_NAMES.split(" ").filter((w) => !LISTED_FIRST_NAMES.has(w) && !reserved(w)),
);
const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = filteredSet([...LISTED_AMBIGUOUS, ...GENERATED_AMBIGUOUS]);
// The given names a lower-case word may be ("hi anna", "kofi has"): one lookup answers most lower-case words, of
// which many ("time", "will") are listed as names that are also words.
const LOWER_CASE_NAMES: ReadonlySet<string> = filteredSet(
  [...FIRST_NAMES].filter((w) => !GENERATED_AMBIGUOUS.has(w) && !NOT_NAMES.has(w)),
);
const SURNAMES: ReadonlySet<string> = filteredSet([
  ...LISTED_SURNAMES,
  ...GAZETTEER_SURNAMES.split(" ").filter((w) => !reserved(w) && !LISTED_PLACES.has(w) && !FIRST_NAMES.has(w)),
]);
const AMBIGUOUS_PLACES: ReadonlySet<string> = new Set(
  GAZETTEER_AMBIGUOUS_PLACES.split(" ").filter((w) => !LISTED_PLACES.has(w)),
);
const PLACES: ReadonlySet<string> = filteredSet([
  ...LISTED_PLACES,
  ...GAZETTEER_PLACES.split(" ")
    .map((p) => p.replace(/_/g, " "))
    .filter((p) => !reserved(p) && !FIRST_NAMES.has(p)),
]);
// Single words that are only a part of a listed place ("New" of New York, "Tel" of Tel Aviv, "Ciudad" of Ciudad de
// México) or an everyday word: alone they are no place.
const PLACE_FRAGMENTS = new Set(
  `new san santa santo são sao los las saint st ste tel ciudad city rio río port fort mount cape bay east west north
  south great little upper lower el la le les de del da do dos das des du di van von hong sri abu dar buenos costa
  puerto nueva nuevo novo nova nord sud süd ost west central centre center`.split(/\s+/),
);
// Company forms written with dots, which the tokenizer splits into initials: "S.L.", "S.r.l.", "B.V.", and the
// lower-case ones of Central Europe and the capitals of Turkey: "s.r.o.", "a.s.", "Sp. z o.o.", "d.o.o.", "A.Ş.".
const DOTTED_ORG_SUFFIX =
  /^(?:S\.\s?L|S\.\s?A(?:\.\s?S)?|S\.r\.l|S\.p\.A|S\.A\.R\.L|B\.\s?V|N\.\s?V|e\.\s?V|S\.\s?C|P\.\s?C|L\.L\.C|L\.\s?P|s\.\s?r\.\s?o|spol\.\s?s\s?r\.\s?o|a\.\s?s|v\.\s?o\.\s?s|[sS]p\.\s?z\s?o\.\s?o|sp\.\s?[jk]|d\.\s?o\.\s?o|d\.\s?d|A\.\s?Ş|e\.\s?K|K\.\s?K)\.?(?![\p{L}\p{N}])/u;
// Tokens a lower-case dotted company form starts with: a letter, "sp", "spol".
const LOWER_FORM_START = /^(?:[a-z]|[sS]p|spol)$/;
// Chat logs: "[08:02] thomas: ...", "[10:41] <dave> ...", "12/03/2025, 21:04 - Ana Souza: ...". The speaker is a
// person, in whatever case.
// "[오후 9:12] 지영: ...", "[下午 3:05] 小明: ...": the half of the day may come before the time.
const CHAT_SPEAKER =
  /^[ \t]*\[?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t]{1,3})?(?:(?:오전|오후|上午|下午|午前|午後)[ \t]?)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?:,[ \t]?\d{1,4}[./-]\d{1,2}[./-]\d{1,4})?\]?[ \t]{0,3}(?:-[ \t]{1,3})?(?:<([\p{L}\p{M}][\p{L}\p{M}\p{N}._-]{0,30})>|([\p{L}\p{M}][\p{L}\p{M}'’.-]{0,30}(?: [\p{L}\p{M}][\p{L}\p{M}'’.-]{0,30}){0,2}):)/gmu;
// Transcripts without timestamps: "Hamza: bro what's the wifi", "Tomasz (12:41): ...", "Sofía 🌸: ...", "<olu> ...".
const LINE_SPEAKER =
  /^[ \t]*(?:[•·▪◦][ \t])?(?:<([\p{L}][\p{L}\p{M}\p{N}._-]{1,30})>[ \t]|([\p{L}][\p{L}\p{M}'’._-]{0,30}(?: [\p{L}][\p{L}\p{M}'’.-]{0,30}){0,2})(?:[ \t]\p{Extended_Pictographic}{1,3})?(?:[ \t]\([^()\n]{1,24}\))?:[ \t])/gmu;
// Chat exports that put the speaker and the time on a line of their own: "Mark 3:02 PM", "Teams · Rhys Evans 10:02".
const HEADER_SPEAKER =
  /^[ \t]*(?:\p{L}{2,12} · )?(\p{Lu}[\p{L}\p{M}'’.-]{0,30}(?: \p{Lu}[\p{L}\p{M}'’.-]{0,30}){0,2})[ \t]{1,3}\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*$/gmu;
// "@kemi_writes", "@meera": a handle, outside an e-mail address; the handle is the person.
const HANDLE = /(?<![\p{L}\p{N}._%+@-])@([\p{L}][\p{L}\p{N}._]{1,29}[\p{L}\p{N}])/gu;
// "My WeChat is zhangwei_88", "Telegram: @kz_dev", "IG handle: rosa.pinta": a user name given for a network.
const SOCIAL_NETWORK =
  /wechat|weixin|telegram|instagram|insta\b|ig\b|twitter|tiktok|snapchat|skype|discord|kakao|line id|signal/i;
const SOCIAL_HANDLE =
  /(?<![\p{L}])(?:wechat|weixin|telegram|instagram|insta|ig|twitter|tiktok|snapchat|skype|discord|kakao(?:talk)?|line)(?:\s(?:id|handle|username|user name|name))?(?:\s(?:is|ist|est|es|è|é))?\s?:?\s@?([\p{L}\p{N}][\p{L}\p{N}._-]{2,30}[\p{L}\p{N}])/dgiu;
const NOT_HANDLES = new Set("all channel here everyone team param return override import media page".split(" "));
// Header and form words that stand where a speaker would: "Subject: ...", "Betreff: ...".
const FIELD_WORDS = new Set(
  `from to cc bcc subject date sent re fw fwd reply-to sender recipient note notes ps p.s nb tel phone fax mobile
  tél telefon telefone teléfono telefono handy mob cell celular móvil gsm tlf tfn
  email e-mail web address von an betreff gesendet datum de à objet envoyé para asunto enviado fecha da a oggetto
  inviato data van aan onderwerp verzonden assunto enviada od do temat wysłano kimden kime konu tarih attendees
  apologies present absent role status type title company department admin host agent bot system moderator
  warning error info debug group chat channel topic thread members gruppe grupo groupe grupa gruppo`.split(/\s+/),
);
// "Sharma ji", "राहुल जी", "Tanaka-san": a respectful suffix after a name.
const NAME_SUFFIX = /^[ -](?:ji|jee|sahab|saab|जी|san|sama|kun|chan)(?![\p{L}\p{M}])/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const span: [number, number] = [0, 0];
  // Read once, and only when a word needs it.
  let languages: InflectingLanguages | undefined;
  const languagesOf = (): InflectingLanguages => {
    languages ??= inflectingLanguages(text);
    return languages;
  };
  for (let at = 0; nextWord(text, at, span); at = span[1]) {
    const index = span[0];
    let end = span[1];
    // One pass over the word's code units answers the case questions below for the ASCII words most text is made
    // of, which then need no lower- or upper-cased copies and no regex.
    let ascii = true;
    let upper = false;
    let lowerCase = false;
    let lettersOnly = true;
    for (let k = index; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      if (c >= 65 && c <= 90) upper = true;
      else if (c >= 97 && c <= 122) lowerCase = true;
      else lettersOnly = false;
    }
    const dot = text.charCodeAt(end - 1) === 46;
    const c0 = text.charCodeAt(index);
    const firstUpper = c0 < 0x80 ? c0 >= 65 && c0 <= 90 : text[index] !== text[index]!.toLowerCase();
    const initial = end - index === 2 && dot && firstUpper;
    // A dot is part of a token only for initials and honorifics ("Dr."); otherwise it ends a sentence.
    if (dot && !initial && !KEEP_DOT.has(text.slice(index, end - 1).toLowerCase())) end--;
    const word = text.slice(index, end);
    // "31C", "4B": a letter glued to a number starts no word.
    // So is a word with digits glued after it: "INC0049213", "AB12" are codes.
    const glued = (index > 0 && isAsciiDigit(text.charCodeAt(index - 1))) || isAsciiDigit(text.charCodeAt(end));
    const cap = firstUpper && !glued;
    // Only a capitalized word can be all capitals: most tokens skip the letter filtering.
    let allCaps = false;
    if (cap && word.length >= 2) {
      if (ascii && lettersOnly) allCaps = !lowerCase;
      else {
        const letters = asciiLetters(word) ? word : word.replace(/[^\p{L}]/gu, "");
        allCaps = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
      }
    }
    let lower = word.endsWith(".") ? word.slice(0, -1) : word;
    if (lower.endsWith("s") && (lower.endsWith("'s") || lower.endsWith("’s"))) lower = lower.slice(0, -2);
    if (!ascii) {
      lower = lower.toLowerCase();
      // "İ" lower-cases to "i" plus a combining dot.
      if (lower.includes("\u0307")) lower = lower.replace(/\u0307/g, "");
    } else if (upper) lower = lower.toLowerCase();
    // "w Gdańsku", "Ольги", "Annalle": a capitalized word no list or lexicon knows may be an inflected form of one
    // they do. Cheap tests first: most capitalized words stand in text of no inflecting language.
    if (cap && !allCaps && (cyrillicWord(word) || inflects(languagesOf())) && unknownWord(lower)) {
      lower = baseForms(lower, languagesOf()).find(listed) ?? lower;
    }
    let token = TOKEN_POOL[tokens.length];
    if (token === undefined) {
      token = { start: 0, end: 0, word: "", lower: "", cap: false, allCaps: false, initial: false };
      if (TOKEN_POOL.length < TOKEN_POOL_SIZE) TOKEN_POOL.push(token);
    }
    token.start = index;
    token.end = end;
    token.word = word;
    token.lower = lower;
    token.cap = cap;
    token.allCaps = allCaps;
    token.initial = initial;
    tokens.push(token);
  }
  return tokens;
}

/** Whether a text shows signs of a Latin-script language whose case endings the lists are read through. */
function inflects(languages: InflectingLanguages): boolean {
  return languages.westSlavic || languages.finnish;
}

/** Whether a word is in the name or place lists. */
function listed(lower: string): boolean {
  return FIRST_NAMES.has(lower) || SURNAMES.has(lower) || PLACES.has(lower);
}

/** Whether no list and no lexicon knows a word: only then is it read as an inflected form. */
function unknownWord(lower: string): boolean {
  return !listed(lower) && !NOT_NAMES.has(lower) && lexiconKind(lower) === undefined;
}

function asciiLetters(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function gapIsSpace(text: string, a: Token, b: Token): boolean {
  const n = b.start - a.end;
  if (n < 1 || n > 2) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    // Not a tab: in pasted tables it separates fields ("Kwabena<TAB>Asante<TAB>Logistics"), not words of a name.
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}

// Character tests the scans below run on every character they pass: plain comparisons, not a regex per character.
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0xfeff
  );
}

function isSentenceBreak(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10;
}

function sentenceStart(text: string, token: Token): boolean {
  for (let i = token.start - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === " " || ch === "\t" || ch === '"' || ch === "'" || ch === "(" || ch === "*" || ch === "-") continue;
    // "- [ ] Call Aunty Bisi", "[x] Book the vet": a task list's box opens its item.
    if (ch === "]" && i >= 2 && text[i - 2] === "[" && " xX✓✔".includes(text[i - 1]!)) {
      i -= 2;
      continue;
    }
    return ".!?:\n>•¡¿☐☑☒✓✔▪◦‣".includes(ch);
  }
  return true;
}

/** Cue phrases as a set, looked up by the last one to three words before a position instead of one by one. */
interface Phrases {
  readonly set: ReadonlySet<string>;
  readonly maxWords: number;
  /** Length of the longest phrase: lower-casing never shortens a word, so nothing longer is looked up. */
  readonly longest: number;
  /**
   * For each ASCII letter or digit a phrase starts with, a bit per length of such phrases (lengths of 31 and more
   * share the last bit): an ASCII candidate whose bit is clear is no phrase, and is never sliced or lower-cased.
   */
  readonly lengths: Uint32Array;
}

function phrases(list: readonly string[]): Phrases {
  const lengths = new Uint32Array(128);
  for (const p of list) {
    const c = p.charCodeAt(0);
    if (c < 128) lengths[c]! |= lengthBit(p.length);
  }
  return {
    set: new Set(list),
    maxWords: Math.max(1, ...list.map((p) => p.split(" ").length)),
    longest: Math.max(0, ...list.map((p) => p.length)),
    lengths,
  };
}

function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

const LEADING_NON_WORD = /^[^\p{L}\p{N}]+/u;

/** Whether one of `cues` ends right before `at` (ignoring spaces, commas and colons) and starts on a word start. */
function precededBy(text: string, at: number, cues: Phrases): boolean {
  let end = at;
  while (end > 0 && end > at - 8) {
    const c = text.charCodeAt(end - 1);
    if (!(c === 44 || c === 58 || isSpace(c))) break;
    end--;
  }
  let from = end;
  // Whether the candidate, `text.slice(k, end)`, is all ASCII so far.
  let ascii = true;
  for (let n = 0; n < cues.maxWords; n++) {
    // Back over one word and the single space before it.
    let k = from;
    while (k > 0 && k > end - 24) {
      const c = text.charCodeAt(k - 1);
      if (isSpace(c)) break;
      if (c >= 0x80) ascii = false;
      k--;
    }
    if (k === from) return false;
    const c = text.charCodeAt(k);
    // A candidate longer than every cue that opens on a letter or digit (nothing for the replace to strip) is no cue:
    // most words before a capital are skipped without lower-casing them. Nor is an ASCII one of a length no cue
    // starting with its letter has: lower-casing ASCII keeps the length.
    if (
      (end - k <= cues.longest || !asciiAlphanumeric(c)) &&
      !(ascii && asciiAlphanumeric(c) && (cues.lengths[c | (c >= 65 ? 32 : 0)]! & lengthBit(end - k)) === 0)
    ) {
      const candidate = text.slice(k, end).toLowerCase();
      if (cues.set.has(candidate)) return true;
      // Only a candidate opening on punctuation ("(dear") has anything for the replace to strip.
      if (!asciiAlphanumeric(candidate.charCodeAt(0)) && cues.set.has(candidate.replace(LEADING_NON_WORD, "")))
        return true;
    }
    if (k === 0 || text[k - 1] !== " ") return false;
    from = k - 1;
  }
  return false;
}

function asciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Whether a word ends in a letter that "k" matches case-insensitively (k, K, the Kelvin sign): the only words the
 * "...bank" test can match, so the others skip its regex.
 */
function endsInK(word: string): boolean {
  const c = word.charCodeAt(word.length - 1);
  return c === 107 || c === 75 || c === 0x212a;
}

/** {@link NAME_SUFFIX} right after `at`: every suffix starts after a space or a hyphen, which most words lack. */
function nameSuffixAfter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c === 32 || c === 45) && NAME_SUFFIX.test(text.slice(at, at + 7));
}

/**
 * The few words around `[from, to)` inside its sentence: enough context for compromise ("asked X", "X said") at a
 * fraction of the cost of parsing the whole sentence.
 */
function windowAround(text: string, from: number, to: number, words: number): [number, number] {
  let start = from;
  let seen = 0;
  const floor = Math.max(0, from - 200);
  while (start > floor && !isSentenceBreak(text.charCodeAt(start - 1))) {
    if (text[start - 1] === " " && text[start] !== " " && ++seen > words) break;
    start--;
  }
  let end = to;
  seen = 0;
  const ceil = Math.min(text.length, to + 200);
  while (end < ceil && !isSentenceBreak(text.charCodeAt(end))) {
    if (text[end] === " " && end > to && text[end - 1] !== " " && ++seen > words) break;
    end++;
  }
  return [start, Math.min(text.length, end + 1)];
}

/** Options of {@link nameRecognizer}. */
export interface NameRecognizerOptions {
  /**
   * Ask compromise about capitalized words the lists and cue words leave open (default true). compromise parses
   * only the sentences holding such words, which keeps most text away from the slow full parse.
   */
  readonly compromise?: boolean;
  /**
   * How many windows compromise has tagged this recognizer keeps, so a window seen again (a signature, a quoted reply)
   * is not parsed again (default 4,096). 0 parses every window: what a text never seen before costs, which is what
   * a benchmark that replays the same texts should measure.
   */
  readonly windowCache?: number;
}

/**
 * People, places and organizations: multilingual name and place lists, honorifics, greetings and sign-offs,
 * initials and ALL-CAPS names, organization suffixes, and compromise for the capitalized words that remain.
 */
export function nameRecognizer(options: NameRecognizerOptions = {}): Recognizer {
  const useCompromise = options.compromise ?? true;
  const cacheSize = options.windowCache ?? WINDOW_CACHE_SIZE;
  if (!Number.isSafeInteger(cacheSize) || cacheSize < 0)
    throw new InvalidArgumentError(`windowCache must be an integer >= 0, got ${String(cacheSize)}`);
  const cache = new WindowCache(cacheSize);
  const lists = (
    text: string,
  ): { found: RecognizerResult[]; windows: [number, number][]; runs: [number, number][] } => {
    const tokens = tokenize(text);
    const keys = text.includes(":") || text.includes("<") ? lineKeys(text) : [];
    // A form: line-initial keys that are no conversation's turns. Its keys are labels, whatever they look like.
    const form = keys.length >= 2 && !isConversation(keys, text);
    const found: RecognizerResult[] = [];
    const deferred: [number, number][] = [];
    const push = (type: EntityType, a: Token, b: Token, score: number) =>
      found.push({ start: a.start, end: b.end, type, score });
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (!t.cap) {
        const name = LOWER_CASE_NAMES.has(t.lower);
        // Lower-case chat names: "hi anna", "thanks tom".
        // "hey can u book...": a name that is also a word reads as the word unless punctuation closes it ("hi will,").
        if (
          name &&
          precededBy(text, t.start, STRONG_GREETING_CUES) &&
          (!isCommonWord(t.lower) || /^\s?(?:[,!.?:;]|$)/.test(text.slice(t.end, t.end + 2)))
        )
          push("PERSON", t, t, 0.65);
        // "lol bob just fell asleep", "kofi has the cooler": a listed given name that is no word, before what people
        // do.
        else if (
          name &&
          (t.lower.length >= 4 || LISTED_FIRST_NAMES.has(t.lower)) &&
          !AMBIGUOUS_FIRST_NAMES.has(t.lower) &&
          !isCommonWord(t.lower) &&
          LOWER_NAME_THEN.test(text.slice(t.end, t.end + 12))
        )
          push("PERSON", t, t, 0.6);
        // Scripts without capitals (Devanagari, Arabic, Hebrew, Thai...): a word after a greeting, or before a
        // respectful suffix, is the name.
        else if (
          caseless(t.word) &&
          !GREETING_WORDS.has(t.lower) &&
          (precededBy(text, t.start, GREETING_CUES) || nameSuffixAfter(text, t.end))
        )
          push("PERSON", t, t, 0.7);
        i++;
        continue;
      }
      // "3511 ED Utrecht": the letters of a Dutch postcode are not the start of a name.
      if (t.allCaps && t.word.length === 2 && /\d{4}\s$/.test(text.slice(Math.max(0, t.start - 5), t.start))) {
        i++;
        continue;
      }
      // Grow a run of capitalized words, initials and name particles on one line.
      let j = i;
      while (j + 1 < tokens.length && j - i < 6) {
        const next = tokens[j + 1]!;
        // "Moreau & Associés", "Dupont & Fils": a company form after an ampersand closes the organization's name.
        // The characters first: most words follow no ampersand.
        if (ampersandBetween(text, tokens[j]!.end, next.start) && next.cap && ORG_SUFFIXES.has(next.lower)) {
          j++;
          continue;
        }
        if (!gapIsSpace(text, tokens[j]!, next)) break;
        if (next.cap) {
          j++;
          continue;
        }
        const after = tokens[j + 2];
        // "Rio de Janeiro", "Ciudad de México": a listed place that holds a particle is one run.
        if (
          PARTICLES.has(next.lower) &&
          after?.cap &&
          gapIsSpace(text, next, after) &&
          PLACES.has(`${tokens[j]!.lower} ${next.lower} ${after.lower}`)
        ) {
          j += 2;
          continue;
        }
        if (
          PARTICLES.has(next.lower) &&
          after?.cap &&
          gapIsSpace(text, next, after) &&
          !ORG_HEADS.has(after.lower) &&
          // "Intesa Sanpaolo di Bologna": a place after the particle is where, not part of the name.
          !(
            PLACES.has(after.lower) &&
            !PLACE_FRAGMENTS.has(after.lower) &&
            !ORG_HEADS.has(t.lower) &&
            !FIRST_NAMES.has(t.lower) &&
            !SURNAMES.has(after.lower)
          ) &&
          !ORG_SUFFIXES.has(after.lower)
        ) {
          j += 2;
          continue;
        }
        break;
      }
      // "Distribuciones Ebro S.L.", "Van Leeuwen B.V.": a dotted company form closes an organization.
      const dotted = dottedOrgEnd(text, tokens, i, j);
      if (dotted) {
        // "Factura de Transportes Norte S.L.": a word opening the sentence and its particle are not the name.
        const skip =
          j >= i + 3 && PARTICLES.has(tokens[i + 1]!.lower) && !ORG_HEADS.has(t.lower) && sentenceStart(text, t);
        found.push({ start: skip ? tokens[i + 2]!.start : t.start, end: dotted.end, type: "ORGANIZATION", score: 0.8 });
        i = dotted.next;
        continue;
      }
      // "Tor: Milan", "Pai: Joaquim Macuacua   Mae: Celeste Nhantumbo": a form's label, even a listed name.
      if (!(form && labelAt(text, t.start, tokens[j]!.end))) classify(text, tokens.slice(i, j + 1), push, deferred);
      i = j + 1;
    }
    signOffNames(text, tokens, push);
    chatSpeakers(text, keys, form, found);
    if (keys.length === 1) messageSender(text, keys[0]!, found);
    addressedCjkNames(text, found);
    socialHandles(text, found);
    userNames(text, found);
    calendarNames(text, found);
    nameLists(text, found);
    const windows: [number, number][] = [];
    // The runs the windows were opened for: compromise's bare proper nouns count only inside one of them.
    const runs: [number, number][] = [];
    if (useCompromise) {
      // The words of the persons found, read only for a run whose every word stands in one of them (what the persons'
      // texts say at the cost of a substring search): most runs left open are no person said again.
      let named: ReadonlySet<string> | undefined;
      let persons: string | undefined;
      let lastEnd = -1;
      for (const [from, to] of deferred) {
        // A run inside the last window is parsed with it.
        if (from < lastEnd) {
          runs.push([from, to]);
          continue;
        }
        // "between Tomáš Novák and Olusegun Adeyemi ... Olusegun Adeyemi prefers mornings": a run made only of words
        // of a person found in the text is that person again, which namedAgain would say anyway; no need to ask
        // compromise (a parse costs more than the rest of the pass).
        const words = wordsOf(text.slice(from, to));
        persons ??= personTexts(text, found);
        if (words.every((w) => persons!.includes(w))) {
          named ??= personWords(text, found);
          if (named.size > 0 && words.every((w) => named!.has(w))) {
            found.push({ start: from, end: to, type: "PERSON", score: NAMED_AGAIN_SCORE });
            continue;
          }
        }
        // German capitalizes every noun ("Termin", "Rückruf"): one such word alone is a noun far more often than a
        // name, and compromise, which reads English, adds nothing but time there (on our corpora it changed only
        // the edges of names the lists had found).
        if (!hasSpace(text, from, to) && germanAround(text, from)) continue;
        // "rue de la Paix", "Via Roma 22", "Hauptstraße 12": a street's name belongs to the address recognizer.
        if (streetName(text, from, to)) continue;
        // One word needs less context than a run of them: compromise's patterns around a lone name reach a word or
        // two, and every word of a window costs parse time.
        const w = windowAround(text, from, to, hasSpace(text, from, to) ? CONTEXT_WORDS : CONTEXT_WORDS - 1);
        lastEnd = w[1];
        windows.push(w);
        runs.push([from, to]);
      }
    }
    return { found, windows, runs };
  };

  const analyzeBatch = (texts: readonly string[]): RecognizerResult[][] => {
    const firstPass = texts.map(lists);
    const windows: CompromiseWindow[] = firstPass.flatMap((r, input) =>
      r.windows.map(([start, end]) => ({ input, start, end })),
    );
    const { tagged, bare } = windows.length > 0 ? compromiseEntities(texts, windows, cache) : { tagged: [], bare: [] };
    // compromise sometimes tags a form of address alone ("Frau", "Sig.") as a person.
    return firstPass.map((r, i) => {
      const found = [
        ...r.found,
        // ...nor does a name run over a tab or a line break: those separate table cells and lines.
        // ...nor is a role word alone a person ("Isla Ferguson (Chair)", "Daniel Kioko (Katibu)").
        ...(tagged[i] ?? []).filter((e) => {
          const value = texts[i]!.slice(e.start, e.end);
          return !isAddressWord(value) && !/[\t\n]/.test(value) && !(e.type === "PERSON" && roleAlone(value));
        }),
      ];
      const spans = bare[i] ?? [];
      if (spans.length > 0) found.push(...bareNames(texts[i]!, spans, r.runs, found));
      found.push(...joinedNames(texts[i]!, found));
      return [...found, ...namedAgain(texts[i]!, found)];
    });
  };

  return {
    name: "names",
    types: ["PERSON", "LOCATION", "ORGANIZATION", "ZIP_CODE"],
    analyze: (text) => analyzeBatch([text])[0]!,
    analyzeBatch,
  };
}

type Push = (type: EntityType, a: Token, b: Token, score: number) => void;

/**
 * The score of a person read from a capital letter inside a sentence and little else, below what a listed or cued
 * name gets. A place the analyzer's later passes read at the same spot replaces such a guess.
 */
export const GUESSED_NAME_SCORE = 0.55;
// A word written as names are: a capital, then lower-case letters ("Chidinma", "Ndung'u", "Adeyemi-Brooks").
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)?$/u;

// A determiner, a car's make, or a number with its unit: "the Fiesta", "your Amex", "Toyota Corolla", "14 Paletten".
const THING_BEFORE =
  /(?:^|[^\p{L}])(?:the|a|an|my|your|our|his|her|their|this|that|these|those|toyota|honda|ford|nissan|mazda|hyundai|kia|suzuki|volkswagen|vw|bmw|audi|mercedes|peugeot|renault|fiat|opel|skoda|tesla|chevrolet|subaru|mitsubishi|volvo)\s$|\d\s?$/iu;
// A number, a letter alone, an abbreviation's dot before a number, or a label's colon: "Android 14", "Session A",
// "Nr. 02/2026", "Prénom : Rim".
const THING_AFTER = /^(?:\s?[\d+#]|\s\p{Lu}(?![\p{L}.])|\.\s*[\d+]|\.\s{2}|\s?:)/u;
// Capitalized words people write that name no person: software, platforms, devices, cards, documents, languages,
// holidays and prayers, and the polite "you" of several languages ("Vašej", "Jūsų", "Cię", "Ihre").
const THINGS: ReadonlySet<string> = new Set(
  `android ios windows linux macos chrome firefox safari excel word outlook teams slack zoom jira confluence github
  gitlab python java javascript typescript kubernetes docker postgres mysql oracle sap salesforce notion trello figma
  stripe paypal venmo zelle pix bizum revolut wise instagram facebook whatsapp telegram signal viber wechat line
  tiktok youtube twitter linkedin snapchat discord reddit google gmail yahoo hotmail icloud dropbox uber lyft bolt
  grab airbnb booking amazon kindle iphone ipad macbook pixel galaxy airpods playstation xbox nintendo
  visa mastercard amex maestro diners discover unionpay rupay aadhaar iqama eircode nhs medicare medicaid
  urdu hindi bengali tagalog turkish arabic swahili yoruba igbo hausa zulu xhosa amharic somali persian farsi
  russian ukrainian polish czech greek hebrew japanese korean chinese mandarin cantonese vietnamese thai malay
  indonesian hinglish taglish ramadan eid passover nowruz diwali hanukkah holi vesak easter christmas pentecost
  mass fajr dhuhr asr maghrib isha
  vaš vaša vaše vašej vášho vám jūsų jūs jums cię ciebie państwo ihr ihre ihrem ihren ihrer ihnen anda`.split(/\s+/),
);
// Endings of nouns that no name has, English and German: "Employment", "Statement", "Rückruf"… "Seriennummer",
// "Mindesthaltbarkeit", "Passwort", "Sommerfest"; an "ß" ("Grüßen").
const NOUN_ENDING =
  /.{3}(?:ment|tion|sion|ness|ship|ung|ungen|keit|heit|schaft|nummer|zweck|sprache|wort|wunsch|fest|zeit|stelle|vertrag|konto|termin|dienst)$|ß/u;
// Words of German that other languages do not write: two of them near a capitalized word say it is a German noun.
const GERMAN_FUNCTION_WORDS =
  /(?:^|[^\p{L}])(?:der|die|das|den|dem|und|ist|nicht|ich|mit|für|wir|bitte|eine?|einen|auf|noch|auch|von|vom|zum|zur|bei|nach|über|wurde|wird|sind|haben|sie|ihr|ihre|unser|unsere|kein|keine|seit|bis|im|aus|zu)(?=[^\p{L}]|$)/giu;

function germanNear(text: string, from: number, to: number): boolean {
  const near = text.slice(Math.max(0, from - 100), to + 100);
  GERMAN_FUNCTION_WORDS.lastIndex = 0;
  return GERMAN_FUNCTION_WORDS.test(near) && GERMAN_FUNCTION_WORDS.test(near);
}

/**
 * Persons in runs of proper nouns compromise gives no kind ("share it with Chidinma", "Husk at Villads og Alma"):
 * only inside a run the lists left open (`runs`, sorted and apart), of words written as names and no common word, and
 * not in German text, where every noun is capitalized. An item of a list takes the kind of the item before it: a place
 * after places ("Lyon, Annecy and Chamonix"); an item of a list of things is none ("Tent, Stove, Lantern, Rope").
 */
function bareNames(
  text: string,
  spans: readonly Span[],
  runs: readonly (readonly [number, number])[],
  found: readonly RecognizerResult[],
): RecognizerResult[] {
  const out: RecognizerResult[] = [];
  // The kind of what ends at each offset, for the list items.
  const kindAt = new Map<number, EntityType>();
  for (const e of found) kindAt.set(e.end, e.type);
  let persons: SpanIndex | undefined;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (!withinRun(span, runs) || !writtenAsName(text, span)) continue;
    let type: EntityType = "PERSON";
    const kind = listItemKind(text, span.start, kindAt);
    if (kind === "LOCATION" || kind === "ORGANIZATION") type = kind;
    else if (kind !== "PERSON") {
      persons ??= personIndex(found);
      if (inListOfThings(text, span, persons)) continue;
    }
    out.push({ start: span.start, end: span.end, type, score: GUESSED_NAME_SCORE });
    kindAt.set(span.end, type);
  }
  return out;
}

// The item before a list's next one: its words, then a comma or a word for "and".
const LIST_ITEM_BEFORE =
  /((?:\p{Lu}[\p{L}\p{M}'’-]*[ \t]){0,3}[\p{L}\p{M}\p{N}.'’)-]+)(,|\s(?:and|und|et|y|e|i|og|och|en|&))\s?$/u;

/** The kind of what the list item before `at` was found as, if anything. */
function listItemKind(text: string, at: number, kindAt: ReadonlyMap<number, EntityType>): EntityType | undefined {
  const item = LIST_ITEM_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
  return item ? kindAt.get(at - item[0].length + item[1]!.length) : undefined;
}

function personIndex(found: readonly RecognizerResult[]): SpanIndex {
  return new SpanIndex(found.filter((e) => e.type === "PERSON"));
}

/**
 * Whether `span` is an item of a list of three or more on its line ("Packing list: Tent, Stove, Lantern, Rope") in
 * which the other rules found no person: a list of things, not of people.
 */
function inListOfThings(text: string, span: Span, persons: SpanIndex): boolean {
  if (text[span.end] !== "," && !/,\s?$/u.test(text.slice(Math.max(0, span.start - 2), span.start))) return false;
  let from = span.start;
  const floor = Math.max(0, span.start - 200);
  while (from > floor && text[from - 1] !== "\n" && text[from - 1] !== ":") from--;
  let to = span.end;
  const ceil = Math.min(text.length, span.end + 200);
  while (to < ceil && text[to] !== "\n") to++;
  let commas = 0;
  for (let k = from; k < to; k++) if (text[k] === ",") commas++;
  return commas >= 2 && !persons.overlaps(from, to);
}

function withinRun(span: Span, runs: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (runs[mid]![0] <= span.start) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  return run !== undefined && run[0] <= span.start && span.end <= run[1];
}

function writtenAsName(text: string, span: Span): boolean {
  for (const word of text.slice(span.start, span.end).split(/[ \t]+/u)) {
    const lower = word.toLowerCase();
    if (word.length < 3 || !NAME_WORD.test(word) || NOUN_ENDING.test(lower)) return false;
    if (isCommonWord(lower) || roleAlone(word) || THINGS.has(lower) || POLITE_PRONOUNS.has(lower)) return false;
    if (GREETING_WORDS.has(lower) || HONORIFICS.has(lower) || ORG_SUFFIXES.has(lower) || ORG_HEADS.has(lower))
      return false;
    if (CALENDAR_WORDS.has(lower)) return false;
  }
  const before = text.slice(Math.max(0, span.start - 12), span.start);
  const after = text.slice(span.end, span.end + 12);
  if (THING_BEFORE.test(before) || THING_AFTER.test(after)) return false;
  return !germanAround(text, span.start) && !germanNear(text, span.start, span.end);
}

/** Whether a value is one word that names a role: "Chair", "Treasurer", "Katibu". */
function roleAlone(value: string): boolean {
  const lower = value.toLowerCase();
  return !/\s/u.test(lower) && (BRACKET_ROLE_WORDS.has(lower) || isListedRole(lower));
}

function classify(text: string, run: Token[], push: Push, deferred: [number, number][]): void {
  let honorific = false;
  let greeted = false;
  // Leading cue words: "Hi Anna", "Dr. Weber", "Thanks Tom".
  let afterGreeting = false;
  while (run.length > 0) {
    const head = run[0]!;
    if (HONORIFICS.has(head.lower) && run.length > 1) {
      honorific = true;
      run = run.slice(1);
    } else if (!afterGreeting && GREETING_WORDS.has(head.lower) && run.length > 1) {
      // "Hi April", "Thanks Will": whatever follows a greeting is the name, even a month or a common word.
      greeted = true;
      afterGreeting = true;
      run = run.slice(1);
    } else if (
      (!afterGreeting || !AMBIGUOUS_FIRST_NAMES.has(head.lower)) &&
      NOT_NAMES.has(head.lower) &&
      !FIRST_NAMES.has(head.lower) &&
      // "Hope and I", "Will is late": a name that is also a word, followed by what people do.
      !(
        run.length === 1 &&
        AMBIGUOUS_FIRST_NAMES.has(head.lower) &&
        (NAME_THEN_VERB.test(text.slice(head.end, head.end + 16)) || precededBy(text, head.start, SINGLE_CUES))
      ) &&
      !(PARTICLES.has(head.lower) && run.length > 1)
    ) {
      run = run.slice(1);
    } else break;
  }
  // "Praxis Dr. Schulz", "Der Mieter Jürgen Krause": an honorific, or a known first name after words that are no
  // names, starts the name inside the run; what comes before it belongs to the sentence.
  if (!honorific && !greeted && !(run.length >= 2 && ORG_HEADS.has(run[0]!.lower))) {
    const at = run.findIndex((t, k) => k > 0 && k < run.length - 1 && HONORIFICS.has(t.lower) && t.word.length > 1);
    if (at > 0) {
      honorific = true;
      run = run.slice(at + 1);
    } else {
      const name = run.findIndex((t, k) => k > 0 && FIRST_NAMES.has(t.lower) && !AMBIGUOUS_FIRST_NAMES.has(t.lower));
      if (name > 0 && run.slice(0, name).every((t) => !FIRST_NAMES.has(t.lower) && !SURNAMES.has(t.lower)))
        run = run.slice(name);
    }
  }
  // A lower-case particle left in front ("Grüße von Zoë") belongs to the sentence, not the name.
  while (run.length > 1 && !run[0]!.cap) run = run.slice(1);
  while (run.length > 1 && (NOT_NAMES.has(run.at(-1)!.lower) || PARTICLES.has(run.at(-1)!.lower)))
    run = run.slice(0, -1);
  // "Ping Priya", "Email Sofia Rossi", "Meet Kwame Mensah": a sentence-initial word before a known first name, or a
  // verb or other common word opening the sentence, is not part of the name; a verb of communication says a
  // person follows.
  let cued = false;
  if (run.length >= 2 && !FIRST_NAMES.has(run[0]!.lower) && sentenceStart(text, run[0]!)) {
    const head = run[0]!.lower;
    const verb = PERSON_VERBS.has(head);
    // "Kohtume Tallinnas", "Találkozunk Debrecenben", "Yarın Ankara'ya": a word of a language the lexicon does not
    // know, then a place.
    const place =
      run.length === 2 &&
      !ORG_HEADS.has(head) &&
      lexiconKind(head) === undefined &&
      !SURNAMES.has(run[1]!.lower) &&
      (PLACES.has(run[1]!.lower) ||
        inflectedPlace(run[1]!.lower, text, run[1]!.start) ||
        turkishProperNoun(text, run[1]!) !== null);
    if (verb || FIRST_NAMES.has(run[1]!.lower) || isCommonWord(head) || place) {
      cued = verb;
      run = run.slice(1);
    }
    // "Call Aunty Bisi", "Ask Uncle Femi": the verb, then a kinship word before the name.
    if (run.length >= 2 && GREETING_WORDS.has(run[0]!.lower) && !FIRST_NAMES.has(run[0]!.lower)) {
      greeted = true;
      run = run.slice(1);
    }
  }
  // "Selamat pagi Bapak/Ibu": a form of address alone names nobody.
  if (run.length === 0 || (run.length === 1 && HONORIFICS.has(run[0]!.lower))) return;
  if (run.some((t) => SIGN_OFF_NOT_NAMES.has(t.lower))) {
    // "Apollo Hospitals Front Desk": an organization before the department words.
    const suffix = run.findIndex((t, k) => k > 0 && ORG_SUFFIXES.has(t.lower));
    if (suffix > 0 && !SIGN_OFF_NOT_NAMES.has(run[0]!.lower)) push("ORGANIZATION", run[0]!, run[suffix]!, 0.75);
    else deferred.push([run[0]!.start, run.at(-1)!.end]);
    return;
  }
  const first = run[0]!;
  const last = run.at(-1)!;
  cued ||= personFieldBefore(text, first.start);
  greeted ||= precededBy(text, first.start, GREETING_CUES);
  honorific ||= precededBy(text, first.start, HONORIFIC_CUES);
  // A month or a weekday alone is the date recognizer's ("την Πέμπτη", "Kamis jam 10"), unless someone is greeted,
  // or it is a given name that is no word in its own language, with no number beside it: "porque Marco sale" names a
  // person, though "marco" is March in Portuguese written without its cedilla.
  if (
    run.length === 1 &&
    !greeted &&
    !honorific &&
    CALENDAR_WORDS.has(first.lower) &&
    !(
      FIRST_NAMES.has(first.lower) &&
      !AMBIGUOUS_FIRST_NAMES.has(first.lower) &&
      !CAPITALIZED_CALENDAR_NAMES.has(first.lower) &&
      !sentenceStart(text, first) &&
      !numberBeside(text, first)
    )
  )
    return;
  // "the Okonkwo family", "Iftar is sponsored by the Warsame family", "Familie Öztürk": a family by its name.
  if (run.length <= 2 && familyOf(text, first, last) && run.every((t) => personWord(t.lower))) {
    push("PERSON", first, last, 0.7);
    return;
  }
  // "Zara's class teacher", "Tayo's mum", "Patience's leaving drinks": one or two words whose family, teacher or
  // celebration follows are someone's name, even a name that is also a word.
  if (run.length <= 2 && possessiveOfPerson(text, last) && run.every((t) => personWord(t.lower))) {
    push("PERSON", first, last, 0.7);
    return;
  }

  const lowers = run.map((t) => t.lower);
  // Most runs are one word: its lower-case form is the phrase, with no array joined.
  const joined = run.length === 1 ? first.lower : lowers.join(" ");
  // "κ. Καραγιάννη": the dot of a Greek title before a name ends no sentence.
  const atStart =
    sentenceStart(text, first) && !GREEK_TITLE_BEFORE.test(text.slice(Math.max(0, first.start - 5), first.start));

  // "Allianz Versicherungs-AG", "Müller Bau-GmbH": a company form joined to the last word by a hyphen.
  const hyphen = last.lower.lastIndexOf("-");
  const joinedSuffix = hyphen > 0 && ORG_SUFFIXES.has(last.lower.slice(hyphen + 1)) && last.word.length > hyphen + 2;
  // Organizations: "Acme GmbH", "Northwind Traders Ltd", "Bank of Ireland", "University of Porto".
  if (run.length >= 2 && (ORG_SUFFIXES.has(last.lower) || ORG_SUFFIXES.has(`${last.lower}.`) || joinedSuffix)) {
    // "Geschäftsführerin der Nordlicht AG", "PDG de Valmont SA": a single word that is no name before a particle
    // is the person's role, and the organization starts after the particle.
    const p = run.findIndex((t, k) => k === 1 && PARTICLES.has(t.lower));
    if (
      p === 1 &&
      run.length >= 4 &&
      !ORG_HEADS.has(first.lower) &&
      !FIRST_NAMES.has(first.lower) &&
      !SURNAMES.has(first.lower) &&
      !PLACES.has(first.lower)
    ) {
      push("ORGANIZATION", run[2]!, last, 0.8);
      return;
    }
    push("ORGANIZATION", first, last, 0.8);
    return;
  }
  // "Vietcombank", "Rabobank", "GTBank": one word that ends in "bank" names one.
  if (endsInK(first.word) && /^\p{L}{2,}bank$/iu.test(first.word) && !FIRST_NAMES.has(first.lower)) {
    // "Rabobank Utrecht": the bank, then where its branch is.
    const rest = lowers.slice(1).join(" ");
    if (run.length === 1 || PLACES.has(rest)) {
      push("ORGANIZATION", first, first, 0.75);
      if (run.length > 1) push("LOCATION", run[1]!, last, 0.7);
      return;
    }
  }
  if (run.length >= 2 && ORG_HEADS.has(first.lower)) {
    push("ORGANIZATION", first, last, 0.8);
    return;
  }
  // "Protokoll Vereinssitzung TSV Eichenau", "Reminder Grundschule Lindenhof": the organization starts at its head
  // word inside the run, after words of the sentence.
  // Not a word that may also end a name ("Aga Khan Hospital Karachi" ends at its hospital).
  const head = run.findIndex(
    (t, k) => k > 0 && k < run.length - 1 && ORG_HEADS.has(t.lower) && !ORG_SUFFIXES.has(t.lower),
  );
  if (head > 0 && !FIRST_NAMES.has(run[head]!.lower)) {
    push("ORGANIZATION", run[head]!, last, 0.75);
    return;
  }
  if (run.length >= 2 && !honorific && !greeted) {
    // "7 Park Lane": a street after its house number is the address recognizer's, not a person.
    if (STREET_TYPES.has(last.lower) && /\d[\p{L}]?,?\s$/u.test(text.slice(Math.max(0, first.start - 4), first.start)))
      return;
    // "Victoria Island", "Gangnam Station", "Lake Victoria", "Plaza Mayor": a word for a kind of place at either end.
    if (PLACE_TAILS.has(last.lower) || PLACE_HEADS.has(first.lower) || STREET_TYPES.has(last.lower)) {
      push("LOCATION", first, last, 0.7);
      return;
    }
  }
  if (honorific) {
    push("PERSON", first, last, 0.85);
    return;
  }
  if (run.length <= 3 && nameSuffixAfter(text, last.end)) {
    // From the first listed given name, or else the surname alone: "Kal Verma ji" is about Verma.
    const given = run.findIndex((t) => FIRST_NAMES.has(t.lower));
    push("PERSON", given >= 0 ? run[given]! : last, last, 0.8);
    return;
  }
  if (
    PLACES.has(joined) &&
    !(FIRST_NAMES.has(joined) && greeted) &&
    // "Réunion à 14h": a place that is also a word, opening the sentence, is the word.
    !(AMBIGUOUS_PLACES.has(joined) && atStart) &&
    !(run.length === 1 && (PLACE_FRAGMENTS.has(joined) || HONORIFICS.has(joined)))
  ) {
    push("LOCATION", first, last, AMBIGUOUS_FIRST_NAMES.has(joined) ? 0.55 : 0.8);
    postcodeAfter(text, last.end, push);
    postcodeBefore(text, first.start, push);
    return;
  }
  // "Marcus Garvey Rd, Kilimani, Nairobi", "14 Clonliffe Road, Drumcondra, Dublin 3", "88 Kalayaan Ave., Diliman":
  // a district between the street and the town.
  if (
    run.length <= 3 &&
    commaBefore(text, first.start) &&
    !allCapsRun(run) &&
    STREET_THEN_COMMA.test(text.slice(Math.max(0, first.start - 16), first.start))
  ) {
    push("LOCATION", first, last, 0.65);
    postcodeAfter(text, last.end, push);
    return;
  }
  // "Sydney NSW", "Springfield IL": a place followed by a region code.
  if (run.length >= 2 && run.slice(1).every((t) => t.allCaps && t.word.length <= 3)) {
    const head = run.slice(0, -1).length === 1 ? first : run.at(-2)!;
    const prefix = lowers.slice(0, run.indexOf(head) + 1).join(" ");
    if (PLACES.has(prefix)) {
      push("LOCATION", first, head, 0.8);
      return;
    }
  }
  const firstIsName = FIRST_NAMES.has(first.lower);
  const ambiguous = AMBIGUOUS_FIRST_NAMES.has(first.lower);
  if (run.length === 1 && !first.allCaps && !firstIsName && !ambiguous && !SURNAMES.has(first.lower)) {
    // "İstanbul'da", "Kadıköy'deyim", "Ayşe'ye": Turkish writes a case ending after a proper noun's apostrophe.
    const apostrophe = turkishProperNoun(text, first);
    if (apostrophe) {
      push(apostrophe.type, first, { ...first, end: apostrophe.end }, 0.6);
      return;
    }
    // "pozdrów Zosię", "номер Ольги", "с Рустемом": a listed given name with a Slavic case ending.
    if (!atStart && first.word.length >= 4 && inflectedName(text, first) && lexiconKind(first.lower) === undefined) {
      push("PERSON", first, last, 0.6);
      return;
    }
    // "w Krakowie", "Budapesten", "Tallinnas", "в Москве": a listed place with a case ending.
    if (
      first.word.length >= 5 &&
      inflectedPlace(first.lower, text, first.start) &&
      lexiconKind(first.lower) === undefined
    ) {
      push("LOCATION", first, last, 0.6);
      return;
    }
  }
  // One word: its last two words are itself, looked up already.
  const lastIsSurname = SURNAMES.has(last.lower) || (run.length > 1 && SURNAMES.has(lowers.slice(-2).join(" ")));
  const initials = run.some((t) => t.initial) && !last.initial;
  const allCaps = run.every((t) => t.allCaps || t.initial);

  if (run.length > 4) {
    deferred.push([first.start, last.end]);
    return;
  }
  // "Royal Infirmary", "Mart 2025": a generated name that is also a word, followed by ordinary words, is no name.
  const weak =
    GENERATED_AMBIGUOUS.has(first.lower) &&
    !run.slice(1).every((t) => SURNAMES.has(t.lower) || FIRST_NAMES.has(t.lower) || t.initial);
  if (firstIsName && !(weak && !greeted) && (!ambiguous || run.length >= 2 || greeted)) {
    // "Will Baker", "Anna", "JOHN SMITH", "Hi Grace".
    push("PERSON", first, last, run.length >= 2 || !ambiguous ? 0.85 : 0.7);
    return;
  }
  if (greeted && run.length <= 3 && !allCaps) {
    push("PERSON", first, last, 0.75);
    return;
  }
  // "at dawn, Frank closes", "did Summer get the contract", "Grace and Hope": a given name that is also a word, with a
  // capital inside a sentence where the word would have none, is the name. Not after an article ("a Tesla", "the
  // Royal"), not in German, where every noun has a capital.
  if (
    run.length === 1 &&
    ambiguous &&
    !allCaps &&
    !atStart &&
    !NOT_NAMES.has(first.lower) &&
    !PLACES.has(joined) &&
    /^\p{Lu}\p{Ll}+$/u.test(first.word) &&
    // Inside running text: after a lower-case word, a comma or a dash, not after a number ("10 Min"), a quote or a
    // table's separator, and not glued to a symbol ("Soleil#2025" is a password).
    MID_SENTENCE_BEFORE.test(text.slice(Math.max(0, first.start - 8), first.start)) &&
    !ARTICLE_BEFORE.test(text.slice(Math.max(0, first.start - 8), first.start)) &&
    !/^[#@_/\\\d]/.test(text.slice(last.end, last.end + 1)) &&
    !germanAround(text, first.start) &&
    !GERMAN_WORD.test(text.slice(Math.max(0, first.start - 80), first.start + 80))
  ) {
    push("PERSON", first, last, 0.6);
    return;
  }
  // "Grace and Hope are running the bake sale": a sentence that opens on a name that is also a word, joined to a
  // second name.
  if (run.length === 1 && ambiguous && atStart && !NOT_NAMES.has(first.lower) && /^\p{Lu}\p{Ll}+$/u.test(first.word)) {
    const m = JOINED_NAME.exec(text.slice(last.end, last.end + 30));
    if (m && (FIRST_NAMES.has(m[1]!.toLowerCase()) || AMBIGUOUS_FIRST_NAMES.has(m[1]!.toLowerCase()))) {
      push("PERSON", first, last, 0.6);
      return;
    }
  }
  // "Ask Will whether...", "tell Bao the shipment...", "this is Carys from the dentist": one capitalized word after
  // a verb of asking or telling, or an introduction, is a name when it is a listed name or a word no list knows.
  // Not a letter, not a word glued to a symbol ("Soleil#2025" is a password), not what something "se llama".
  if (
    run.length === 1 &&
    !allCaps &&
    first.word.length >= 2 &&
    !PLACES.has(joined) &&
    !/^[#@_/\\\d]/.test(text.slice(last.end, last.end + 1)) &&
    !/\bse llama\s$/i.test(text.slice(Math.max(0, first.start - 10), first.start))
  ) {
    const kind = lexiconKind(first.lower);
    const nameLike = firstIsName || ambiguous || kind === undefined || kind === "person";
    if (nameLike && (cued || precededBy(text, first.start, SINGLE_CUES))) {
      push("PERSON", first, last, 0.7);
      return;
    }
    if (nameLike && SPEECH_AFTER.test(text.slice(last.end, last.end + 14))) {
      push("PERSON", first, last, 0.7);
      return;
    }
  }
  if (initials && (run.length >= 2 || lastIsSurname)) {
    push("PERSON", first, last, 0.75);
    return;
  }
  if (run.length >= 2 && lastIsSurname && !allCaps) {
    push("PERSON", first, last, 0.7);
    return;
  }
  if (allCaps) {
    // "ACME" or "URGENT" alone is not a name; "MARIA GONZALEZ" was caught above through the first-name list.
    if (run.length >= 2 && lastIsSurname) push("PERSON", first, last, 0.7);
    else if (run.length >= 2) deferred.push([first.start, last.end]);
    return;
  }
  // "Will kommt später", "Rose said", "Crystal from accounting": a listed name that is also a word, at the start of
  // a sentence, followed by what people do.
  if (
    run.length === 1 &&
    (firstIsName || ambiguous) &&
    atStart &&
    NAME_THEN_VERB.test(text.slice(last.end, last.end + 16))
  ) {
    push("PERSON", first, last, 0.7);
    return;
  }
  // "... see you then. - Claire": a name after a dash that ends the message signs it.
  if (
    run.length <= 2 &&
    !allCaps &&
    /(?:^|\s)[-–—~]\s?$/.test(text.slice(Math.max(0, first.start - 3), first.start)) &&
    /^[\s.!]*$/.test(text.slice(last.end))
  ) {
    push("PERSON", first, last, 0.7);
    return;
  }
  if (atStart && run.length === 1) return;
  const after = text.slice(last.end, last.end + 12);
  const before = text.slice(Math.max(0, first.start - 12), first.start);
  // "Springfield, IL 62704", "Bondi NSW 2026", "80335 München", "1015 CJ Amsterdam": a place by its postal context.
  if (
    /^,?\s(?:[A-Z]{2}\s\d{5}|(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s\d{4})/.test(after) ||
    /(?:^|\s)(?:\d{4,5}|\d{4}\s?[A-Z]{2}|\d{4,5}-\d{3}|\d{2}-\d{3}|\d{3}\s\d{2})\s$/.test(before)
  ) {
    push("LOCATION", first, last, 0.7);
    postcodeBefore(text, first.start, push);
    return;
  }
  // What compromise's lexicon knows about the words: a run of listed person names, places or organizations.
  const kinds = run.map((t) => lexiconKind(t.lower));
  const only = (kind: LexiconKind) => kinds.every((k) => k === kind);
  if (
    !allCaps &&
    (run.length >= 2 || !atStart) &&
    kinds.some((k) => k === "person") &&
    kinds.every((k) => k === "person" || k === undefined)
  ) {
    push("PERSON", first, last, 0.7);
    return;
  }
  const phrase = lexiconKind(joined);
  if (!allCaps && (phrase === "place" || only("place"))) {
    push("LOCATION", first, last, 0.65);
    return;
  }
  if (!allCaps && (phrase === "org" || only("org"))) {
    push("ORGANIZATION", first, last, 0.65);
    return;
  }
  // Nothing but everyday words ("Customer Service", "Senior Data"): no name here, and nothing to ask compromise.
  if (run.every((t, k) => kinds[k] === "common" || NOT_NAMES.has(t.lower))) return;
  // Two or three unknown words where a person is expected: "lunch with Olusegun Adeyemi", "call Kwame Mensah",
  // "Kwame Mensah wrote". Not in German, where every noun is capitalized.
  if (
    run.length >= 2 &&
    run.length <= 3 &&
    !allCaps &&
    kinds.every((k) => k === undefined || k === "person") &&
    run.every((t) => !NOT_NAMES.has(t.lower) && /^\p{Lu}\p{Ll}/u.test(t.word)) &&
    (cued ||
      precededBy(text, first.start, PERSON_CUES) ||
      PERSON_CUES_AFTER.test(text.slice(last.end, last.end + 72)) ||
      (PHONE_CUE_AFTER.test(text.slice(last.end, last.end + 24)) && prepositionCue(text, first.start) === null) ||
      listItem(text, first.start, last.end)) &&
    !germanAround(text, first.start)
  ) {
    push("PERSON", first, last, 0.65);
    return;
  }
  const cue = prepositionCue(text, first.start);
  if (cue && !allCaps) {
    push(cue, first, last, 0.55);
    return;
  }
  // Russian and Ukrainian capitalize only proper names (and the polite "Вы"): inside a sentence, a capitalized word
  // is one, whatever its case ending. After "в", "из", "на" it is mostly a place, otherwise a person.
  if (!allCaps && !atStart && cyrillicWord(first.word) && !POLITE_PRONOUNS.has(first.lower)) {
    const place = /(?:^|[^\p{L}])(?:в|во|из|на|под|над|около|возле|через|у|до|по|з|із|зі|біля)\s$/u.test(
      text.slice(Math.max(0, first.start - 8), first.start),
    );
    push(place ? "LOCATION" : "PERSON", first, last, 0.6);
    return;
  }
  // Greek too capitalizes proper names only, and the months and weekdays ("Πέμπτη 20 Μαρτίου"): inside a sentence, any
  // other capitalized word is a name, as is one after an article or "κ." (Mr) opening it ("Ο Νίκος θα περάσει").
  // After "στην", "στο", "από" it is mostly a place. A short word before a dot is an abbreviation ("Κιν.", "Τηλ.").
  if (!allCaps && greekWord(first.word) && !(text[last.end] === "." && last.word.length <= 4)) {
    const article = run.length > 1 && GREEK_ARTICLES.has(first.lower);
    const name = article ? run.slice(1) : run;
    if ((!atStart || article) && name.every((t) => greekWord(t.word) && !GREEK_CALENDAR_WORDS.has(t.lower))) {
      const place = /(?:^|[^\p{L}])(?:στην|στη|στο|στα|από|σε|προς|μέχρι)\s$/iu.test(
        text.slice(Math.max(0, name[0]!.start - 8), name[0]!.start),
      );
      push(place ? "LOCATION" : "PERSON", name[0]!, last, 0.6);
      return;
    }
  }
  deferred.push([first.start, last.end]);
}

function greekWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c >= 0x0370 && c <= 0x03ff) || (c >= 0x1f00 && c <= 0x1fff);
}

const GREEK_ARTICLES = new Set(["ο", "η", "οι", "το", "τα", "τον", "την", "του", "της"]);
// "κ." (Mr), "κα." and "κ.κ." (Mrs, Messrs), "Δρ." before a name: the dot ends no sentence.
const GREEK_TITLE_BEFORE = /(?:^|[^\p{L}])(?:κ|κα|κκ|κ\.κ|δρ)\.\s$/iu;
// Greek months (nominative and genitive) and weekdays, which Greek writes with a capital, and the great feasts.
const GREEK_CALENDAR_WORDS = new Set(
  `ιανουάριος ιανουαρίου φεβρουάριος φεβρουαρίου μάρτιος μαρτίου απρίλιος απριλίου μάιος μαΐου μαίου ιούνιος ιουνίου
  ιούλιος ιουλίου αύγουστος αυγούστου σεπτέμβριος σεπτεμβρίου οκτώβριος οκτωβρίου νοέμβριος νοεμβρίου δεκέμβριος
  δεκεμβρίου δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο σαββάτου κυριακή χριστούγεννα πάσχα πρωτοχρονιά`.split(
    /\s+/,
  ),
);

// Case endings of languages that inflect place names (Polish, Czech, Slovak, Croatian, Slovenian, Russian,
// Ukrainian, Hungarian, Estonian, Finnish, German genitive), longest first, and the letters a stem may have lost.
const CASE_ENDINGS = `ach ami iem owi ie iu u em ě e i y ą ę
  ben ban ból ből ról ről tól től hoz hez höz nál nél en on ön ra re ba be ig
  asse ast as sse st s le lt ni ga
  ssa ssä sta stä lla llä lta ltä lle
  ом ой е у и ы ю`
  .split(/\s+/)
  .sort((a, b) => b.length - a.length);
const STEM_ENDINGS = ["", "a", "o", "e", "а", "ь"];
/** The endings by their last letter: a word is compared with the few that can end it. */
function byLastLetter(endings: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of endings) {
    const list = map.get(e.at(-1)!);
    if (list) list.push(e);
    else map.set(e.at(-1)!, [e]);
  }
  return map;
}
const CASE_ENDINGS_BY_LAST = byLastLetter(CASE_ENDINGS);
const INFLECTING_TEXT = lettersNear(/[ąęłńśźżćčřšžěůďťňőűõ\u0400-\u04ff]/g);

/**
 * Whether `letters` (a global regex of single UTF-16 units) matches anywhere in `text.slice(from, to)`. Many words
 * of one text ask about the 400 characters around them: the letters' places in the text are found once, for the
 * last text asked about, and each question is then a binary search.
 */
function lettersNear(letters: RegExp): (text: string, from: number, to: number) => boolean {
  let seen: string | undefined;
  let places: number[] = [];
  return (text, from, to) => {
    if (text !== seen) {
      seen = text;
      places = [];
      letters.lastIndex = 0;
      for (let m = letters.exec(text); m !== null; m = letters.exec(text)) places.push(m.index);
    }
    let lo = 0;
    let hi = places.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (places[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < places.length && places[lo]! < to;
  };
}

/** Whether a capitalized word is a listed place with a case ending: "krakowie", "budapesten", "москве". */
function inflectedPlace(lower: string, text = "", at = 0): boolean {
  let inflecting: boolean | undefined;
  for (const ending of CASE_ENDINGS_BY_LAST.get(lower.at(-1)!) ?? []) {
    if (!lower.endsWith(ending)) continue;
    // A one-letter ending only in text with the letters of a language that inflects places: French "Bonne" is no
    // case of "Bonn".
    if (ending.length === 1) {
      inflecting ??= INFLECTING_TEXT(text, Math.max(0, at - 200), at + 200);
      if (!inflecting) continue;
    }
    const stem = lower.slice(0, -ending.length);
    if (stem.length < 4) continue;
    // Polish "Kraków" -> "Krakowie", "Poznań" -> "Poznaniu": the vowel and the soft consonant of the nominative.
    const variants = [stem];
    if (stem.includes("o")) variants.push(stem.replace(/o([^aeiouyąęó]+)$/u, "ó$1"));
    if (stem.endsWith("n")) variants.push(`${stem.slice(0, -1)}ń`);
    for (const v of variants) {
      for (const tail of STEM_ENDINGS) {
        const candidate = v + tail;
        if (
          candidate.length >= 4 &&
          PLACES.has(candidate) &&
          !PLACE_FRAGMENTS.has(candidate) &&
          !AMBIGUOUS_PLACES.has(candidate) &&
          !FIRST_NAMES.has(candidate)
        )
          return true;
      }
    }
  }
  return false;
}

const FIELD_LABEL_BEFORE = /(\p{L}+):[ \t]{0,3}$/u;

/** Whether a form field whose value is a person ends right before `at`: "Witness: ", "Account holder: ". */
function personFieldBefore(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) !== 58 && text.charCodeAt(at - 2) !== 58) return false;
  const m = FIELD_LABEL_BEFORE.exec(text.slice(Math.max(0, at - 24), at));
  return m !== null && PERSON_FIELD_LABELS.has(m[1]!.toLowerCase());
}

// Case endings of given names in Polish, Czech, Slovak, Russian and Ukrainian, and what the nominative ends in.
const NAME_ENDINGS = `owi ami iem ie ę ą o u y i a em ě ovi ou ы и е у ю ой ей ом ем а я ою єю і`
  .split(/\s+/)
  .sort((a, b) => b.length - a.length);
const NAME_STEM_ENDINGS = ["", "a", "ia", "ek", "а", "я", "й", "ь"];
const NAME_ENDINGS_BY_LAST = byLastLetter(NAME_ENDINGS);
const SLAVIC_TEXT = /[ąęłńśźżćčřšžěůďťň\u0400-\u04ff]/;

/** Whether a capitalized word is a listed given name with a Slavic case ending ("Zosię", "Ольги", "Tomaszu"). */
function inflectedName(text: string, token: Token): boolean {
  const lower = token.lower;
  for (const ending of NAME_ENDINGS_BY_LAST.get(lower.at(-1)!) ?? []) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, -ending.length);
    if (stem.length < 3) continue;
    for (const tail of NAME_STEM_ENDINGS) {
      const candidate = stem + tail;
      if (candidate !== lower && FIRST_NAMES.has(candidate) && !AMBIGUOUS_FIRST_NAMES.has(candidate))
        // The text around is read only for a word that could be such a name.
        return SLAVIC_TEXT.test(text.slice(Math.max(0, token.start - 200), token.end + 200));
    }
  }
  return false;
}

// Turkish case endings after an apostrophe: "'da", "'den", "'ye", "'nin", "'deyim".
const TURKISH_ENDING =
  /^['’](?:d[ae]|t[ae]|d[ae]n|t[ae]n|y[ae]|[ae]|y?[ıiuü]|n?[ıiuü]n|y?l[ae]|d[ae]ki|[ıiuü]m|[ıiuü]z)\p{Ll}{0,6}$/u;
const TURKISH_LETTERS = /[ıİğĞşŞ]/;
const PLACE_CASE = /^['’](?:d[ae]|t[ae]|y[ae]|[ae])/u;

/**
 * The proper noun before a Turkish case ending ("Kadıköy" of "Kadıköy'deyim"): a listed place or name, or, in
 * Turkish text, any capitalized word so written, since Turkish puts the apostrophe only after proper nouns.
 */
function turkishProperNoun(text: string, token: Token): { end: number; type: EntityType } | null {
  const word = token.word;
  const at = Math.max(word.indexOf("'"), word.indexOf("’"));
  if (at < 3 || !TURKISH_ENDING.test(word.slice(at))) return null;
  const noun = word
    .slice(0, at)
    .toLowerCase()
    .replace(/\u0307/g, "");
  const end = token.start + at;
  if (PLACES.has(noun)) return { end, type: "LOCATION" };
  if (FIRST_NAMES.has(noun) || SURNAMES.has(noun)) return { end, type: "PERSON" };
  const around = text.slice(Math.max(0, token.start - 200), token.end + 200);
  if (!TURKISH_LETTERS.test(around)) return null;
  return { end, type: PLACE_CASE.test(word.slice(at)) ? "LOCATION" : "PERSON" };
}

// A postcode right after a listed city: "Bangkok 10110", "Bengaluru 560001", "Tokyo 153-0063". Five or six digits
// (four would be a year: "Paris 2024"), or the Japanese three-four form, and no more digits after it.
const POSTCODE_AFTER = /^,?[ \u00a0](\d{5,6}|\d{3}-\d{4})(?=$|[,.;)\n]|\s\p{L})/u;

// "100 00 Praha", "411 24 Göteborg", "104 31 Αθήνα": the Czech, Slovak, Swedish and Greek postcode before its city.
const SPACED_POSTCODE_BEFORE = /(?:^|[\s,])(\d{3}\s\d{2})\s$/;

function postcodeBefore(text: string, at: number, push: Push): void {
  const m = SPACED_POSTCODE_BEFORE.exec(text.slice(Math.max(0, at - 8), at));
  if (!m) return;
  const start = at - m[0].length + m[0].indexOf(m[1]!);
  const span = { start, end: start + m[1]!.length } as Token;
  push("ZIP_CODE", span, span, 0.7);
}

function postcodeAfter(text: string, at: number, push: Push): void {
  const c = text.charCodeAt(at + 1);
  if (!(isAsciiDigit(c) || (text[at] === "," && isAsciiDigit(text.charCodeAt(at + 2))))) return;
  const m = POSTCODE_AFTER.exec(text.slice(at, at + 16));
  if (!m) return;
  const start = at + m[0].length - m[1]!.length;
  const span = { start, end: start + m[1]!.length } as Token;
  // Above a phone's score: the same digits after a city are its postcode.
  push("ZIP_CODE", span, span, 0.75);
}

// An article or possessive right before a capitalized word: "a Tesla", "the Royal", "my Canon" name things.
const ARTICLE_BEFORE =
  /(?:^|[^\p{L}])(?:a|an|the|my|your|our|his|her|their|this|that|un|une|una|uno|le|la|el|il|lo|der|die|das|ein|eine|het|een|os|um|uma)\s$/iu;
const MID_SENTENCE_BEFORE = /(?:\p{Ll}{2}|[,—–-])\s{1,2}$/u;
// One German word is enough to doubt a lone capitalized word: German writes every noun with a capital.
const GERMAN_WORD =
  /(?:^|[^\p{L}])(?:und|der|die|das|ist|nicht|ich|mit|für|wir|bitte|eine?|auf|dem|noch|heute|auch|schon|gibt|habe|wird|kann|sind|vom|zum|zur|bei|nach|über|fällt)(?=[^\p{L}]|$)/u;
// "... and Hope", "... und Jonas": a second name joined to the first.
const JOINED_NAME = /^\s(?:and|&|und|et|y|e|en|i|ve|och|og|a)\s(\p{Lu}\p{Ll}+)(?![\p{L}])/u;
// Street types: a run ending in one after a house number is an address line.
const STREET_TYPES = new Set(
  `street st road rd avenue ave lane ln drive boulevard blvd way close crescent terrace court ct place pl mews
  gardens grove row parkway highway`.split(/\s+/),
);
// A street type closing the text right before a comma: what follows is the street's district or town.
const STREET_THEN_COMMA = new RegExp(`[^\\p{L}](?:${[...STREET_TYPES].join("|")})\\.?,[ \\t]$`, "iu");

/**
 * Whether a comma and one space or tab stand right before `at`: what STREET_THEN_COMMA ends with, tested on two
 * characters first because most capitalized runs follow no comma.
 */
function commaBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  return (c === 32 || c === 9) && text.charCodeAt(at - 2) === 44;
}

// Given names that are also a weekday or month of a language writing those with a capital (Malay and Indonesian
// "Ahad", Sunday; Afrikaans "Junie"), where the capital cannot tell the name from the day.
const CAPITALIZED_CALENDAR_NAMES = new Set(["ahad", "junie"]);

/** Whether a number stands right before or after a token, as around a month in a date ("15 Marco", "Марта 2024"). */
function numberBeside(text: string, t: Token): boolean {
  return (
    /\d[\s.,/-]{0,3}$/.test(text.slice(Math.max(0, t.start - 4), t.start)) ||
    /^[\s.,/-]{0,3}\d/.test(text.slice(t.end, t.end + 4))
  );
}

function allCapsRun(run: readonly Token[]): boolean {
  return run.every((t) => t.allCaps || t.initial);
}

// Words for a kind of place, at the end ("Victoria Island", "Gangnam Station") or at the start ("Lake Como",
// "Piazza Navona") of a capitalized run, in the covered languages.
const PLACE_TAILS = new Set(
  `island islands isle station airport beach lake river mountain mountains hills valley bay harbour harbor bridge
  square county district province municipality village heights springs falls bahnhof flughafen hauptbahnhof insel
  station luchthaven eiland strand`.split(/\s+/),
);
const PLACE_HEADS = new Set(
  `lake mount isla isle ilha île lago lac monte mont playa praia plage plaza piazza praça plac parque parco parc
  aeropuerto aeroporto aéroport estación estação stazione gare bahía baía`.split(/\s+/),
);

// "Judges: Chiamaka Nwosu, Kagiso Molefe, Wanjiru Kamau.": an item of a list of capitalized names.
const LIST_BEFORE = /\p{L}(?:,|\s(?:and|und|et|y|e|en|i|ve))\s$/u;
const LIST_AFTER = /^(?:,|\s(?:and|und|et|y|e|en|i|ve))\s\p{Lu}\p{Ll}+\s\p{Lu}/u;

const ITEM_BEFORE = /(\p{Lu}\p{Ll}+)\s(\p{Lu}\p{Ll}+)(?:,|\s\p{Ll}{1,3})\s$/u;
const ITEM_AFTER = /^(?:,|\s\p{Ll}{1,3})\s(\p{Lu}\p{Ll}+)\s(\p{Lu}\p{Ll}+)/u;

/** Whether a neighbouring list item looks like a person's name: a listed given name or family name in it. */
function personItem(m: RegExpExecArray | null): boolean {
  return m !== null && (FIRST_NAMES.has(m[1]!.toLowerCase()) || SURNAMES.has(m[2]!.toLowerCase()));
}

/**
 * Whether the capitalized words at `[start, end)` are one item of a list whose neighbouring item is a person's
 * name ("Kagiso Molefe, Wanjiru Kamau"); a list of products or places next to it says nothing.
 */
function listItem(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (LIST_BEFORE.test(before) && personItem(ITEM_BEFORE.exec(before))) return true;
  const after = text.slice(end, end + 40);
  return LIST_AFTER.test(after) && personItem(ITEM_AFTER.exec(after));
}

/** A word compromise's lexicon lists as something other than a name, place or organization. */
function isCommonWord(lower: string): boolean {
  return lexiconKind(lower) === "common" || NOT_NAMES.has(lower);
}

function hasSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (/\s/.test(text[k]!)) return true;
  return false;
}

// The word for a street, and its particles, right before a name: "rue de la Paix", "Via dei Mille", "Rua do Ouro".
const STREET_BEFORE =
  /(?:^|[^\p{L}])(?:rue|avenue|av\.|bd|boulevard|chemin|via|viale|piazza|corso|calle|avenida|plaza|paseo|rua|travessa|largo|praça|ulica|ul\.)(?:\s(?:de|del|della|dei|di|da|do|dos|das|des|du|la|le|les|los|las|l'|d'))*\s$/iu;
// A street word at the start of a name ("Via Roma", "Calle Mayor") or a street suffix at its end ("Hauptstraße",
// "Kerkstraat", "Storgatan", "Hämeenkatu"), before a house number.
const STREET_HEAD =
  /^(?:rue|avenue|boulevard|chemin|via|viale|piazza|corso|calle|avenida|plaza|paseo|rua|travessa|largo|praça|ulica)\s/iu;
const STREET_TAIL =
  /(?:straße|strasse|str\.|gasse|weg|platz|allee|laan|straat|plein|gracht|gatan|vägen|gade|vej|veien|gata|katu|tie|utca|ulice)$/iu;
const HOUSE_NUMBER_AFTER = /^\s\d{1,5}[\p{L}]?(?![\p{L}\p{N}])/u;

function streetName(text: string, from: number, to: number): boolean {
  if (STREET_BEFORE.test(text.slice(Math.max(0, from - 30), from))) return true;
  if (!HOUSE_NUMBER_AFTER.test(text.slice(to, to + 8))) return false;
  const name = text.slice(from, to);
  return STREET_HEAD.test(name) || STREET_TAIL.test(name);
}

/**
 * Whether two German function words stand within 200 characters of `at`: in German text every noun is capitalized,
 * and the rules that read a capital as a name stand down there.
 */
function germanAround(text: string, at: number): boolean {
  const words = germanWordsOf(text);
  if (words.length < 4) return false;
  // Words in order of start, two numbers each: the first word starting in the window, and the one after it.
  const from = Math.max(0, at - 200);
  let lo = 0;
  let hi = words.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[2 * mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo + 3 < words.length && words[2 * lo + 3]! <= at + 200;
}

// The text germanAround last read and where its German words stand (start, end, start, end...): it is asked about
// many words of one text, and reading the text once costs less than reading 400 characters around each.
let germanText: string | undefined;
let germanWords: number[] = [];

function germanWordsOf(text: string): number[] {
  if (text === germanText) return germanWords;
  const words: number[] = [];
  GERMAN.lastIndex = 0;
  for (let m = GERMAN.exec(text); m !== null; m = GERMAN.exec(text)) {
    const end = m.index + m[0].length;
    words.push(end - m[1]!.length, end);
  }
  germanText = text;
  germanWords = words;
  return words;
}

const PLACE_PREPOSITIONS = new Set(
  "in from to near aus nach à en a em no na de da do di dans vers naar uit desde hacia para per w we v ve в во из".split(
    " ",
  ),
);
// What a person does right after their name, in the covered languages: enough to read "Will" or "Rosa" as a name.
const NAME_THEN_VERB =
  /^\s(?:said|says|wrote|asked|called|told|will|would|is|was|has|had|can|could|from|and\s(?:I|me)|brings|brought|came|comes|went|needs|wants|kommt|kam|ist|war|hat|sagt|sagte|schreibt|bringt|holt|fährt|macht|kann|muss|wird|hatte|est|a|dit|vient|arrive|apporte|peut|sera|es|está|dice|dijo|viene|trae|puede|llega|tiene|è|ha|porta|arriva|può|dice|is|heeft|zegt|komt|werkt|brengt|gaat|é|disse|vem|tem|traz|pode|chega|vai|är|har|kommer|tar|säger|er|tager|siger)(?![\p{L}])/u;
const ORG_PREPOSITIONS = new Set("at bei chez bij presso joins joined".split(" "));
const GERMAN = /(?:^|[^\p{L}])(und|der|die|das|ist|nicht|ich|mit|für|wir|bitte|eine?|Sie|auf|dem|den)(?=[^\p{L}]|$)/gu;

/**
 * A capitalized word nobody knows, right after "in"/"from" reads as a place and after "at"/"bei" as an
 * organization. Not in German, where every noun is capitalized.
 */
function prepositionCue(text: string, at: number): EntityType | null {
  const m = /([\p{L}]+)\s$/u.exec(text.slice(Math.max(0, at - 12), at));
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const kind = PLACE_PREPOSITIONS.has(word) ? "LOCATION" : ORG_PREPOSITIONS.has(word) ? "ORGANIZATION" : null;
  if (!kind) return null;
  if (germanAround(text, at)) return null;
  return kind;
}

/** Whether a span is only a form of address ("Frau", "Sig.", "Dra"), which names nobody by itself. */
function isAddressWord(value: string): boolean {
  const lower = value.trim().toLowerCase().replace(/\.$/, "");
  return HONORIFICS.has(lower) || NOT_NAMES.has(lower);
}

// "Вы", "Вас", "Вам", "Ваш": the polite "you" in Russian and Ukrainian, capitalized in letters and no name.
const POLITE_PRONOUNS = new Set(
  "вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим ваших вашу ви вам вами ваша ваше ваші вашого вашій".split(
    " ",
  ),
);

function cyrillicWord(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x0400 && c <= 0x04ff;
}

/** Whether a word is written in a script without letter case, where capitals cannot mark a name. */
function caseless(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x0590 && word.toLowerCase() === word.toUpperCase();
}

/**
 * Where a dotted company form ends, when one starts at an initial inside tokens `[i, j]` (or right after them) and at
 * least one word comes before it; `next` is the first token after it.
 */
function dottedOrgEnd(text: string, tokens: Token[], i: number, j: number): { end: number; next: number } | null {
  for (let k = i + 1; k <= Math.min(j + 1, tokens.length - 1); k++) {
    const t = tokens[k]!;
    const lower = LOWER_FORM_START.test(t.word);
    if (!t.initial && !/^[A-Z]$/.test(t.word) && !lower) continue;
    const m = DOTTED_ORG_SUFFIX.exec(text.slice(t.start, t.start + 14));
    // A lower-case letter that starts no company form is a word ("y", "e" between names): look on.
    if (!m) {
      if (lower) continue;
      return null;
    }
    const end = t.start + m[0].length;
    let next = k;
    while (next < tokens.length && tokens[next]!.start < end) next++;
    return { end, next };
  }
  return null;
}

// The roles a support, interview or call transcript names its sides by; a person's name may follow the role
// ("Agent Carlo:") or stand in brackets after it ("Agente (Rodrigo):").
const ROLE_WORDS = new Set(
  `agent agente agentin customer cliente client klient kunde kundin caller operator operador operadora operatore
  opérateur opératrice assistant asistente assistente assistent user usuario usuaria utente utilisateur benutzer
  nutzer bot host moderator interviewer interviewee candidate candidato candidata kandidat support soporte suporte
  atendente atendimento conseiller conseillère berater beraterin mitarbeiter mitarbeiterin medewerker klant
  representative rep advisor adviser staff driver fahrer chauffeur motorista q a`.split(/\s+/),
);
const ROLE_HOLDER = /\((\p{Lu}[\p{L}\p{M}'’-]{1,20}(?: \p{Lu}[\p{L}\p{M}'’-]{1,20})?)\)/u;

/** Whether a transcript line's speaker is a person and not a header, a form field or a common word. */
function speakerLike(name: string, held = false): boolean {
  // "Tel.:", "Mob.:": an abbreviated label is the label.
  const lower = name.toLowerCase().replace(/\.$/, "");
  const head = lower.split(" ")[0]!;
  if (
    FIELD_WORDS.has(lower) ||
    NOT_NAMES.has(lower) ||
    SIGN_OFF_NOT_NAMES.has(lower) ||
    ROLE_WORDS.has(lower) ||
    isFieldName(lower)
  )
    return false;
  // "db:", "api:": a lower-case label of two letters names a component in a log, not a speaker.
  if (name.length < 3 && name === lower && name !== name.toUpperCase()) return false;
  // A listed name that is also a word ("Time:", "Amount:", "Purpose:" head form fields) needs the checks below.
  if (FIRST_NAMES.has(head) && !GENERATED_AMBIGUOUS.has(head)) return true;
  // "ATTENDEES:", "Date of birth:": a label in capitals, or words not all capitalized, heads a field, not a line
  // someone said.
  if (name === name.toUpperCase() || (name.includes(" ") && !/^\p{Lu}\S*(?: \p{Lu}\S*)*$/u.test(name))) return false;
  // "Driver Ah Keong:": after a role, a name of several words may open on a word ("Ah", "Bin").
  if (held && name.includes(" ")) return !isCommonWord(name.slice(name.lastIndexOf(" ") + 1).toLowerCase());
  return !isCommonWord(head);
}

/**
 * Whether the line-initial keys of a text are the turns of a conversation rather than the fields of a form. Speakers
 * take turns, so one of them comes back ("Tunde: ... Bisola: ... Tunde: ..."), or they are people the lists know;
 * a form names each of its fields once ("Plats: ... Tid: ... Deltagare: ..."), in words of any language. Names in
 * the form of the header shape ("Ingvild Haugen 9:41 AM") are turns whatever their number.
 */
function isConversation(speakers: readonly Speaker[], text: string): boolean {
  if (speakers.length < 2) return false;
  // Each key seen, with whether a line it opens reads as speech.
  const seen = new Map<string, boolean>();
  let named = 0;
  let spoken = 0;
  // Keys no person could be ("Group: Dom w Zakopanem" above the turns, "me:") count for neither side.
  let people = 0;
  let turns = false;
  for (const [start, name, handle, speech, held] of speakers) {
    if (speech) spoken++;
    if (handle) return true;
    const lower = name.toLowerCase();
    const said = seen.get(lower);
    if (said !== undefined) {
      // A key that comes back is a turn ("Agent: ... Customer: ... Agent: ..."), unless it names a field of a form
      // that lists several records, or shouts like a ticket's "PASSENGER:". A field's word is a turn too when a line
      // it opens is said ("Driver: Hello madam, I'm at the junction?").
      if (name === name.toUpperCase() && name !== name.toLowerCase()) continue;
      if ((!FIELD_WORDS.has(lower) && !isFieldName(lower)) || said || speech) turns = true;
      continue;
    }
    seen.set(lower, speech);
    if (!speakerLike(name, held)) continue;
    people++;
    const head = lower.split(" ")[0]!;
    // A listed given name, even one that is also a word ("Magda", "Grace"), or a key the text names again outside
    // its own line start ("Hauwa: ... I go need Hauwa handover doc").
    if (
      (FIRST_NAMES.has(head) && !GENERATED_AMBIGUOUS.has(head)) ||
      // A name that is also a word ("Magda", "Grace"; "Karta" is a card) when what follows reads as a sentence.
      (AMBIGUOUS_FIRST_NAMES.has(head) &&
        !isCommonWord(head) &&
        (speech || sentenceAfter(text, start + name.length))) ||
      namedElsewhere(text, name, start)
    )
      named++;
  }
  // Keys that come back over lines that are all short values are a form of several records ("Driver: Efua Mensah /
  // Vehicle: Toyota / Driver: ..."), whatever words its keys are.
  if (turns && !speakers.every(([start, name]) => shortValue(text, start + name.length))) return true;
  // Every line said rather than filled in: "Bea: Ruby got in!!!", "Cath: omg congrats".
  return (named > 0 && named * 2 >= people) || spoken === speakers.length;
}

/** Whether the rest of the line after a key ending at `at` is a form's value: a few words, nothing said. */
function shortValue(text: string, at: number): boolean {
  const end = text.indexOf("\n", at);
  const line = text.slice(at, end < 0 ? text.length : end).replace(/^[:：]?\s*/u, "");
  return line.length <= 40 && line.split(/\s+/).length <= 4 && !spokenLine(line, 0);
}

// Lower-case words of two letters or more: a sentence has several, a form's value ("Johanna Nyström", "4556 7375",
// "MAŁGORZATA ŚWIĄTEK") few or none.
const LOWER_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{Ll}\p{M}'’]+(?![\p{L}\p{M}\p{N}])/gu;

/** Whether the rest of the line after a key ending at `at` holds three lower-case words or more. */
function sentenceAfter(text: string, at: number): boolean {
  const end = text.indexOf("\n", at);
  const line = text.slice(at, end < 0 ? Math.min(text.length, at + 200) : Math.min(end, at + 200));
  let words = 0;
  LOWER_WORD.lastIndex = 0;
  while (words < 3 && LOWER_WORD.test(line)) words++;
  return words >= 3;
}

/** Whether `name` stands in `text` as a word somewhere other than at `start`, where it keys a line. */
function namedElsewhere(text: string, name: string, start: number): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (at === start) continue;
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const after = text.charCodeAt(at + name.length);
    // Another line keyed by the same name is no other mention.
    if (text[at + name.length] === ":") continue;
    if (!isLetterCode(before) && !isLetterCode(after)) return true;
  }
  return false;
}

function isLetterCode(c: number): boolean {
  return !Number.isNaN(c) && /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c));
}

// What a line says after its key reads as speech: it opens on a lower-case word followed by more ("ok em, ...",
// "received, asante sana"), on "I", or it asks or exclaims ("?", "!", an emoji). A form's value opens on a capital
// or a digit and states a fact: "Johanna Nyström", "10. 2. 2026", "Firefox 124".
const SPEECH = /^(?:\p{Ll}[\p{L}\p{M}'’]*[\s,]+\S|I(?:[\s'’]))|[?!¿¡]|\p{Extended_Pictographic}/u;

/** Whether the rest of the line from `at` reads as something said. */
function spokenLine(text: string, at: number): boolean {
  const end = text.indexOf("\n", at);
  return SPEECH.test(text.slice(at, Math.min(end < 0 ? text.length : end, at + 160)).trimStart());
}

/**
 * A line-initial key: where its name starts, the name, whether it is a handle, whether the line reads as speech, and
 * whether a role stood before the name ("Agent Carlo:").
 */
type Speaker = readonly [number, string, boolean, boolean, boolean];

/**
 * Speakers of transcripts without timestamps: a line-initial name before a colon counts when two or more lines of
 * the text open that way (a conversation) or when it is a listed given name; a handle in angle brackets always.
 */
function transcriptSpeakers(
  text: string,
  speakers: readonly Speaker[],
  form: boolean,
  found: RecognizerResult[],
): void {
  for (const [start, name, handle, , held] of speakers) {
    if (!speakerLike(name, held)) continue;
    // A form's keys are its labels; outside one, a listed given name alone opening a line is a speaker.
    if (!handle && (form || (speakers.length < 2 && !FIRST_NAMES.has(name.toLowerCase())))) continue;
    found.push({ start, end: start + name.length, type: "PERSON", score: handle ? 0.8 : 0.75 });
  }
  if (text.includes("@")) {
    HANDLE.lastIndex = 0;
    for (let m = HANDLE.exec(text); m !== null; m = HANDLE.exec(text)) {
      if (NOT_HANDLES.has(m[1]!.toLowerCase())) continue;
      found.push({ start: m.index + 1, end: m.index + m[0].length, type: "PERSON", score: 0.7 });
    }
  }
}

/** The keys opening lines of a text: transcript speakers ("Tunde: ...", "<olu> ...", "Rhys Evans 10:02") or labels. */
function lineKeys(text: string): Speaker[] {
  const speakers: Speaker[] = [];
  LINE_SPEAKER.lastIndex = 0;
  for (let m = LINE_SPEAKER.exec(text); m !== null; m = LINE_SPEAKER.exec(text)) {
    const handle = m[1];
    let name = handle ?? m[2]!;
    let start = m.index + m[0].indexOf(handle ? `<${name}>` : name) + (handle ? 1 : 0);
    const speech = spokenLine(text, m.index + m[0].length);
    const space = name.indexOf(" ");
    const role = !handle && ROLE_WORDS.has((space < 0 ? name : name.slice(0, space)).toLowerCase());
    if (role && space > 0) {
      // "Agent Carlo: ...": the role, then the person who holds it.
      start += space + 1;
      name = name.slice(space + 1);
    } else if (role) {
      // "Agente (Rodrigo): ...": the person in brackets after the role.
      const held = ROLE_HOLDER.exec(m[0]);
      if (held) {
        start = m.index + held.index + 1;
        name = held[1]!;
      }
    }
    speakers.push([start, name, handle !== undefined, speech, role]);
  }
  HEADER_SPEAKER.lastIndex = 0;
  for (let m = HEADER_SPEAKER.exec(text); m !== null; m = HEADER_SPEAKER.exec(text)) {
    speakers.push([m.index + m[0].indexOf(m[1]!), m[1]!, false, true, false]);
  }
  return speakers;
}

const ALL_CAPS_BRAND = /^\p{Lu}[\p{Lu}\p{N}&.-]{1,11}$/u;
// A capital inside a word, as brands write their names and people do not: "bKash", "GCash", "MobileMoney".
const CAMEL_BRAND = /^\p{L}*\p{Ll}\p{Lu}|^\p{Lu}{2}\p{Ll}/u;
/**
 * Whether every word of a key is capitalized, Latin and no word of the English lexicon: "Monzo", "Tigo Pesa", not
 * "Reminder", "Final score" or "注文番号" (order number) before an amount.
 */
function unlistedWords(name: string): boolean {
  return name
    .split(" ")
    .every(
      (w) =>
        /^\p{Lu}[\p{Script=Latin}]+$/u.test(w) &&
        lexiconKind(w.toLowerCase()) === undefined &&
        !NOTICE_WORDS.has(w.toLowerCase()),
    );
}

// What a notice's first word says it is, in the languages payment notices come in: no sender.
const NOTICE_WORDS = new Set(
  `reminder alert notice update receipt payment transfer warning info notification confirmation statement invoice
  balance deposit withdrawal purchase refund order total subtotal amount price cost fee due paid transaction
  recibo aviso alerta pago pagamento compra transferencia transferência lembrete recordatorio rappel paiement
  virement facture erinnerung hinweis zahlung rechnung betrag preis überweisung buchung pemberitahuan pembayaran
  tagihan transaksi ukumbusho malipo muamala`.split(/\s+/),
);

// A payment notice's amount early in its message: "You spent £23.40", "Natanggap mo ang PHP 1,250.00", "Umepokea TSh
// 45,000", "Tk 2,000.0". Wallets and banks send these; people's chat lines rarely open a text that way.
const MONEY_NOTICE =
  /(?:[£$€₦₹₱৳₵₺₩¥]|(?<![\p{L}])(?:Tk|PHP|GHS|TSh|TZS|KES|KSh|Ksh|UGX|RWF|NGN|INR|Rs\.?|BDT|USD|EUR|GBP|ZAR|MWK|ZMW|XOF|XAF|EGP|PKR|LKR|NPR|MYR|RM|IDR|Rp|VND|THB)[ \u00a0]?)\d/u;

/**
 * "DHL: Uw zending ...", "Revolut: ... not even with Revolut staff": the one key opening a text's first line, before a
 * message, is the sender of a notice when it has a brand's marks: written in capitals or with a capital inside
 * ("bKash"), known to the lexicon as an organization, named again in its message or in a web address of it, or
 * opening a payment notice ("Monzo: You spent £23.40"). A word that is only capitalized ("Recordatorio:", "Aviso:")
 * before a message of another kind gives no such mark and is left alone.
 */
function messageSender(text: string, key: Speaker, found: RecognizerResult[]): void {
  const [start, name, handle] = key;
  if (handle || text.slice(0, start).trim() !== "" || name.split(" ").length > 3) return;
  const lower = name.toLowerCase();
  const head = lower.split(" ")[0]!;
  if (
    FIELD_WORDS.has(lower) ||
    ROLE_WORDS.has(lower) ||
    isCommonWord(lower) ||
    isFieldName(lower) ||
    (FIRST_NAMES.has(head) && !GENERATED_AMBIGUOUS.has(head))
  )
    return;
  const body = text.slice(start + name.length + 1, start + name.length + 400);
  if (body.trim().length < 20) return;
  // "Calendly: https://...", "IBAN: IT55Q18...", "GPS: 48.8583": a label before a link, or a data label before its
  // value, not a sender before its message ("Google: G-418225 is your code" is one).
  const first = /^\S*/u.exec(body.trimStart())![0];
  if (first.includes("://") || (DATA_LABELS.has(lower) && /\d/.test(first))) return;
  const compact = lower.replace(/[\s.]+/g, "");
  const brand =
    ALL_CAPS_BRAND.test(name) ||
    CAMEL_BRAND.test(name) ||
    lexiconKind(lower) === "org" ||
    (compact.length >= 3 && body.toLowerCase().includes(compact)) ||
    (MONEY_NOTICE.test(body.slice(0, 160)) && unlistedWords(name));
  if (brand) found.push({ start, end: start + name.length, type: "ORGANIZATION", score: 0.8 });
}

// Labels of data that open a line the way a sender's name opens a notice: bank, tax and device numbers, coordinates,
// one-time codes and coin addresses.
const DATA_LABELS = new Set(
  "iban bic swift gps itin ssn tin vat siret siren ein nif cif rfc pin otp puk imei iccid btc eth ltc xmr usdt sepa aba".split(
    " ",
  ),
);

// A label's place: at a line start, or after a wide gap, a tab or a bar of a scanned form's line; then the colon.
const LABEL_BEFORE = /(?:^|\n|[ \t]{2}|\t|\|)[ \t]*$/;
const LABEL_AFTER = /^[ \t]?[:：]/;

/** Whether the words at `[start, end)` stand where a form puts a field's label: "Mae: ", "   Sexo: ". */
function labelAt(text: string, start: number, end: number): boolean {
  return LABEL_AFTER.test(text.slice(end, end + 2)) && LABEL_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}

// Japanese and Korean names before a form of address: 田中太郎様, 佐々木くん, 鈴木 美咲 様, マリアさん, 김민준 님; and a
// Japanese writer's own name before "と申します". Chinese ones (王先生) are read from the family name by the
// script-name recognizer: a run of four characters before 先生 is mostly not the name.
const CJK_ADDRESSED =
  /([\u4e00-\u9fff\u3005]{2,4}(?: [\u4e00-\u9fff\u3005]{1,3})?|[\u30a1-\u30fa\u30fc]{2,8})[ \u3000]?(?:様(?![式子相])|さん|さま|殿|君|くん|ちゃん|氏(?!名)|と申します)|([\uac00-\ud7af]{2,4})\s?(?:님|씨)(?![\uac00-\ud7af])/gu;
// Words for roles and groups take the same forms of address (ご担当者様, 大家さん, スタッフさん): they name no one; nor
// do 様 and 氏 opening a word (履歴書様式, "CV form"; 氏名, "name").
const NOT_ADDRESSED = new Set(
  "担当者 担当 関係者 各位 社長 部長 課長 係長 店長 大家 運転手 先輩 後輩 院長 校長 会長 事務局 お客 スタッフ ドライバー オーナー ガイド コーチ シェフ パパ ママ メンバー ゲスト".split(
    " ",
  ),
);
const HAS_CJK = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;

/** User names given for a messaging or social network: "My WeChat is zhangwei_88". */
function socialHandles(text: string, found: RecognizerResult[]): void {
  if (!SOCIAL_NETWORK.test(text)) return;
  SOCIAL_HANDLE.lastIndex = 0;
  for (let m = SOCIAL_HANDLE.exec(text); m !== null; m = SOCIAL_HANDLE.exec(text)) {
    const start = m.indices![1]![0];
    if (isCommonWord(m[1]!.toLowerCase())) continue;
    found.push({ start, end: start + m[1]!.length, type: "PERSON", score: 0.75 });
  }
}

// One item of a list of people: one to three capitalized words, perhaps with an initial ("Oluwatobi A.").
const NAME_ITEM = /^\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*){0,2}(?: \p{Lu}\.)?$/u;

/**
 * "Voted: Annika, Jarno, Ngozi, Rahel", "Required: Agata Wróblewska-Kos; Ołeksandr Melnyk; Tomasz Ząbek": in a list
 * of three or more items, on one line or after its label, whose items are mostly listed given names, every item is
 * a person, the unlisted ones too.
 */
function nameLists(text: string, found: RecognizerResult[]): void {
  if (!text.includes(",") && !text.includes(";")) return;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    if (end - at >= 8) nameListOnLine(text, at, end, found);
    at = end + 1;
  }
}

function nameListOnLine(text: string, lineStart: number, lineEnd: number, found: RecognizerResult[]): void {
  const line = text.slice(lineStart, lineEnd);
  const separator = line.includes(";") ? ";" : ",";
  if (!line.includes(separator)) return;
  const colon = line.search(/[:：][ \t]/u);
  let from = colon >= 0 && colon < 40 ? colon + 1 : 0;
  const items: [number, number, string][] = [];
  for (;;) {
    const next = line.indexOf(separator, from);
    const to = next < 0 ? line.length : next;
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const item = raw.trim().replace(/(?<!\b\p{Lu})\.$/u, "");
    if (!NAME_ITEM.test(item)) return;
    items.push([lineStart + from + lead, lineStart + from + lead + item.length, item]);
    if (next < 0) break;
    from = next + 1;
  }
  if (items.length < 3) return;
  let listed = 0;
  for (const [, , item] of items) {
    const words = item.toLowerCase().split(" ");
    if (isCommonWord(words[0]!) && !FIRST_NAMES.has(words[0]!)) return;
    if (FIRST_NAMES.has(words[0]!) || (words.length > 1 && SURNAMES.has(words.at(-1)!))) listed++;
  }
  if (listed * 2 < items.length) return;
  // Items the lists found already come twice; overlap resolution keeps one, and no lookup makes this quadratic.
  for (const [start, end] of items) found.push({ start, end, type: "PERSON", score: 0.7 });
}

const USER_WORD =
  /user|login|benutzer|utilisateur|usuario|utente|gebruiker|usuário|kullanıcı|użytkownik|пользовател|логин/i;
// A user name given as one: after "username" or "login" (group 1), or after "user" (group 2) when it has the dots,
// digits or underscores of one ("user hamid.q", "Username is dragonfly_kaz", "Benutzer: k.wagner7").
const USER_NAME =
  /(?<![\p{L}\p{N}_/])(?:(user\s?name|user id|login|benutzername|nom d'utilisateur|nombre de usuario|nome utente|gebruikersnaam|nome de usuário|kullanıcı adı|nazwa użytkownika|имя пользователя|логин)|(user|benutzer|utilisateur|usuario|utente|gebruiker|usuário|kullanıcı|użytkownik|пользователь))(?:\s(?:is|ist|est|es|è|é))?[ \t]?[:=]?[ \t]?@?([\p{L}\p{N}][\p{L}\p{N}._-]{1,30}[\p{L}\p{N}])(?![\p{L}\p{N}@_/-]|\.[\p{L}\p{N}])/dgiu;

function userNames(text: string, found: RecognizerResult[]): void {
  if (!USER_WORD.test(text)) return;
  USER_NAME.lastIndex = 0;
  for (let m = USER_NAME.exec(text); m !== null; m = USER_NAME.exec(text)) {
    const value = m[3]!;
    const lower = value.toLowerCase();
    const marked = /[._\d]/.test(value) && /\p{L}/u.test(value);
    const word = m[1] !== undefined && value !== value.toUpperCase() && !isCommonWord(lower) && !NOT_HANDLES.has(lower);
    if (!(marked || word)) continue;
    const start = m.indices![3]![0];
    found.push({ start, end: start + value.length, type: "PERSON", score: 0.7 });
  }
}

const CAPITALIZED_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’-]*/gu;

// What follows a person's name and "'s": their family, their teacher or school, their celebration.
const PERSON_AFTER_POSSESSIVE =
  /^\s(?:(?:little|new|older|younger|eldest|youngest|best|late|own)\s)?(?:mum|mom|mummy|mommy|mam|dad|daddy|father|mother|parents|wife|husband|partner|fianc[ée]e?|boyfriend|girlfriend|son|daughter|kids|children|child|baby|brother|sister|grandma|grandpa|granny|nan|aunt|auntie|aunty|uncle|cousin|friend|friends|birthday|bday|b-day|wedding|debut|christening|baptism|naming|funeral|graduation|leaving|farewell|retirement|engagement|baby shower|hen|stag|class|teacher|nursery|school|homework|swimming|football|ballet|piano)(?![\p{L}\p{M}])/iu;

const FAMILY_AFTER = /^[ \t](?:family|families|family's|household|clan)(?![\p{L}])/iu;
// In lower case before the name ("la famiglia Rossi"); capitalized, the word heads the run as a kinship word.
const FAMILY_BEFORE =
  /(?:^|[^\p{L}])(?:familie|famille|familia|famiglia|família|rodzina|rodina|perhe|familien)[ \t]$/iu;

/** Whether the run from `first` to `last` names a family: "X family" or "Familie X". */
function familyOf(text: string, first: Token, last: Token): boolean {
  return (
    FAMILY_AFTER.test(text.slice(last.end, last.end + 12)) ||
    FAMILY_BEFORE.test(text.slice(Math.max(0, first.start - 12), first.start))
  );
}

/** Whether `token` ends in "'s" and what follows is someone's family, teacher or celebration. */
function possessiveOfPerson(text: string, token: Token): boolean {
  const c = token.word.charCodeAt(token.word.length - 2);
  if (!(token.word.endsWith("s") && (c === 39 || c === 0x2019))) return false;
  return PERSON_AFTER_POSSESSIVE.test(text.slice(token.end, token.end + 40));
}

/** Whether a word may be part of a person's name: a listed name, or a word no list or lexicon gives another role. */
function personWord(lower: string): boolean {
  if (FIRST_NAMES.has(lower) || AMBIGUOUS_FIRST_NAMES.has(lower) || SURNAMES.has(lower)) return true;
  if (PLACES.has(lower) || ORG_HEADS.has(lower) || NOT_NAMES.has(lower) || HONORIFICS.has(lower)) return false;
  const kind = lexiconKind(lower);
  return (kind === undefined || kind === "person") && !isCommonWord(lower);
}

// "ATTENDEE;CN=Destiny Okoro:mailto:...", "ORGANIZER;CN=\"Lê Minh Khoa\":mailto:...": the common name of an iCalendar
// or vCard attendee.
const CALENDAR_NAME = /(?:^|;)CN=(?:"([^"\n:;]{2,60})"|([^"\n:;,=]{2,60}))(?=[:;])/gmu;

function calendarNames(text: string, found: RecognizerResult[]): void {
  if (!text.includes("CN=")) return;
  CALENDAR_NAME.lastIndex = 0;
  for (let m = CALENDAR_NAME.exec(text); m !== null; m = CALENDAR_NAME.exec(text)) {
    const name = (m[1] ?? m[2]!).trim();
    // An address as the name says nothing more than the address does.
    if (name.includes("@") || !/^\p{Lu}/u.test(name)) continue;
    const start = text.indexOf(name, m.index);
    found.push({ start, end: start + name.length, type: "PERSON", score: 0.8 });
  }
}

// "Bao and Ilse", "Tobi and Kemi", "Chiamaka Obi, Femi (late), ...": a capitalized word joined to a person's name by
// "and" or, inside a list, by a comma, on either side.
const AND = "(?:and|&|und|et|y|e|og|och|en|i|ve|és|ja|și|и)";
const JOINED_AFTER = new RegExp(
  `^(?:(,)[ \\t]?|[ \\t]${AND}[ \\t])(\\p{Lu}[\\p{Ll}\\p{M}'’-]+)(?![\\p{L}\\p{M}\\p{N}])`,
  "u",
);
const JOINED_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}.'’-])(\\p{Lu}[\\p{Ll}\\p{M}'’-]+)(?:(,)[ \\t]?|[ \\t]${AND}[ \\t])$`,
  "u",
);
// What closes an item of a list after it ("Femi (late), ...", "Kemi, Ade and me", the end of the line), and what opens
// one before it ("Attendees: Femi, ...", "for me, Bao and Ilse"; not a line's start, where "Saygılarımızla, Nesrin"
// signs off).
const ITEM_END = new RegExp(`^(?:[ \\t]?[,;:()!?]|[ \\t]*(?:\\n|$)|\\.(?:\\s|$)|[ \\t]${AND}[ \\t])`, "u");
const ITEM_START = new RegExp(`(?:[,;:(]|[ \\t]${AND})[ \\t]?$`, "u");
const LOWER_WORD_BEFORE = /(?:^|[^\p{L}])\p{Ll}+[ \t]$/u;

/**
 * Words joined to a person found that a list or the lexicon gives no other role (see {@link personWord}). A comma
 * joins only items of a list ("Herzlichen Glückwunsch, Mia", "Atentamente, Rocío" join nothing), as does "and" for a
 * name that is also a word ("Autumn and Winter"); in German text, where every noun has a capital, only listed names.
 */
function joinedNames(text: string, found: readonly RecognizerResult[]): RecognizerResult[] {
  const out: RecognizerResult[] = [];
  const persons = found.filter((e) => e.type === "PERSON");
  if (persons.length === 0) return out;
  const taken = (start: number, end: number) =>
    found.some((e) => e.start < end && e.end > start) || out.some((e) => e.start < end && e.end > start);
  const add = (start: number, word: string, listed: () => boolean) => {
    const end = start + word.length;
    const lower = word.toLowerCase();
    if (word.length < 2 || !personWord(lower) || GREETING_WORDS.has(lower) || CALENDAR_WORDS.has(lower)) return;
    if ((AMBIGUOUS_FIRST_NAMES.has(lower) || !FIRST_NAMES.has(lower)) && !listed()) return;
    if (!FIRST_NAMES.has(lower) && germanAround(text, start)) return;
    if (!taken(start, end)) out.push({ start, end, type: "PERSON", score: 0.6 });
  };
  for (const e of persons) {
    const after = JOINED_AFTER.exec(text.slice(e.end, e.end + 40));
    if (after) {
      const start = e.end + after[0].length - after[2]!.length;
      const end = start + after[2]!.length;
      const item = () => ITEM_END.test(text.slice(end, end + 6));
      add(
        start,
        after[2]!,
        () => item() || (after[1] === undefined && !AMBIGUOUS_FIRST_NAMES.has(after[2]!.toLowerCase())),
      );
    }
    const before = JOINED_BEFORE.exec(text.slice(Math.max(0, e.start - 40), e.start));
    if (before) {
      const start = e.start - before[0].length;
      const head = text.slice(Math.max(0, start - 12), start);
      const item = () => ITEM_START.test(head);
      add(start, before[1]!, () => item() || (before[2] === undefined && LOWER_WORD_BEFORE.test(head)));
    }
  }
  return out;
}

/**
 * "To: Efua Boateng ... Efua, see below": a word of a person's name found in the text names that person wherever
 * else it stands capitalized, alone, with nothing around it to say so. Only words no lexicon lists as anything else
 * ("Will", "Rose" stay words) and no forms of address.
 */
export function namedAgain(
  text: string,
  found: readonly RecognizerResult[],
  // Tests only: read every capitalized word, as a text naming many people is read.
  readAll = false,
): RecognizerResult[] {
  const words = new Set<string>();
  // A name that is also a word ("Grace", "Hope") names the person again only inside a sentence, where the word would
  // have no capital.
  const alsoWords = new Set<string>();
  personWords(text, found, words, alsoWords);
  if (words.size === 0 && alsoWords.size === 0) return [];
  const covered = found.map((e) => [e.start, e.end] as const).sort((a, b) => a[0] - b[0]);
  // Most names are said a few times in a text: then only the places where one of their words stands are read, not
  // every capitalized word of the text.
  const few =
    !readAll && words.size + alsoWords.size <= FEW_WORDS ? placesOf(text, [...words, ...alsoWords], covered) : null;
  const out: RecognizerResult[] = [];
  let k = 0;
  // Called in order of start.
  const take = (m: RegExpExecArray) => {
    const word = withoutPossessive(m[0]);
    if (
      !words.has(word) &&
      !(alsoWords.has(word) && INSIDE_SENTENCE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index)))
    )
      return;
    const start = m.index;
    const end = start + m[0].length;
    // Found entities in order of start: skip those that end before this word, then see whether one covers it.
    while (k < covered.length && covered[k]![1] <= start) k++;
    let inside = false;
    for (let j = k; j < covered.length && covered[j]![0] < end; j++) if (covered[j]![1] > start) inside = true;
    if (!inside) out.push({ start, end, type: "PERSON", score: NAMED_AGAIN_SCORE });
  };
  if (few) {
    for (const at of few) {
      const m = capitalizedWordAt(text, at);
      if (m) take(m);
    }
  } else {
    CAPITALIZED_WORD.lastIndex = 0;
    for (let m = CAPITALIZED_WORD.exec(text); m !== null; m = CAPITALIZED_WORD.exec(text)) take(m);
  }
  // Lower case is read only for a chat's speakers ("Tolu: ..."), whom the turns name as they please; not for the
  // persons other rules found, whose mistakes it would spread ("Niko hapa", Swahili "I am here", is no "niko").
  const speakers = found.filter(
    (e) => e.score >= STRONG_PERSON_SCORE && text.charCodeAt(e.end) === 58 && !/\s/u.test(text.slice(e.start, e.end)),
  );
  const strong = speakers.length > 0 ? personWords(text, speakers) : new Set<string>();
  if (strong.size === 0) return out;
  return [...out, ...lowerCaseAgain(text, strong, new SpanIndex([...found, ...out]))];
}

// A chat has a few speakers; a text keyed by thousands of names would cost a scan per name.
const MAX_LOWER_CASE_NAMES = 64;

// What may stand around a name written in lower case: not a letter, a digit, or what joins a word into an address
// ("tolu@mail.com", "dayo_22", "/rafa").
// The character before is read as two code units, so a letter outside the BMP (a surrogate pair) counts as one.
const LOWER_NAME_BEFORE = /[\p{L}\p{M}\p{N}@._/\\-]$/u;
const LOWER_NAME_AFTER = /^(?:[\p{L}\p{M}\p{N}@_/\\-]|\.\p{L})/u;

/**
 * "Tolu: ... Dayo: 2:30 works. tolu you're bringing the jollof": a chat writes its people's names in lower case too.
 * A word of a person found that is no word of the lexicon ("Tolu", not "Rose") names them again in lower case.
 */
function lowerCaseAgain(text: string, words: ReadonlySet<string>, covered: SpanIndex): RecognizerResult[] {
  const out: RecognizerResult[] = [];
  let tried = 0;
  for (const w of words) {
    if (tried++ === MAX_LOWER_CASE_NAMES) break;
    const lower = w.toLowerCase();
    if (lower === w || lower.length !== w.length) continue;
    for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
      const end = at + lower.length;
      if (LOWER_NAME_BEFORE.test(text.slice(Math.max(0, at - 2), at))) continue;
      if (LOWER_NAME_AFTER.test(text.slice(end, end + 2))) continue;
      if (covered.overlaps(at, end)) continue;
      out.push({ start: at, end, type: "PERSON", score: NAMED_AGAIN_SCORE });
    }
  }
  return out;
}

const FEW_WORDS = 16;
// How far back from a word a run of letters is read (see capitalizedWordAt) before the whole text is scanned instead.
const LONGEST_RUN = 256;

/**
 * Where one of `words` stands in `text` outside every span of `covered` (sorted by start), in order; null when a
 * place lies deep inside a run of letters, where capitalizedWordAt would read far back.
 */
function placesOf(
  text: string,
  words: readonly string[],
  covered: readonly (readonly [number, number])[],
): number[] | null {
  const out: number[] = [];
  for (const w of words) {
    // The spans that start before the word's place, as one run: `reach` is where the furthest of them ends.
    let k = 0;
    let reach = -1;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      const end = i + w.length;
      while (k < covered.length && covered[k]![0] < end) reach = Math.max(reach, covered[k++]![1]);
      if (reach > i) continue;
      if (runStart(text, i, LONGEST_RUN) < 0) return null;
      out.push(i);
    }
  }
  // Two words may stand at one place ("Efua" and "Efua-Boateng"): one match there.
  return [...new Set(out)].sort((a, b) => a - b);
}

// A character CAPITALIZED_WORD may run over, closing the text.
const RUN_CHAR_BEFORE = /[\p{L}\p{M}'’-]$/u;

/**
 * Where the run of characters CAPITALIZED_WORD may run over ends before `at` starts, or -1 past `limit` units: no
 * match of it spans that place, so a scan from there reads what a scan of the whole text reads from there on.
 */
function runStart(text: string, at: number, limit: number): number {
  let q = at;
  while (q > 0 && RUN_CHAR_BEFORE.test(text.slice(Math.max(0, q - 2), q))) {
    q -= q >= 2 && isLowSurrogateAt(text, q - 1) && isHighSurrogateAt(text, q - 2) ? 2 : 1;
    if (at - q > limit) return -1;
  }
  return q;
}

function isLowSurrogateAt(text: string, i: number): boolean {
  return isLowSurrogate(text.charCodeAt(i));
}

function isHighSurrogateAt(text: string, i: number): boolean {
  return isHighSurrogate(text.charCodeAt(i));
}

/** The match of CAPITALIZED_WORD that a scan of the whole text finds starting at `at`, if there is one. */
function capitalizedWordAt(text: string, at: number): RegExpExecArray | null {
  CAPITALIZED_WORD.lastIndex = runStart(text, at, Number.POSITIVE_INFINITY);
  for (let m = CAPITALIZED_WORD.exec(text); m !== null && m.index <= at; m = CAPITALIZED_WORD.exec(text)) {
    if (m.index === at) return m;
  }
  return null;
}

const NAMED_AGAIN_SCORE = 0.6;
const STRONG_PERSON_SCORE = 0.7;

// After a lower-case word or a comma: inside a sentence, not after a list's dash ("- Summer sale moves").
const INSIDE_SENTENCE_BEFORE = /(?:\p{Ll}{2}|,)[ \t]{1,2}$/u;

/** The texts of the persons found, one per line: every word {@link personWords} gives is a substring of it. */
function personTexts(text: string, found: readonly RecognizerResult[]): string {
  let out = "";
  for (const e of found) if (e.type === "PERSON") out += `${text.slice(e.start, e.end)}\n`;
  return out;
}

function withoutPossessive(word: string): string {
  return word.endsWith("'s") || word.endsWith("’s") ? word.slice(0, -2) : word;
}

function wordsOf(value: string): string[] {
  return value.split(/[\s,]+/).filter((w) => w !== "");
}

/**
 * The words of the persons found that name them wherever else they stand (see {@link namedAgain}): only words no
 * lexicon lists as anything else ("Will", "Rose" stay words) and no forms of address. Given names that are also
 * words ("Grace") go to `alsoWords` when it is given, and are left out otherwise.
 */
function personWords(
  text: string,
  found: readonly RecognizerResult[],
  words = new Set<string>(),
  alsoWords?: Set<string>,
): Set<string> {
  for (const e of found) {
    if (e.type !== "PERSON") continue;
    for (const raw of wordsOf(text.slice(e.start, e.end))) {
      // "Tayo's mum ... Tayo is out": the name without its possessive.
      const w = withoutPossessive(raw);
      const lower = w.toLowerCase();
      if (
        w.length >= 3 &&
        /^\p{Lu}\p{Ll}/u.test(w) &&
        !isCommonWord(lower) &&
        !HONORIFICS.has(lower) &&
        !GREETING_WORDS.has(lower) &&
        !PLACES.has(lower) &&
        !ORG_HEADS.has(lower)
      ) {
        if (!AMBIGUOUS_FIRST_NAMES.has(lower)) words.add(w);
        else alsoWords?.add(w);
      }
    }
  }
  return words;
}

function addressedCjkNames(text: string, found: RecognizerResult[]): void {
  if (!HAS_CJK.test(text)) return;
  CJK_ADDRESSED.lastIndex = 0;
  for (let m = CJK_ADDRESSED.exec(text); m !== null; m = CJK_ADDRESSED.exec(text)) {
    const name = m[1] ?? m[2]!;
    if (NOT_ADDRESSED.has(name)) continue;
    found.push({ start: m.index, end: m.index + name.length, type: "PERSON", score: 0.75 });
  }
}

/** Speakers of chat-log lines ("[10:41] <dave> ...", "21:04 - Ana Souza: ..."), in any case. */
function chatSpeakers(text: string, keys: readonly Speaker[], form: boolean, found: RecognizerResult[]): void {
  if (!text.includes(":") && !text.includes("<") && !text.includes("@")) return;
  transcriptSpeakers(text, keys, form, found);
  if (!text.includes(":")) return;
  CHAT_SPEAKER.lastIndex = 0;
  for (let m = CHAT_SPEAKER.exec(text); m !== null; m = CHAT_SPEAKER.exec(text)) {
    const name = m[1] ?? m[2]!;
    const lower = name.toLowerCase();
    // A handle in angle brackets may hold digits ("<kz_dev2>"); a name before a colon may not ("10:00 - 12:00:").
    if (NOT_NAMES.has(lower) || SIGN_OFF_NOT_NAMES.has(lower) || (!m[1] && /\d/.test(name))) continue;
    // "[22:14:03] db: connection from ...": a two-letter lower-case label is a log's component. Not a name in a script
    // without case ("小明", "지영"), where two letters are a whole given name.
    if (name.length < 3 && name === lower && name !== name.toUpperCase()) continue;
    const end = m.index + m[0].length - (m[1] ? 1 : 1);
    found.push({ start: end - name.length, end, type: "PERSON", score: 0.8 });
  }
}

/** Whether `text.slice(from, to)` is " & ". */
function ampersandBetween(text: string, from: number, to: number): boolean {
  return (
    to - from === 3 &&
    text.charCodeAt(from) === 32 &&
    text.charCodeAt(from + 1) === 38 &&
    text.charCodeAt(from + 2) === 32
  );
}

/** Whether only spaces or tabs stand between `at` and the line break before it. */
function atLineStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return false;
}

/** "Best regards,\nAnna Schmidt": a line of one to three capitalized words after a sign-off line is a name. */
function signOffNames(text: string, tokens: Token[], push: Push): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || NOT_NAMES.has(t.lower) || SIGN_OFF_NOT_NAMES.has(t.lower)) continue;
    const before = text.slice(Math.max(0, t.start - 60), t.start);
    if (!(atLineStart(text, t.start) ? SIGN_OFF.test(before) : SIGN_OFF_INLINE.test(before))) continue;
    let j = i;
    while (j + 1 < tokens.length && j - i < 3 && tokens[j + 1]!.cap && gapIsSpace(text, tokens[j]!, tokens[j + 1]!))
      j++;
    const lineEnd = text.indexOf("\n", tokens[j]!.end);
    const rest = text.slice(tokens[j]!.end, lineEnd < 0 ? text.length : lineEnd);
    const words = tokens.slice(i, j + 1);
    if (!/^[\s,.]*$/.test(rest)) continue;
    // "Regards,\nNorthgate Clinics Reception": a team of an organization signs, not a person.
    const suffix = words.findIndex((w, k) => k > 0 && ORG_SUFFIXES.has(w.lower));
    if (suffix > 0) push("ORGANIZATION", t, words[suffix]!, 0.75);
    else if (!words.some((w) => SIGN_OFF_NOT_NAMES.has(w.lower))) push("PERSON", t, tokens[j]!, 0.8);
  }
}
