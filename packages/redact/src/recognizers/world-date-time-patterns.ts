import type { Pattern } from "../pattern-recognizer";
import { DEVANAGARI, ETHIOPIC, inScript, SINHALA } from "../script-blocks";

// Written for this package: dates and times as Chinese, Japanese, Korean, Arabic, Thai, Hindi, Finnish, Vietnamese,
// Swahili, Malay and Indonesian, Czech and Tagalog write them, beyond the numeric and European forms of the main
// date-time patterns. Each pattern that needs a script or a word says so in `requires`, so text without it costs one
// scan at most.

// Chinese numerals up to twelve, as clock hours are written: 十点, 十二点, 两点.
const HAN_HOUR = "(?:1[0-9]|2[0-4]|0?[0-9]|十[一二]?|[一二两兩三四五六七八九])";
const HAN_MINUTE = "(?:[0-5]?\\d|[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九])";
// Parts of the day before an hour: 上午, 下午, 晚上, 早上, 中午, 凌晨, 傍晚; 午前 and 午後 in Japanese.
const HAN_DAY_PART = "(?:上午|下午|晚上|早上|早晨|中午|凌晨|傍晚|夜里|夜裡|晚间|晚間|午前|午後|朝|夜)";
const HAN_WEEKDAY = "(?:(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|[月火水木金土日]曜日?)";
// 十点, 3点半, 10点15分, 3時, 三時半: an hour and what may follow it.
const HAN_CLOCK = `${HAN_HOUR}[^\\S\\n]?(?:点钟|點鐘|点|點|時|时)(?:半|${HAN_MINUTE}分?)?`;

const KO_NATIVE_HOUR = "(?:열두|열한|열|한|두|세|네|다섯|여섯|일곱|여덟|아홉)";
const KO_WEEKDAY = "[월화수목금토일]요일";

const AR_WEEKDAY = "(?:الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|الجمعه|السبت)";
const AR_DIGITS = "[0-9\\u0660-\\u0669\\u06f0-\\u06f9]{1,2}";
const AR_HOUR_WORD =
  "(?:الواحدة|الثانية عشرة?|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية عشرة?)";
const AR_DAY_PART = "(?:صباحاً|صباحًا|صباحا|مساءً|مساءا|مساء|ظهراً|ظهرًا|ظهرا|عصراً|عصرا|ليلاً|ليلا|فجراً|فجرا)";
const AR_MONTHS =
  "(?:يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول)";
// "الساعة العاشرة صباحاً", "الساعة ٨ مساءً", "٨ مساءً", "الساعة 3".
const AR_CLOCK = `(?:الساعة[^\\S\\n](?:${AR_DIGITS}(?::[0-5]\\d)?|${AR_HOUR_WORD})(?:[^\\S\\n](?:و?النصف|و?الربع|إلا ربع|${AR_DAY_PART}))*|${AR_DIGITS}(?::[0-5]\\d)?[^\\S\\n]${AR_DAY_PART})`;

const TH_WEEKDAY = "วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)";
const TH_MONTHS =
  "(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.)";
// "บ่าย 3 โมง", "10 โมงเช้า", "2 ทุ่ม", "14.30 น.", "เที่ยงวัน".
const TH_CLOCK =
  "(?:(?:บ่าย|เช้า)[^\\S\\n]?\\d{1,2}(?:[^\\S\\n]?โมง(?:เย็น|เช้า)?)?|\\d{1,2}[^\\S\\n]?(?:โมง(?:เช้า|เย็น)?|ทุ่ม)|(?:[01]?\\d|2[0-3])[.:][0-5]\\d[^\\S\\n]?น\\.|เที่ยง(?:วัน|คืน)?)";

