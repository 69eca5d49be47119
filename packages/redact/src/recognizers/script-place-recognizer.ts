import { ARABIC_PLACES, HAN_PLACES, HANGUL_PLACES, THAI_PLACES } from "../ner/script-gazetteer";
import { patternRecognizer } from "../pattern-recognizer";
import type { Recognizer, RecognizerResult } from "../recognizer";

// Written for this package: large cities as they are written in scripts without capitals, where the name pass
// cannot see a name by its first letter (Chinese, Japanese, Korean, Arabic, Hindi), and in Greek and Russian with
// the case endings a sentence gives them ("в Санкт-Петербурге", "στην Αθήνα"). The generated lists add the cities,
// regions and countries of those scripts.
const CITIES = [
  "北京|上海|广州|廣州|深圳|香港|台北|臺北|台中|高雄|成都|重庆|重慶|天津|武汉|武漢|杭州|南京|西安|苏州|蘇州|澳门|澳門|新加坡",
  "東京|大阪|京都|横浜|名古屋|札幌|福岡|神戸|広島|仙台|那覇|川崎|埼玉|千葉",
  "서울|부산|인천|대구|대전|광주|울산|제주",
  "دبي|أبوظبي|الرياض|جدة|مكة|المدينة|القاهرة|الإسكندرية|الدوحة|عمّان|بيروت|الكويت|المنامة|مسقط|بغداد|دمشق|تونس|الجزائر|الرباط|الدار البيضاء|طهران|إسطنبول",
  "الظهران|الدمام|الشارقة|عجمان|صلالة|الطائف|تبوك|الأحساء|ينبع|القطيف",
  "दिल्ली|मुंबई|जयपुर|कोलकाता|चेन्नई|बेंगलुरु|बेंगलूरु|हैदराबाद|पुणे|लखनऊ|अहमदाबाद|कानपुर|नागपुर|पटना|भोपाल|इंदौर|वाराणसी",
  "नोएडा|गुरुग्राम|गुड़गांव|सूरत|चंडीगढ़|गाज़ियाबाद|लुधियाना|आगरा|नासिक|रांची|देहरादून|शिमला|अमृतसर|कोच्चि|मैसूर|भुवनेश्वर|गुवाहाटी|रायपुर|जोधपुर|उदयपुर|मेरठ|प्रयागराज|इलाहाबाद|ग्वालियर|जबलपुर",
  "תל אביב|ירושלים|חיפה",
  "Αθήν[αας]|Θεσσαλονίκη[ς]?|Πάτρα[ς]?|Ηράκλειο|Λευκωσία[ς]?",
  "Москв[аеуы]|Санкт-Петербург[аеу]?|Новосибирск[аеу]?|Екатеринбург[аеу]?|Казан[ьи]|Нижн(?:ий|ем|его) Новгород[аеу]?|Киев[аеу]?|Києв[аіу]?|Харьков[аеу]?|Харків|Одесс[аеуы]|Минск[аеу]?|Алмат[ыа]",
].join("|");
// Districts of Seoul and other Korean cities, as people name where they are: 강남, 여의도, 해운대.
const KOREAN_DISTRICTS =
  "강남|강북|서초|송파|마포|용산|종로|잠실|여의도|판교|해운대|수원|성남|창원|천안|포항|김해|홍대|명동|이태원";

