import type { Entity } from "../entity";

// Han (with the iteration mark 々), katakana and Hangul: scripts without capitals, where nothing but the lists and the
// words around a name mark it as one.
const LETTERS = "[\\u4e00-\\u9fff\\u3005\\u30a1-\\u30fa\\u30fc\\uac00-\\ud7af]";
// A name in those scripts as a recognizer found it: one run, or a family and a given name with a space between.
const CASELESS_NAME = new RegExp(`^${LETTERS}{2,6}(?: ${LETTERS}{1,4})?$`, "u");
// A Chinese or Korean name of three characters: a family name of one, a given name of two.
const THREE = /^(?:[\u4e00-\u9fff]{3}|[\uac00-\ud7af]{3})$/u;
// Kinship words that chats use as their members' names ("大姐", "엄마"): said again, they name the relation, and the
// corpus conventions leave them unlabeled.
const KINSHIP = new Set(
  "大姐 二姐 大哥 二哥 妈妈 爸爸 老公 老婆 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 外婆 外公 ママ パパ 엄마 아빠 여보 언니 오빠 누나 동생".split(
    " ",
  ),
);
const SCORE = 0.6;
const MAX_FORMS = 256;

const HANGUL = /^[\uac00-\ud7af ]+$/u;

/** The forms a person's name found once may take again: whole, by each part, and by the given name alone. */
function formsOf(name: string): string[] {
  const forms = [name];
  const parts = name.split(" ");
  // Korean writes a name in one run ("박민호"): what follows a space is a word about the person ("박민호 학부모").
  if (parts.length > 1 && HANGUL.test(name)) forms.push(parts[0]!);
  // Japanese spaces family and given name ("田中 一郎"), and either names the person again ("田中様").
  else if (parts.length > 1) forms.push(...parts.filter((part) => part.length >= 2));
  const single = forms.at(-1)!;
  if (THREE.test(single)) forms.push(single.slice(1));
  return forms.filter((form) => form.length >= 2 && !KINSHIP.has(form));
}

/**
 * "收件者：陳建宏 … 建宏您好", "张伟：… 帮我回复张伟", "宛先: 田中 一郎 … 田中様": in scripts without capitals, a person found
 * once (in a header field, as a chat's speaker, before a form of address) is a person wherever the text names
 * them again, whole, by a part of a spaced name, or by the given name of a three-character Chinese or Korean name.
 * Recognizers each see one text alone and not what the others found; this reads every recognizer's persons. Occurrences
 * inside what is already found are left alone.
 */
export function caselessNamesAgain(text: string, found: readonly Entity[]): Entity[] {
  const forms = new Set<string>();
  for (const e of found)
    if (e.type === "PERSON" && CASELESS_NAME.test(e.text)) for (const f of formsOf(e.text)) forms.add(f);
  if (forms.size === 0) return [];
  // One scan for all the forms (letters and a space, no regex syntax: see CASELESS_NAME), longer ones first so that a
  // whole name is taken before its given name inside it; a bounded number of them, so that a huge text of many names
  // costs one pass, not one per name.
  const any = new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .slice(0, MAX_FORMS)
      .join("|"),
    "gu",
  );
  const taken = found.map((e) => [e.start, e.end] as const).sort((a, b) => a[0] - b[0]);
  const out: Entity[] = [];
  let k = 0;
  for (const m of text.matchAll(any)) {
    const start = m.index;
    const end = start + m[0].length;
    // Found entities in order of start: skip those that end before this occurrence, then see whether one covers it.
    while (k < taken.length && taken[k]![1] <= start) k++;
    let inside = false;
    for (let j = k; j < taken.length && taken[j]![0] < end; j++) if (taken[j]![1] > start) inside = true;
    if (!inside) out.push({ start, end, type: "PERSON", score: SCORE, text: m[0], recognizer: "names" });
  }
  return out;
}