const HI_DAY_PART = "(?:सुबह|शाम|दोपहर|रात|सवेरे|तड़के)";
// Month names of Bengali, Urdu, Tamil, Telugu, Marathi, Gujarati, Kannada, Malayalam, Punjabi, Nepali and Amharic,
// from the Unicode CLDR (Intl.DateTimeFormat, month: "long"); Bengali's ya with nukta both composed and not.
const SOUTH_ASIAN_MONTH_LIST = `জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর
  جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر
  ஜனவரி பிப்ரவரி மார்ச் ஏப்ரல் மே ஜூன் ஜூலை ஆகஸ்ட் செப்டம்பர் அக்டோபர் நவம்பர் டிசம்பர்
  జనవరి ఫిబ్రవరి మార్చి ఏప్రిల్ మే జూన్ జులై ఆగస్టు సెప్టెంబర్ అక్టోబర్ నవంబర్ డిసెంబర్
  जानेवारी फेब्रुवारी मार्च एप्रिल मे जून जुलै ऑगस्ट सप्टेंबर ऑक्टोबर नोव्हेंबर डिसेंबर
  જાન્યુઆરી ફેબ્રુઆરી માર્ચ એપ્રિલ મે જૂન જુલાઈ ઑગસ્ટ સપ્ટેમ્બર ઑક્ટોબર નવેમ્બર ડિસેમ્બર
  ಜನವರಿ ಫೆಬ್ರವರಿ ಮಾರ್ಚ್ ಏಪ್ರಿಲ್ ಮೇ ಜೂನ್ ಜುಲೈ ಆಗಸ್ಟ್ ಸೆಪ್ಟೆಂಬರ್ ಅಕ್ಟೋಬರ್ ನವೆಂಬರ್ ಡಿಸೆಂಬರ್
  ജനുവരി ഫെബ്രുവരി മാർച്ച് ഏപ്രിൽ മേയ് ജൂൺ ജൂലൈ ഓഗസ്റ്റ് സെപ്റ്റംബർ ഒക്‌ടോബർ ഒക്ടോബർ നവംബർ ഡിസംബർ
  ਜਨਵਰੀ ਫ਼ਰਵਰੀ ਫਰਵਰੀ ਮਾਰਚ ਅਪ੍ਰੈਲ ਮਈ ਜੂਨ ਜੁਲਾਈ ਅਗਸਤ ਸਤੰਬਰ ਅਕਤੂਬਰ ਨਵੰਬਰ ਦਸੰਬਰ
  जनवरी फेब्रुअरी मार्च अप्रिल मे जुन जुलाई अगस्ट सेप्टेम्बर अक्टोबर नोभेम्बर डिसेम्बर
  ጃንዋሪ ፌብሩዋሪ ማርች ኤፕሪል ሜይ ጁን ጁላይ ኦገስት ሴፕቴምበር ኦክቶበር ኖቬምበር ዲሴምበር`
  .split(/\s+/)
  .flatMap((m) => [m.normalize("NFC"), m.normalize("NFD")]);
const SOUTH_ASIAN_MONTHS = `(?:${[...new Set(SOUTH_ASIAN_MONTH_LIST)].sort((a, b) => b.length - a.length).join("|")})`;
const HI_MONTHS =
  "(?:जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|अप्रेल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)";
// "शाम 4 बजे", "साढ़े दस बजे", "4:30 बजे", "सुबह 9 बजे".
const HI_CLOCK = `(?:${HI_DAY_PART}[^\\S\\n])?(?:(?:साढ़े|सवा|पौने)[^\\S\\n])?(?:\\d{1,2}(?::[0-5]\\d)?|एक|दो|तीन|चार|पांच|पाँच|छह|सात|आठ|नौ|दस|ग्यारह|बारह)[^\\S\\n]बजे`;

// Finnish weekdays and months take case endings: "tiistaille", "maanantaina", "toukokuuta", "kesäkuussa".
const FI_WEEKDAY =
  "(?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)(?:na|sin|hin|lle|n|ta|lta|sta)?";
const FI_MONTH =
  "(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu(?:ta|n|ssa|sta|hun|lle|lla)?";
const FI_CLOCK = "klo[^\\S\\n](?:[01]?\\d|2[0-3])(?:[.:][0-5]\\d)?";

// Vietnamese: "thứ Hai" (capital: "thứ hai" is also "second"), "thứ 6", "Chủ nhật", "3 giờ chiều", "14 giờ 30".
const VI_WEEKDAY = "(?:[Tt]hứ[^\\S\\n](?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|[Cc]hủ[^\\S\\n][Nn]hật)";
const VI_CLOCK =
  "(?:[01]?\\d|2[0-3])[^\\S\\n]?giờ(?:[^\\S\\n]?(?:[0-5]?\\d[^\\S\\n]?(?:phút)?|rưỡi|kém[^\\S\\n]\\d{1,2}))?(?:[^\\S\\n](?:sáng|trưa|chiều|tối|đêm))?";