const listed = patternRecognizer({
  name: "script-place",
  type: "LOCATION",
  patterns: [
    {
      // Cyrillic and Greek words end where letters end; Han, kana and Hangul have no spaces, so no boundary there.
      regex: new RegExp(
        `(?<![\\p{sc=Cyrillic}\\p{sc=Greek}\\p{sc=Arabic}\\p{sc=Devanagari}])(?:${CITIES})(?![\\p{sc=Cyrillic}\\p{sc=Greek}\\p{sc=Devanagari}])`,
        "gu",
      ),
      requires: /[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/,
      score: 0.75,
    },
    {
      // A Korean word starts after a space: 강남 in "강남역" is the place, in "서강남" it is not.
      regex: new RegExp(`(?<![\\uac00-\\ud7af])(?:${KOREAN_DISTRICTS})`, "gu"),
      requires: /[\uac00-\ud7af]/,
      score: 0.7,
    },
  ],
});

const set = (s: string): ReadonlySet<string> => new Set(s.split(" ").filter(Boolean));
const HAN = set(HAN_PLACES);
const HANGUL = set(HANGUL_PLACES);
const ARABIC = set(ARABIC_PLACES);
const THAI = set(THAI_PLACES);
const longest = (s: ReadonlySet<string>) => Math.max(0, ...[...s].map((w) => w.length));
const HAN_LONGEST = longest(HAN);
const THAI_LONGEST = longest(THAI);
const HAN_RUN = /[\u4e00-\u9fff]{2,}/gu;
const THAI_RUN = /[\u0e01-\u0e4e]{5,}/gu;
const HANGUL_WORD = /[\uac00-\ud7af]{3,}/gu;
const ARABIC_WORD = /[\u0621-\u064a]{3,}/gu;

/** Listed places inside runs of a script without spaces between words: the longest match at each position. */
function inRuns(
  text: string,
  run: RegExp,
  places: ReadonlySet<string>,
  max: number,
  min: number,
  out: RecognizerResult[],
) {
  run.lastIndex = 0;
  for (let m = run.exec(text); m !== null; m = run.exec(text)) {
    const s = m[0];
    for (let p = 0; p + min <= s.length; p++) {
      for (let k = Math.min(max, s.length - p); k >= min; k--) {
        if (!places.has(s.slice(p, p + k))) continue;
        out.push({ start: m.index + p, end: m.index + p + k, type: "LOCATION", score: 0.7 });
        p += k - 1;
        break;
      }
    }
  }
}

/** Large cities, and the listed places of scripts without capitals, which the name pass cannot read. */
export const scriptPlaceRecognizer: Recognizer & { readonly patterns: typeof listed.patterns } = {
  name: "script-place",
  types: ["LOCATION"],
  patterns: listed.patterns,
  analyze(text, context) {
    const out = listed.analyze(text, context);
    if (/[\u4e00-\u9fff]/u.test(text)) inRuns(text, HAN_RUN, HAN, HAN_LONGEST, 2, out);
    if (/[\u0e01-\u0e4e]/u.test(text)) inRuns(text, THAI_RUN, THAI, THAI_LONGEST, 5, out);
    if (/[\uac00-\ud7af]/u.test(text)) {
      // 경기도에서, 서울특별시의: the listed name opens the word, a particle may follow.
      HANGUL_WORD.lastIndex = 0;
      for (let m = HANGUL_WORD.exec(text); m !== null; m = HANGUL_WORD.exec(text)) {
        for (let k = m[0].length; k >= 3 && k >= m[0].length - 2; k--) {
          if (!HANGUL.has(m[0].slice(0, k))) continue;
          out.push({ start: m.index, end: m.index + k, type: "LOCATION", score: 0.7 });
          break;
        }
      }
    }
    if (/[\u0621-\u064a]/u.test(text)) {
      // "بالرياض", "والقاهرة", "لدبي": a preposition or "and" glued in front of the place stays out of the span.
      ARABIC_WORD.lastIndex = 0;
      for (let m = ARABIC_WORD.exec(text); m !== null; m = ARABIC_WORD.exec(text)) {
        const w = m[0];
        const cut = ARABIC.has(w) ? 0 : /^[وبلف]/u.test(w) && ARABIC.has(w.slice(1)) ? 1 : 0;
        if (cut === 0 && !ARABIC.has(w)) continue;
        out.push({ start: m.index + cut, end: m.index + w.length, type: "LOCATION", score: 0.7 });
      }
    }
    return out;
  },
};
