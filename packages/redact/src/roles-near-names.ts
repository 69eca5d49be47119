import type { Entity } from "./entity";
import type { EntityType } from "./entity-type";
import { lexiconKind } from "./ner/lexicon";
import { isListedRole, SIGN_OFF_LINE } from "./recognizers/title-recognizer";
import { BRACKET_ROLE_WORDS, CJK_ROLE_WORDS, ROLE_MODIFIERS } from "./recognizers/world-role-words";
import { HAN, HANGUL, KANA, scriptBlocks } from "./script-blocks";
import { SpanIndex } from "./span-index";

// A person's role stands next to the person's name, in every language and layout: before it in news and notices
// ("Deputy Public Prosecutor Nur Farhana Ismail", "मुख्य कोच बलदेव सिंह", "관리소장 최영호"), in brackets or after a
// comma behind it in minutes and letters ("Rose Nduku (Mweka Hazina)", "ريم الحمادي، أخصائية موارد بشرية"), and on
// the line under it in a signature or a business card, above the firm or the phone ("Кузнецова Марина Сергеевна\n
// Главный бухгалтер\nООО «Северный ветер»"). What marks the role is the name the recognizers found next to it, so
// this pass runs after them, on their persons.

const SCORE = 0.6;
const MAX_ROLE_WORDS = 4;
// The longest line read as a name's, a role's or a card's line.
const LINE_MAX = 80;
// A character of a word of a role: letters, marks, and the hyphens and apostrophes of "médecin-chef" and "Director's".
// Words are read backwards a character at a time: a regex anchored at a slice's end tries every start before it.
const WORD_CHAR = /[\p{L}\p{M}'’-]/u;

function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45;
  return WORD_CHAR.test(text[at]!);
}
// Acronyms in brackets after a name that are no role: times, zones and the shorthand of e-mails.
const NOT_ROLE_ACRONYMS = new Set(
  "AM PM ET CET CEST GMT UTC BST EST EDT PST PDT IST JST ASAP FYI TBC TBD CC BCC NB PS OK RIP AKA".split(" "),
);
// What a contact line under a role holds.
const CONTACT_TYPES: ReadonlySet<EntityType> = new Set<EntityType>([
  "ORGANIZATION",
  "PHONE",
  "EMAIL",
  "URL",
  "ADDRESS",
  "LOCATION",
  "ZIP_CODE",
]);
// Where a role's part of a line ends and the firm or the place begins: "Club Registrar, Hutt Valley Junior Football",
// "Myyntipäällikkö | Sales Manager", "Notaire à Nantes".
const PART_BREAK = /\s*(?:[|·•/]|[,،]|\s[–—-]\s)\s*/u;
// Words that join a role to the place or the firm it serves: "Notaire à Nantes", "Engineer at Acme", "Leiter bei X".
const JOINING_WORD = /\s(?:à|a|at|in|en|bei|bij|de|di|da|du|w|v|u|в|na|chez|presso|em)$/iu;
const KOREAN_SURNAMES = new Set(
  "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부".split(
    " ",
  ),
);
// The roles by their first character, longest first: texts are read a character at a time, not by a regex of them all.
const CJK_ROLES_BY_FIRST = (() => {
  const map = new Map<number, string[]>();
  for (const role of CJK_ROLE_WORDS) {
    const list = map.get(role.charCodeAt(0)) ?? [];
    list.push(role);
    map.set(role.charCodeAt(0), list);
  }
  return map;
})();