const VI_DATE =
  "ngày[^\\S\\n](?:3[01]|[12]\\d|0?[1-9])(?:[^\\S\\n]tháng[^\\S\\n](?:1[0-2]|0?[1-9])(?:[^\\S\\n]năm[^\\S\\n]\\d{4})?|/(?:1[0-2]|0?[1-9])(?:/\\d{4})?)";

// Swahili: "Jumamosi", "saa nne asubuhi", "saa 3 usiku". Hours count from dawn, in words or digits.
const SW_WEEKDAY = "(?:jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili)";
const SW_CLOCK =
  "saa[^\\S\\n](?:\\d{1,2}(?::[0-5]\\d)?|moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi(?:[^\\S\\n]na[^\\S\\n](?:moja|mbili))?)(?:[^\\S\\n]na[^\\S\\n](?:nusu|robo|dakika[^\\S\\n]\\d{1,2}))?(?:[^\\S\\n](?:asubuhi|mchana|jioni|usiku|alasiri))?";
const SW_MONTHS = "(?:januari|februari|machi|aprili|mei|juni|julai|agosti|septemba|oktoba|novemba|desemba)";

// Malay weekdays (Indonesian ones are in the main list), and the prayer times that mark a time of day.
const MS_WEEKDAY = "(?:isnin|selasa|rabu|khamis|jumaat|sabtu|ahad)";
const MS_TIME_PHRASE =
  "(?:ini|depan|lalu|nanti|pagi|petang|malam|tengah hari)(?:[^\\S\\n](?:selepas|sebelum|lepas|sesudah)[^\\S\\n](?:subuh|zohor|zuhur|asar|maghrib|isyak|isya))?|(?:selepas|sebelum|lepas|sesudah)[^\\S\\n](?:subuh|zohor|zuhur|asar|maghrib|isyak|isya)";
const MS_MONTHS = "(?:januari|februari|mac|april|mei|jun|julai|ogos|september|oktober|november|disember)";

// Tagalog: "Lunes", "sa Biyernes", "alas-tres ng hapon", "alas 3 ng umaga".
const TL_WEEKDAY = "(?:lunes|martes|miyerkules|huwebes|biyernes|sabado)";
const TL_CLOCK =
  "alas[- ](?:\\d{1,2}(?::[0-5]\\d)?|uno|una|dos|tres|kuwatro|singko|sais|siyete|otso|nuwebe|diyes|onse|dose)(?:[^\\S\\n](?:y[^\\S\\n]medya|ng[^\\S\\n](?:umaga|tanghali|hapon|gabi|madaling-araw)))*";
const TL_MONTHS = "(?:enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre)";

/**
 * One test every text passes that any pattern below can match in: a letter of one of the scripts, or a word or shape
 * of one of the languages (capitalized or not; case-sensitive, which is several times cheaper than the `i` flag).
 * Text in none of them, most English and Western European text, costs this test alone (run as three scans of its
 * alternatives, see `mayHoldWorldDateTime`).
 */
