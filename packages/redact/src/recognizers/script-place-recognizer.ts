import { patternRecognizer } from "../pattern-recognizer";

// Written for this package: large cities as they are written in scripts without capitals, where the name pass
// cannot see a name by its first letter (Chinese, Japanese, Korean, Arabic, Hindi), and in Greek and Russian with
// the case endings a sentence gives them ("в Санкт-Петербурге", "στην Αθήνα").
const CITIES = [
  "北京|上海|广州|廣州|深圳|香港|台北|臺北|台中|高雄|成都|重庆|重慶|天津|武汉|武漢|杭州|南京|西安|苏州|蘇州|澳门|澳門|新加坡",
  "東京|大阪|京都|横浜|名古屋|札幌|福岡|神戸|広島|仙台|那覇|川崎|埼玉|千葉",
  "서울|부산|인천|대구|대전|광주|울산|제주",
  "دبي|أبوظبي|الرياض|جدة|مكة|المدينة|القاهرة|الإسكندرية|الدوحة|عمّان|بيروت|الكويت|المنامة|مسقط|بغداد|دمشق|تونس|الجزائر|الرباط|الدار البيضاء|طهران|إسطنبول",
  "दिल्ली|मुंबई|जयपुर|कोलकाता|चेन्नई|बेंगलुरु|बेंगलूरु|हैदराबाद|पुणे|लखनऊ|अहमदाबाद|कानपुर|नागपुर|पटना|भोपाल|इंदौर|वाराणसी",
  "תל אביב|ירושלים|חיפה",
  "Αθήν[αας]|Θεσσαλονίκη[ς]?|Πάτρα[ς]?|Ηράκλειο|Λευκωσία[ς]?",
  "Москв[аеуы]|Санкт-Петербург[аеу]?|Новосибирск[аеу]?|Екатеринбург[аеу]?|Казан[ьи]|Нижн(?:ий|ем|его) Новгород[аеу]?|Киев[аеу]?|Києв[аіу]?|Харьков[аеу]?|Харків|Одесс[аеуы]|Минск[аеу]?|Алмат[ыа]",
].join("|");

/** Large cities in scripts and inflections that the list-and-capital name pass cannot read. */
export const scriptPlaceRecognizer = patternRecognizer({
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
  ],
});