/** The next role in Chinese characters, kana or Hangul at or after `from`: its start and text, or null. */
function nextCjkRole(text: string, from: number): { index: number; role: string } | null {
  for (let at = from; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c < 0x3000) continue;
    const roles = CJK_ROLES_BY_FIRST.get(c);
    if (!roles) continue;
    for (const role of roles) if (text.startsWith(role, at)) return { index: at, role };
  }
  return null;
}
// A department before a role in a card: "営業部 課長", "기술영업팀 대리".
const DEPARTMENT = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}]{1,10}(?:部|課|室|局|팀|부|과|실|본부|센터)$/u;
const CJK_CHAR = /[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}\p{sc=Hiragana}ー]/u;
// A Korean name: a surname and two syllables, alone ("최영호", "정수빈"). Not one: two-syllable words that open on a
// surname's syllable are too many ("지시", "이번").
const KOREAN_NAME = /^([가-힣])([가-힣]{2})(?![가-힣])/u;
// A Japanese name after a role: family name, a space, given name ("佐藤 健一"), or a family name alone before what
// follows a name ("会長の渡辺（", "課長の田中さん").
const JAPANESE_NAME = /^\p{sc=Han}{1,3}(?:[ 　]\p{sc=Han}{1,3}[ぁ-ん]{0,2})?(?![\p{sc=Han}])/u;
// After "会長の", a family name is followed by what follows a name: an honorific, a bracket, "until" ("まで").
const AFTER_JAPANESE_NAME = /^(?:さん|様|氏|先生|（|\(|まで)/u;
// A card's name line under its role line: "田中 誠", "정수빈".
const NAME_LINE = /^(?:\p{sc=Han}{1,3}[ 　]\p{sc=Han}{1,3}|[가-힣]{3})$/u;

function isRoleWord(word: string): boolean {
  // English's "Mayor", capitalized: Spanish "mayor" is "older" ("el hijo mayor", "es mayor que yo").
  if (word === "Mayor" || word === "MAYOR") return true;
  const lower = word.toLowerCase();
  if (isListedRole(lower)) return true;
  // "médecin-chef", "Polizei-Sprecher": a role joined to another word.
  return lower.includes("-") && lower.split("-").some((part) => part.length >= 3 && isListedRole(part));
}

function isBracketRole(word: string): boolean {
  return isRoleWord(word) || BRACKET_ROLE_WORDS.has(word.toLowerCase());
}

function isModifier(word: string): boolean {
  return ROLE_MODIFIERS.has(word.toLowerCase());
}

/** Whether `word` opens on a capital, or on a letter of a script without case. */
function opensOnCapital(word: string): boolean {
  const c = word[0]!;
  return c.toLowerCase() === c.toUpperCase() || c !== c.toLowerCase();
}

interface Found {
  start: number;
  end: number;
  type: EntityType;
}

/**
 * Roles (TITLE) next to the persons the recognizers found, and the Korean and Japanese names that stand next to a
 * role in those scripts. Nothing already found is touched.
 */
export function rolesNearNames(text: string, found: readonly Entity[]): Entity[] {
  const persons = found.filter((e) => e.type === "PERSON");
  const cjk = (scriptBlocks(text) & (HAN | HANGUL | KANA)) !== 0;
  const brackets = text.includes("(");
  if (persons.length === 0 && !cjk && !brackets) return [];
  const index = new SpanIndex(found);
  const candidates: Found[] = [];
  const add = (start: number, end: number, type: EntityType = "TITLE") => {
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    while (start < end && /\s/u.test(text[start]!)) start++;
    if (end > start && !index.overlaps(start, end)) candidates.push({ start, end, type });
  };
  for (const p of persons) {
    roleBefore(text, p, add);
    roleAfter(text, p, add);
    roleLineUnder(text, p, index, add);
  }
  if (cjk) cjkRoles(text, index, add);
  if (brackets) namesBeforeBracketedRoles(text, index, add);
  // Two rules may name the same role: the first in the text wins, as resolveOverlaps would have it.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    lastEnd = c.end;
    const value = text.slice(c.start, c.end);
    out.push({ start: c.start, end: c.end, type: c.type, score: SCORE, text: value, recognizer: "roles-near-names" });
  }
  return out;
}

type Add = (start: number, end: number, type?: EntityType) => void;

/** The words before `at` on its line, nearest first, each with its start; at most `count`, single spaces between. */
function wordsBefore(text: string, at: number, count: number): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  let end = at;
  while (out.length < count) {
    let start = end;
    while (start > 0 && end - start < 40 && isWordChar(text, start - 1)) start--;
    if (start === end) break;
    out.push({ word: text.slice(start, end), start });
    if (start === 0 || (text[start - 1] !== " " && text[start - 1] !== "\t")) break;
    end = start - 1;
  }
  return out;
}

/** "Senior inspector Meenal Patil", "Trenér Marek", "Դասղեկ՝ Անահիտ Սարգսյան": a role right before a name. */
function roleBefore(text: string, person: Entity, add: Add): void {
  let at = person.start;
  if (text[at - 1] === " " || text[at - 1] === "\t") at--;
  // Armenian puts its comma-like ՝ after a role that introduces a name.
  if (text[at - 1] === "՝") at--;
  if (at === person.start) return;
  const words = wordsBefore(text, at, MAX_ROLE_WORDS);
  if (words.length === 0 || !isRoleWord(words[0]!.word)) return;
  let start = words[0]!.start;
  for (const w of words.slice(1)) {
    if (!isModifier(w.word) && !isRoleWord(w.word)) break;
    start = w.start;
  }
  add(start, words[0]!.start + words[0]!.word.length);
}