export const WORLD_GATE =
  /[\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1200-\u137f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]|\d\.[^\S\n]\d|\d\.[^\S\n](?:gad[aā]|jaanuar|veebruar|märts|aprill|mai|juuni|juuli|august|septemb|oktoob|novemb|detsemb)|\d(?:-ka|-da)?[^\S\n](?:Jannaayo|Febraayo|Maarso|Abriil|Luulyo|Ogost|Sebtembar|Oktoobar|Nofembar|Desembar|Mutarama|Gashyantare|Werurwe|Gicurasi|Kamena|Nyakanga|Kanama|Nzeri|Ukwakira|Ugushyingo|Ukuboza|janvye|fevriye|jiyè|septanm|oktòb|novanm|desanm)|[kK]uu|[kK]lo[^\S\n]|[mM]aanantai|[tT]iistai|[kK]eskiviikko|[tT]orstai|[pP]erjantai|[lL]auantai|[sS]unnuntai|[gG]iờ|[nN]gày|[hH]ứ|[hH]ủ|[jJ]uma|[aA]lhamisi|[iI]jumaa|[sS]aa[^\S\n]|[iI]snin|[sS]elasa|[rR]abu|[kK]hamis|[sS]abtu|[aA]had|[sS]elepas|[sS]ebelum|[lL]epas|[sS]esudah|[lL]unes|[mM]artes|[mM]iyerkules|[hH]uwebes|[bB]iyernes|[sS]abado|[aA]las[- ]|\d[^\S\n]?ór[aá]|[jJ]am[^\S\n]\d|[pP]ukul[^\S\n]\d|[gG]odz|[lL]as[^\S\n](?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)|[àÀ]s[^\S\n](?:duas|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze)|(?:[uU]m|[aA]b|[gG]egen|[bB]is)[^\S\n](?:halb[^\S\n])?(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)|\d[^\S\n](?:ng[^\S\n])?(?:[jJ]anuari|[fF]ebruari|[mM]achi|[aA]prili|[mM]ei|[jJ]ulai|[aA]gosti|[sS]eptemba|[oO]ktoba|[nN]ovemba|[dD]esemba|[mM]ac|[oO]gos|[oO]ktober|[dD]isember|[eE]nero|[pP]ebrero|[mM]arso|[aA]bril|[mM]ayo|[hH]unyo|[hH]ulyo|[aA]gosto|[sS]etyembre|[oO]ktubre|[nN]obyembre|[dD]isyembre)/;

// Estonian months take case endings ("16. detsembril", "1. detsembriks"); Latvian writes the year first ("2025. gada
// 31. oktobrim"). Somali, Kinyarwanda and Haitian Creole month names after a day: "23-ka Oktoobar", "14 Ukwakira
// 2025", "16 oktòb" (the Creole months that are also words, "me", "out", "mas", are left out).
const ET_MONTH =
  "(?:jaanuar|veebruar|märts|aprill|mai|juuni|juuli|august|september|oktoober|november|detsember|jaanuari|veebruari|märtsi|aprilli|augusti|septembri|oktoobri|novembri|detsembri)(?:l|ks|st|le|ni|ist|il)?";
const LV_MONTH = "(?:janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr)[\\p{Ll}]{0,3}";
const AFRICAN_MONTHS =
  "(?:Jannaayo|Febraayo|Maarso|Abriil|Luulyo|Ogost|Sebtembar|Oktoobar|Nofembar|Desembar|Mutarama|Gashyantare|Werurwe|Gicurasi|Kamena|Nyakanga|Kanama|Nzeri|Ukwakira|Ugushyingo|Ukuboza|janvye|fevriye|jiyè|septanm|oktòb|novanm|desanm)";
// Ethiopian, Nepali (Bikram Sambat) and Sinhala months before a day: "ጥቅምት 10", "कार्तिक १५ गते", "ඔක්තෝබර් 23".
const CALENDAR_MONTHS_BEFORE_DAY =
  "(?:መስከረም|ጥቅምት|ኅዳር|ህዳር|ታኅሣሥ|ታህሳስ|ጥር|የካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰኔ|ሐምሌ|ነሐሴ|ጳጉሜ|बैशाख|वैशाख|जेठ|असार|साउन|श्रावण|भदौ|असोज|कात्तिक|कार्तिक|मंसिर|पुस|पौष|माघ|फागुन|चैत|ජනවාරි|පෙබරවාරි|මාර්තු|අප්‍රේල්|මැයි|ජූනි|ජූලි|අගෝස්තු|සැප්තැම්බර්|ඔක්තෝබර්|නොවැම්බර්|දෙසැම්බර්)";

const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}])";
const NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}\\p{N}])";