/** "Rose Nduku (Mweka Hazina)", "M. Lefebvre (DRH)", "Gunnar Þór, þjálfari,", "ريم الحمادي، أخصائية موارد بشرية". */
function roleAfter(text: string, person: Entity, add: Add): void {
  // Most persons are followed by neither: read no further then.
  const next = text[person.end] === " " || text[person.end] === "\t" ? text[person.end + 1] : text[person.end];
  if (next !== "(" && next !== "," && next !== "،") return;
  const rest = text.slice(person.end, person.end + 80);
  const bracket = /^[ \t]?\(([^()\n\d]{2,60})\)/u.exec(rest);
  if (bracket) {
    const inner = bracket[1]!.trim();
    const words = inner.split(/\s+/u);
    const role =
      words.length <= 5 &&
      (words.some(isBracketRole) ||
        (words.length === 1 && /^\p{Lu}{2,5}$/u.test(inner) && !NOT_ROLE_ACRONYMS.has(inner)));
    if (role) {
      const start = person.end + bracket[0].indexOf(bracket[1]!);
      add(start, start + bracket[1]!.length);
    }
    return;
  }
  const comma = /^[ \t]?[,،][ \t]([^,،.;:!?()|\n\d]{2,80})/u.exec(rest);
  if (!comma) return;
  const phrase = comma[1]!;
  const from = person.end + comma[0].length - phrase.length;
  const words = [...phrase.matchAll(/\S+/gu)].map((w) => ({
    word: w[0],
    start: from + w.index,
    end: from + w.index + w[0].length,
  }));
  if (words.length === 0) return;
  // The whole phrase when it is short, ends there and holds a role ("traductora jurada", "أخصائية موارد بشرية",
  // "Freelance Videographer"); else the role word that opens it, with the modifiers before it ("avocat chez Dupont").
  const closed = /^(?:[,.;)|]|[ \t]*(?:\r?\n|$))/u.test(rest.slice(comma[0].length));
  const opens = isRoleWord(words[0]!.word) || isModifier(words[0]!.word);
  const firstRole = words.findIndex((w) => isRoleWord(w.word));
  // Capitalized words after the role are a name ("president Kamla Devi, secretary Sugni Meghwal"), not the role's.
  const named = firstRole >= 0 && words.slice(firstRole + 1).some((w) => /^\p{Lu}\p{Ll}/u.test(w.word));
  if (closed && opens && firstRole >= 0 && words.length <= 4 && !named) {
    add(from, words.at(-1)!.end);
    return;
  }
  let k = 0;
  while (k < words.length - 1 && k < 2 && isModifier(words[k]!.word)) k++;
  if (!isRoleWord(words[k]!.word)) return;
  add(from, words[k]!.end);
  const name = words.slice(k + 1);
  if (closed && name.length > 0 && name.length <= 3 && name.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w.word)))
    add(name[0]!.start, name.at(-1)!.end, "PERSON");
}

/**
 * The bounds of the line holding `at`, or null when the line is longer than `max` characters: the lines this pass
 * reads are short, and a search for a line's ends in a huge text of one line would read all of it for every name.
 */
function lineAt(text: string, at: number, max = LINE_MAX): [number, number] | null {
  let start = at;
  while (start > 0 && text.charCodeAt(start - 1) !== 10) if (at - --start > max) return null;
  let end = at;
  while (end < text.length && text.charCodeAt(end) !== 10) if (++end - start > max) return null;
  return [start, end];
}

/**
 * A signature's or a card's role line: right under a line that is a person's name, with the firm, a phone or an
 * address on the line after it or after a comma on the same line. "Tóth Gábor\nHR-generalista, Duna Precíziós Kft.",
 * "Maître Claire Dufresne-Aubert\nNotaire à Nantes\n14, quai de la Fosse".
 */