/** Calendar dates: reported even when times of day are kept. */
export const WORLD_DATE_PATTERNS: readonly Pattern[] = [
  {
    // Korean dates with a dot and a space after each part: "2025. 10. 20.".
    regex:
      /(?<![\p{L}\p{N}.,/-])(?:19|20)\d\d\.[^\S\n](?:1[0-2]|0?[1-9])\.[^\S\n](?:3[01]|[12]\d|0?[1-9])\.?(?![\p{L}\p{N}]|[.,]\d)/gu,
    requires: /\d{4}\.[^\S\n]\d{1,2}\.[^\S\n]\d/,
    score: 0.85,
  },
  {
    // Estonian and Latvian dates: "16. detsembril", "1. detsembriks 2025", "2025. gada 31. oktobrim".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:(?:19|20)\\d\\d\\.[^\\S\\n]gad[aā][^\\S\\n](?:3[01]|[12]\\d|0?[1-9])\\.[^\\S\\n]${LV_MONTH}|(?:3[01]|[12]\\d|0?[1-9])\\.[^\\S\\n]${ET_MONTH}(?:[^\\S\\n](?:19|20)\\d\\d)?)${NOT_LETTER_AFTER}`,
      "gu",
    ),
    requires: /\d\.[^\S\n](?:gad|jaan|veeb|märt|apri|mai|juun|juul|augu|sept|okto|nove|dets)/u,
    score: 0.85,
  },
  {
    // Somali, Kinyarwanda and Haitian Creole: "23-ka Oktoobar", "14 Ukwakira 2025", "jedi 16 oktòb".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:3[01]|[12]\\d|0?[1-9])(?:-ka|-da)?[^\\S\\n]${AFRICAN_MONTHS}(?:[^\\S\\n](?:19|20)\\d\\d)?${NOT_LETTER_AFTER}`,
      "gu",
    ),
    requires: new RegExp(AFRICAN_MONTHS, "u"),
    score: 0.85,
  },
  {
    // Ethiopian, Nepali and Sinhala months, then the day (in any digits), maybe "गते" (day) or a time of day after.
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}${CALENDAR_MONTHS_BEFORE_DAY}[^\\S\\n]?(?:3[01]|[12]\\d|0?[1-9]|[०-९]{1,2})(?:[^\\S\\n]गते)?${NOT_LETTER_AFTER}`,
      "gu",
    ),
    requires: inScript(ETHIOPIC | DEVANAGARI | SINHALA, /[\u1200-\u137f\u0900-\u097f\u0d80-\u0dff][^\n]{0,3}[\d०-९]/u),
    score: 0.8,
  },
  {
    // Czech and Slovak write a date with spaces after the dots: "28. 2. 2025", "1. 10. 2024".
    regex:
      /(?<![\p{L}\p{N}.,/-])(3[01]|[12]\d|0?[1-9])\.[^\S\n](1[0-2]|0?[1-9])\.[^\S\n]?((?:19|20)\d\d)(?![\p{L}\p{N}]|[.,]\d)/gu,
    requires: /\d\.[^\S\n]\d{1,2}\.[^\S\n]?\d{4}/,
    score: 0.85,
  },
  {
    // "15 مارس 2025", "١٥ مارس".
    regex: new RegExp(`${AR_DIGITS}[^\\S\\n]${AR_MONTHS}(?:[^\\S\\n][0-9\\u0660-\\u0669]{4})?(?![\\p{L}])`, "gu"),
    requires: /[\u0600-\u06ff]/,
    score: 0.8,
  },
  {
    // "15 มีนาคม 2568".
    regex: new RegExp(`\\d{1,2}[^\\S\\n]?${TH_MONTHS}(?:[^\\S\\n]?\\d{4})?`, "gu"),
    requires: /[\u0e00-\u0e7f]/,
    score: 0.8,
  },
  {
    // "১০ মার্চ ২০২৫", "12 اپریل", "16 மார்ச்", "మార్చి 10", "ማርች 10": the months of Bengali, Urdu, Tamil, Telugu,
    // Marathi, Gujarati, Kannada, Malayalam, Punjabi, Nepali and Amharic (as the Unicode CLDR writes them), with a
    // day before or after them. Their digits reach the patterns as ASCII ones.
    regex: new RegExp(
      `(?<!\\d)(?:\\d{1,2}[^\\S\\n]${SOUTH_ASIAN_MONTHS}(?:,?[^\\S\\n]\\d{4})?|${SOUTH_ASIAN_MONTHS}[^\\S\\n]\\d{1,2}(?:,?[^\\S\\n]\\d{4})?(?!\\d))(?![\\p{L}\\p{M}])`,
      "gu",
    ),
    requires: /[\u0600-\u06ff\u0900-\u0d7f\u1200-\u137f]/,
    score: 0.8,
  },
  {
    // "5 मार्च 2025", "5 मार्च".
    regex: new RegExp(`(?<!\\d)\\d{1,2}[^\\S\\n]${HI_MONTHS}(?:[^\\S\\n]\\d{4})?(?![\\p{L}\\p{M}])`, "gu"),
    requires: /[\u0900-\u097f]/,
    score: 0.8,
  },
  {
    // "5. toukokuuta 2025", "5.5.": Finnish months by name, with their case endings.
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:(?:3[01]|[12]\\d|0?[1-9])\\.?[^\\S\\n])?${FI_MONTH}(?:[^\\S\\n](?:19|20)\\d\\d)?${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /kuu/i,
    score: 0.8,
  },
  {
    regex: new RegExp(`${NOT_LETTER_BEFORE}${VI_DATE}${NOT_LETTER_AFTER}`, "giu"),
    requires: /ngày/i,
    score: 0.8,
  },
  {
    // Swahili, Malay and Tagalog months after a day: "12 Machi 2025", "3 Ogos", "ika-5 ng Mayo".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:ika-)?(?:3[01]|[12]\\d|0?[1-9])[^\\S\\n](?:ng[^\\S\\n])?(?:${SW_MONTHS}|${MS_MONTHS}|${TL_MONTHS})(?:[^\\S\\n](?:19|20)\\d\\d)?${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires:
      /januari|februari|machi|aprili|mei|juni|julai|agosti|septemba|oktoba|novemba|desemba|mac|april|jun|ogos|september|oktober|november|disember|enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre/i,
    score: 0.8,
  },
];

/** Weekdays and times of day: left alone when times are kept. */
export const WORLD_TIME_PATTERNS: readonly Pattern[] = [
  {
    // Chinese and Japanese: 上午十点, 下午3点半, 星期五, 周六晚上8点, 水曜日, 来週の水曜日14時 is read in parts; a bare
    // hour (7点) where a clause ends, not the third point (第3点) or three points made (3点建议).
    regex: new RegExp(
      `(?:${HAN_WEEKDAY}[^\\S\\n]?(?:${HAN_DAY_PART}[^\\S\\n]?)?(?:${HAN_CLOCK})?|${HAN_DAY_PART}[^\\S\\n]?${HAN_CLOCK}|${HAN_HOUR}[^\\S\\n]?(?:点钟|點鐘|点半|點半|点${HAN_MINUTE}分|點${HAN_MINUTE}分|時半)|(?<![第\\d.])${HAN_HOUR}[点點](?=$|[，。！？；,.!?;\\s见見到前后後左]))`,
      "gu",
    ),
    requires: /[\u3040-\u30ff\u4e00-\u9fff]/,
    score: 0.75,
    validate: (value, m, text) => {
      // "周一" is Monday, but "周" alone before a number word is also a surname: a weekday needs no letter after it.
      const next = text.charCodeAt(m.index + value.length);
      return /^[周週]/.test(value) && next >= 0x4e00 && next <= 0x9fff && !/[点點時时]/.test(value) ? 0.6 : 0.75;
    },
  },
  {
    // Korean: 토요일, 다음 주 월요일, 오후 세 시, 오전 10시 30분.
    regex: new RegExp(
      `(?:${KO_WEEKDAY}(?:[^\\S\\n](?:오전|오후|저녁|아침|밤)[^\\S\\n]?(?:\\d{1,2}|${KO_NATIVE_HOUR})[^\\S\\n]?시(?:[^\\S\\n]?(?:반|\\d{1,2}[^\\S\\n]?분))?)?|(?:오전|오후|저녁|아침|밤|새벽)[^\\S\\n]?${KO_NATIVE_HOUR}[^\\S\\n]?시(?:[^\\S\\n]?(?:반|\\d{1,2}[^\\S\\n]?분))?|${KO_NATIVE_HOUR}[^\\S\\n]시[^\\S\\n]?반)`,
      "gu",
    ),
    requires: /[\uac00-\ud7af]/,
    score: 0.75,
  },
  {
    // Arabic: "يوم الأحد الساعة العاشرة صباحاً", "الخميس", "٨ مساءً".
    regex: new RegExp(
      `(?<![\\p{L}\\p{M}])(?:(?:يوم[^\\S\\n])?و?${AR_WEEKDAY}(?:[^\\S\\n](?:القادم|المقبل|الماضي))?(?:[^\\S\\n]${AR_CLOCK})?|${AR_CLOCK})(?![\\p{L}\\p{M}])`,
      "gu",
    ),
    requires: /[\u0600-\u06ff]/,
    score: 0.75,
  },
  {
    // Thai: วันศุกร์, วันศุกร์นี้ บ่าย 3 โมง, 14.30 น.
    regex: new RegExp(`(?:${TH_WEEKDAY}(?:หน้า|นี้)?(?:[^\\S\\n]?${TH_CLOCK})?|${TH_CLOCK})`, "gu"),
    requires: /[\u0e00-\u0e7f]/,
    score: 0.75,
  },
  {
    // Hindi: शाम 4 बजे, सोमवार सुबह 10 बजे (weekday alone is in the main list).
    regex: new RegExp(`(?<![\\p{L}\\p{M}])${HI_CLOCK}(?![\\p{L}\\p{M}])`, "gu"),
    requires: /बजे/,
    score: 0.75,
  },
  {
    // Finnish: "tiistaille klo 13", "perjantaina", "klo 9.30".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:${FI_WEEKDAY}(?:[^\\S\\n]${FI_CLOCK})?|${FI_CLOCK})${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|klo[^\S\n]\d/i,
    score: 0.7,
  },
  {
    // Vietnamese: "thứ Sáu", "3 giờ chiều", "thứ 6 lúc 9 giờ sáng".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:${VI_WEEKDAY}(?:,?[^\\S\\n](?:lúc[^\\S\\n])?${VI_CLOCK})?|${VI_CLOCK})${NOT_LETTER_AFTER}`,
      "gu",
    ),
    requires: /giờ|hứ|hủ/i,
    score: 0.7,
    // "3 giờ" alone is also a duration ("mất 3 giờ", three hours): a clock time needs minutes, a part of the day, a
    // weekday or "lúc" (at) before it.
    validate: (value, m, text) =>
      /^\d/.test(value) &&
      !/sáng|trưa|chiều|tối|đêm|phút|rưỡi|kém|giờ[^\S\n]?\d/.test(value) &&
      !/(?:lúc|vào)[^\S\n]$/i.test(text.slice(Math.max(0, m.index - 5), m.index))
        ? null
        : 0.7,
  },
  {
    // Swahili: "Jumamosi saa nne asubuhi", "Ijumaa", "saa 3 usiku".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:${SW_WEEKDAY}(?:,?[^\\S\\n]${SW_CLOCK})?|${SW_CLOCK})${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /juma|alhamisi|ijumaa|saa /i,
    score: 0.7,
    // "saa nne" (ten o'clock) is a time as it stands; "saa 24" is also "24 hours" ("huduma saa 24"): an hour in
    // digits needs its minutes or a part of the day.
    validate: (value) => (/^saa[^\S\n]\d{1,2}$/i.test(value) ? null : 0.7),
  },
  {
    // Malay: "Ahad ini selepas Zohor", "Khamis depan", "selepas Maghrib".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:${MS_WEEKDAY}(?:[^\\S\\n](?:${MS_TIME_PHRASE}))?|(?:selepas|sebelum|lepas|sesudah)[^\\S\\n](?:subuh|zohor|zuhur|asar|maghrib|isyak|isya))${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /isnin|selasa|rabu|khamis|jumaat|sabtu|ahad|subuh|zohor|zuhur|asar|maghrib|isyak|isya/i,
    score: 0.65,
    // Selasa, Rabu and Sabtu are also Indonesian (in the main list); "ahad" alone in English text is a word rarely,
    // but a capital says it is the day.
    validate: (value) => (/^(?:ahad|rabu)$/i.test(value) && value[0] === value[0]!.toLowerCase() ? null : 0.65),
  },
  {
    // Tagalog: "Biyernes", "sa Huwebes ng hapon", "alas-tres ng hapon".
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:${TL_WEEKDAY}(?:[^\\S\\n](?:ng[^\\S\\n](?:umaga|tanghali|hapon|gabi)|${TL_CLOCK}))?|${TL_CLOCK})${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /lunes|martes|miyerkules|huwebes|biyernes|sabado|alas[- ]/i,
    score: 0.65,
  },
  {
    // Hungarian: "19 órától" (from seven), "8 órakor" (at eight), "9 óráig" (until nine). "2 óra" alone is a duration.
    regex: new RegExp(
      `${NOT_LETTER_BEFORE}(?:[01]?\\d|2[0-3])(?:[.:][0-5]\\d)?[^\\S\\n]?(?:órakor|órától|óráig|órára)${NOT_LETTER_AFTER}`,
      "gu",
    ),
    requires: /ór[aá]/,
    score: 0.7,
  },
  {
    // Indonesian and Malay: "jam 7 malam", "pukul 14.00 WIB" ("3 jam", with the number first, is three hours).
    // "pukul" (at) stays out of the span, as the other languages' "at" does.
    regex: new RegExp(
      `(?:${NOT_LETTER_BEFORE}jam[^\\S\\n]|(?<=${NOT_LETTER_BEFORE}pukul[^\\S\\n]))(?:[01]?\\d|2[0-3])(?:[.:][0-5]\\d)?(?:[^\\S\\n](?:pagi|siang|sore|petang|malam|WIB|WITA|WIT))?${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /jam[^\S\n]\d|pukul[^\S\n]\d/i,
    score: 0.7,
  },
  {
    // Polish: "godz. 17", "o godz. 9:30" (the hour, after "godz.").
    regex: new RegExp(
      `(?<=${NOT_LETTER_BEFORE}godz\\.?[^\\S\\n]?)(?:[01]?\\d|2[0-3])(?:[.:][0-5]\\d)?${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /godz/i,
    score: 0.7,
  },
  {
    // Hours in words after "at", "until", "from" (which stay out of the span): Spanish "hasta las ocho y media",
    // Portuguese "às duas", German "um neun", "ab halb acht Uhr".
    regex: new RegExp(
      `(?:(?<=${NOT_LETTER_BEFORE}(?:a|hasta|desde|para|sobre)[^\\S\\n]las[^\\S\\n])(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?:[^\\S\\n]y[^\\S\\n](?:media|cuarto))?|(?<=${NOT_LETTER_BEFORE}às[^\\S\\n])(?:duas|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze)(?:[^\\S\\n]e[^\\S\\n]meia)?|(?<=${NOT_LETTER_BEFORE}(?:um|ab|gegen|bis)[^\\S\\n])(?:halb[^\\S\\n])?(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)(?:[^\\S\\n]Uhr)?)${NOT_LETTER_AFTER}`,
      "giu",
    ),
    requires: /las[^\S\n]|às[^\S\n]|(?:um|ab|gegen|bis)[^\S\n]/i,
    score: 0.65,
    // "ab zwei Personen" (from two people), "bis drei Tage": a German number before a noun counts the noun.
    validate: (value, m, text) =>
      /^(?:halb\s)?(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)$/i.test(value) &&
      /^[^\S\n]\p{Lu}/u.test(text.slice(m.index + value.length, m.index + value.length + 2))
        ? null
        : 0.65,
  },
  {
    // Tamil: "மாலை 6 மணி" (six in the evening), "10 மணிக்கு" (at ten). "3 மணி நேரம" is three hours.
    regex:
      /(?<![\p{L}\p{M}\p{N}])(?:(?:காலை|மாலை|மதியம்|இரவு|அதிகாலை)[^\S\n])?(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?[^\S\n]?மணி(?:க்கு)?(?![\p{L}\p{M}])/gu,
    requires: /மணி/,
    score: 0.7,
    validate: (value, m, text) =>
      /^\d/.test(value) &&
      !value.endsWith("க்கு") &&
      /^[^\S\n]நேர/u.test(text.slice(m.index + value.length, m.index + value.length + 5))
        ? null
        : 0.7,
  },
  {
    // Bengali: "সকাল ৯টায়" (at nine in the morning), "সন্ধ্যা ৭টা". "৩টা বই" counts three books: a bare hour needs
    // "টায়" (at).
    regex:
      /(?<![\p{L}\p{M}\p{N}])(?:(?:সকাল|দুপুর|বিকাল|বিকেল|সন্ধ্যা|সন্ধ্যে|রাত)[^\S\n])?(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?[^\S\n]?টা(?:য়|য়)?(?![\p{L}\p{M}])/gu,
    requires: /টা/,
    score: 0.7,
    validate: (value) => (/^\d/.test(value) && !/টা(?:য়|য়)$/u.test(value) ? null : 0.7),
  },
];