function roleLineUnder(text: string, person: Entity, index: SpanIndex<Entity>, add: Add): void {
  // A name line is short: a line of a paragraph is no signature's.
  const nameBounds = lineAt(text, person.start);
  if (!nameBounds) return;
  const [ls, le] = nameBounds;
  if (le >= text.length || person.end > le) return;
  const nameLine = text.slice(ls, le);
  // The name line: the person and at most a title or an initial besides, no digits, nothing said after it.
  if (/[\d@:;!?]/u.test(nameLine) || /[,.]\s*$/u.test(nameLine.slice(person.end - ls))) return;
  const others = nameLine.slice(0, person.start - ls) + nameLine.slice(person.end - ls);
  if (others.trim().split(/\s+/u).filter(Boolean).length > 2) return;
  const ns = le + 1;
  const roleBounds = lineAt(text, ns);
  if (!roleBounds) return;
  const ne = roleBounds[1];
  const line = text.slice(ns, ne);
  const trimmed = line.trim();
  if (trimmed.length < 2 || trimmed.length > 80) return;
  const lead = ns + line.indexOf(trimmed);
  const parts = trimmed.split(PART_BREAK);
  const first = parts[0]!;
  let head = first;
  const headEnd = lead + head.length;
  // Digits (other than a scanner's misread letter, "Execut1ve"), addresses and sentences are no role.
  if (/(?:^|[^\p{L}])\d|\d(?:$|[^\p{L}])|@|https?:|www\./u.test(head) || /[.!?:;]$/u.test(head)) return;
  if (!/^\p{L}/u.test(head) || !opensOnCapital(head) || SIGN_OFF_LINE.test(head)) return;
  // A short line, or one that names a role ("Senior Account Executive, EMEA Enterprise Sales").
  const headWords = head.split(/\s+/u);
  if (headWords.length > 6 || (headWords.length > 4 && !headWords.some(isRoleWord))) return;
  let end = headEnd;
  // "Notaire à Nantes": a place the recognizers found in the role's part ends it, with the word that joins them.
  const onLine = index.startingIn(lead, ne);
  const inside = onLine.find((e) => e.start < headEnd);
  if (inside) {
    if (inside.type === "TITLE") return;
    const before = text.slice(lead, inside.start);
    const joined = JOINING_WORD.exec(before.trimEnd());
    if (!joined) return;
    end = lead + before.trimEnd().length - joined[0].length;
    head = text.slice(lead, end);
    if (head.trim() === "") return;
  }
  // What tells a role line from any line under a name: a firm, a phone or a place after it, on its line or the next.
  const afterOnLine = onLine.some((e) => e.start >= headEnd && CONTACT_TYPES.has(e.type));
  const titled = onLine.some((e) => e.start >= headEnd && e.type === "TITLE");
  let below = false;
  const belowBounds = ne < text.length ? lineAt(text, ne + 1, 4 * LINE_MAX) : null;
  if (belowBounds) below = index.startingIn(belowBounds[0], belowBounds[1]).some((e) => CONTACT_TYPES.has(e.type));
  if (!afterOnLine && !titled && !below) return;
  add(lead, end);
  // "Myyntipäällikkö | Sales Manager": the same role in a second language, split by a bar or a slash.
  if (parts.length > 1 && /^\s*[|/]/u.test(trimmed.slice(first.length))) {
    const second = parts[1]!;
    const at = lead + trimmed.indexOf(second, first.length);
    if (
      !/\d|@/u.test(second) &&
      opensOnCapital(second) &&
      second.split(/\s+/u).length <= 6 &&
      !index.overlaps(at, at + second.length)
    )
      add(at, at + second.length);
  }
}

// A bracket holding a role: "(Treasurer)", "(tesorera)", "(Protection Officer)".
const BRACKETED = /\(([^()\n\d]{2,60})\)/gu;
// What stands before a list's or a line's name: its start, a comma, a colon, a dash, a bullet, "and".
const BEFORE_NAME = /(?:^|\n|[,;:•–—(]|[ \t](?:and|und|et|e|y|i|og|och|en|a)[ \t])[ \t]*$/u;
// A capitalized word of a name, and the particles inside names ("Bríd Nic an tSaoi", "Séamus Ó Floinn").
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}'’-]+|Ó|Ní|Nic|Mac|Mc|an|de|da|van|von|der|den|del|la|le|di|dos|bin|binti)$/u;

/**
 * A person named before a role in brackets, where the recognizers found no one: "Present: Isla Ferguson (Chair),
 * Graeme Wilkie (Treasurer)", "Mirta Ferreyra (tesorera)". Two to four capitalized words that open the list's item or
 * the line, not all of them ordinary English words, none a role's.
 */
function namesBeforeBracketedRoles(text: string, index: SpanIndex, add: Add): void {
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
    const inner = m[1]!.trim();
    const roleWords = inner.split(/\s+/u);
    if (roleWords.length > 5 || !roleWords.some(isBracketRole)) continue;
    let at = m.index;
    if (text[at - 1] === " ") at--;
    const words = wordsBefore(text, at, 5);
    let n = 0;
    while (n < words.length && n < 4 && NAME_WORD.test(words[n]!.word)) n++;
    // The name's first and last words are capitalized, and the words before it end an item or a line.
    while (n > 0 && !/^\p{Lu}/u.test(words[n - 1]!.word)) n--;
    if (n < 2 || !/^\p{Lu}/u.test(words[0]!.word)) continue;
    const name = words.slice(0, n);
    const start = name[n - 1]!.start;
    if (!BEFORE_NAME.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (name.some((w) => isRoleWord(w.word) || isModifier(w.word))) continue;
    if (name.every((w) => lexiconKind(w.word.toLowerCase()) === "common")) continue;
    const end = words[0]!.start + words[0]!.word.length;
    if (!index.overlaps(start, end)) add(start, end, "PERSON");
    const innerStart = m.index + 1 + m[1]!.indexOf(inner);
    add(innerStart, innerStart + inner.length);
  }
}

/**
 * Roles in Chinese characters, kana and Hangul, and the name beside them: "관리소장 최영호", "代表取締役 佐藤 健一",
 * "会長の渡辺", "정수빈 대리". The name is read only next to a role, by the shape names have in those scripts.
 */
function cjkRoles(text: string, index: SpanIndex, add: Add): void {
  for (let found = nextCjkRole(text, 0); found; found = nextCjkRole(text, found.index + found.role.length)) {
    const m = found;
    let roleEnd = m.index + m.role.length;
    // "김 부장님": the honorific glued to a Korean role.
    if (text[roleEnd] === "님") roleEnd++;
    // The role is the run of characters it ends: "관리소장", "営業部長"; a role inside a longer word is none.
    if (roleEnd < text.length && CJK_CHAR.test(text[roleEnd]!) && text[roleEnd] !== "の") continue;
    let start = m.index;
    while (start > 0 && m.index - start < 8 && CJK_CHAR.test(text[start - 1]!)) start--;
    // Hiragana inside the run is a sentence's ("会社のために"), not a role's.
    if (/[ぁ-ん]/u.test(text.slice(start, m.index))) start = m.index;
    const dept = DEPARTMENT.exec(text.slice(Math.max(0, start - 12), Math.max(0, start - 1)));
    if (dept && text[start - 1] === " ") start -= dept[0].length + 1;
    const after = text.slice(roleEnd, roleEnd + 12);
    const before = text.slice(Math.max(0, start - 5), start);
    let name: [number, number] | null = null;
    const gap = /^(?:[ 　]|の|의 )/u.exec(after);
    if (gap) {
      const rest = after.slice(gap[0].length);
      const at = roleEnd + gap[0].length;
      const k = KOREAN_NAME.exec(rest);
      const j = JAPANESE_NAME.exec(rest);
      if (k && KOREAN_SURNAMES.has(k[1]!)) name = [at, at + k[0].length];
      else if (j && (gap[0] !== "の" || AFTER_JAPANESE_NAME.test(rest.slice(j[0].length))))
        name = [at, at + j[0].length];
    } else {
      // "정수빈 대리", "김민수 과장님": a Korean name before the role.
      const k = /(?:^|[^가-힣])([가-힣])([가-힣]{2}) $/u.exec(before);
      if (k && KOREAN_SURNAMES.has(k[1]!)) name = [start - 4, start - 1];
    }
    // A role alone on its line ("営業部 課長" above the name on a card) is one too, and a name alone on the next
    // line is the one it names.
    const bounds = lineAt(text, m.index, 24);
    const alone =
      bounds !== null && text.slice(bounds[0], start).trim() === "" && text.slice(roleEnd, bounds[1]).trim() === "";
    const nextBounds = alone && !name && bounds[1] < text.length ? lineAt(text, bounds[1] + 1, 24) : null;
    if (nextBounds) {
      const [ns, ne] = nextBounds;
      const next = text.slice(ns, ne).trim();
      if (NAME_LINE.test(next)) {
        const at = ns + text.slice(ns, ne).indexOf(next);
        name = [at, at + next.length];
      }
    }
    if (!name && !alone) continue;
    add(start, roleEnd);
    if (name && !index.overlaps(name[0], name[1])) add(name[0], name[1], "PERSON");
  }
}
