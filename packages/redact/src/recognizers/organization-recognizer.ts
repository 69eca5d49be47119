import { type Pattern, type PatternVerdict, patternRecognizer } from "../pattern-recognizer";
import { ARABIC, BENGALI, GEORGIAN, HAN, inScript, KANA, MALAYALAM, SINHALA, TAMIL, TELUGU } from "../script-blocks";

// A capitalized word of a company's name, in any cased script.
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{N}&'’.-]{0,24}";
// Legal forms written before the name: Russian, Ukrainian and Kazakh companies, Indonesian ones.
const CYRILLIC_FORMS = "ООО|ОАО|ЗАО|ПАО|АО|НКО|ТОВ|ПрАТ|ПАТ|ТОО|ФГУП|МУП|ГУП";
// Words a statement line or a card notice puts before the merchant: the kind of payment.
const PAYMENT_KINDS =
  "Kartenzahlung|Kartenkauf|Lastschrift|SEPA-Lastschrift|Achat CB|Paiement CB|Prélèvement|Compra|Pago|Adeudo|Addebito|Acquisto|Pagamento|Betaalautomaat|BEA|POS|Card purchase|Card payment|Debit card|Direct debit|Kortköp|Korttiosto";
// A statement line: a day and month (twice, booking and value date), maybe the kind of payment, then the merchant;
// the line ends with an amount.
const STATEMENT_LINE = new RegExp(
  `^[ \\t]*\\d{1,2}[./-]\\d{1,2}(?:[./-]\\d{2,4})?\\.?[ \\t]+(?:\\d{1,2}[./-]\\d{1,2}(?:[./-]\\d{2,4})?\\.?[ \\t]+)?(?:(?:${PAYMENT_KINDS})[ \\t]+)?(\\p{Lu}[\\p{L}&'’.-]{1,24}(?:[ \\t]\\p{Lu}[\\p{L}&'’.-]{1,24}){0,2})(?=[ \\t][^\\n]{0,80}?[ \\t][+-]?\\d{1,3}(?:[.,' ]\\d{3})*[.,]\\d{2}[ \\t]*$)`,
  "dgmu",
);
// Words of a statement line that name no merchant: months, the kind of booking (transfers, fees, interest).
const NOT_MERCHANTS =
  /^(?:Miete|Rent|Gehalt|Lohn|Salary|Salaire|Sueldo|Stipendio|Zinsen|Interest|Gutschrift|Überweisung|Transfer|E-Transfer|Virement|Transferencia|Transferência|Bonifico|Dauerauftrag|Standing|Balance|Saldo|Opening|Closing|Anfangssaldo|Endsaldo|Total|Summe|Fee|Fees|Gebühr|Kontoführung|Tarifa|Taxa|Pix|TED|DOC|Pag|Pagto|Boleto|Saque|Dep[oó]sito|Deposit|Withdrawal|ATM|Cash|Refund|Cheque|Check|Payment|Paiement|Abono|Cargo|Comisi[oó]n|Commission|January|February|March|April|May|June|July|August|September|October|November|December|Januar|Februar|März|Juni|Juli|Oktober|Dezember)(?![\p{L}])/iu;
// Capitals after a purchase that are codes or card brands, not merchants.
const NOT_MERCHANT_CODES =
  /^(?:UPI|POS|ATM|IBAN|OTP|PIN|EUR|USD|GBP|INR|BRL|PHP|IDR|CVV|SMS|VISA|JCB|AMEX|MASTERCARD|MAESTRO|DINERS|DISCOVER|ELO|RUPAY|UNIONPAY)$/u;

// Kinds of organization written after their name in scripts without capitals, where the name is the one to three
// words before the kind: "ঢাকা বিশ্ববিদ্যালয়", "ঢাকা বিশ্ববিদ্যালয়ের" (a postposition glued on), "ஸ்ரீ ராமா கிளினிக்",
// "నవలోక రෝහල", "النور میٹرنٹی ہوم", "სპორტული სკოლა". Each script's words, then its kinds.
const KINDS_AFTER: readonly [letters: string, kinds: string, glued: string, script: number][] = [
  // Bengali.
  ["\\u0980-\\u09e3\\u09f0-\\u09fe", "বিশ্ববিদ্যালয়|হাসপাতাল|ক্লিনিক|স্কুল|কলেজ|ব্যাংক|বিদ্যালয়|লিমিটেড", "এর|ের|র|এ|ে|তে", BENGALI],
  // Tamil.
  ["\\u0b80-\\u0be5", "கிளினிக்|மருத்துவமனை|பள்ளி|கல்லூரி|பல்கலைக்கழகம்|வங்கி|நிறுவனம்", "யில்|இல்|க்கு|ின்", TAMIL],
  // Telugu.
  ["\\u0c00-\\u0c65", "డయాగ్నోస్టిక్స్|ఆసుపత్రి|హాస్పిటల్|క్లినిక్|పాఠశాల|కళాశాల|విశ్వవిద్యాలయం|బ్యాంక్", "లో|కు|కి", TELUGU],
  // Malayalam.
  ["\\u0d00-\\u0d65", "സ്കൂൾ|ആശുപത്രി|ഹോസ്പിറ്റൽ|ക്ലിനിക്|കോളേജ്|ബാങ്ക്|സർവകലാശാല", "ിൽ|ിലെ|ിന്റെ", MALAYALAM],
  // Sinhala.
  ["\\u0d80-\\u0de5\\u200d", "රෝහල|පාසල|විද්‍යාලය|විශ්වවිද්‍යාලය|බැංකුව", "ේ|ට", SINHALA],
  // Urdu and Persian, whose order is the same: "النور میٹرنٹی ہوم", "آغا خان ہسپتال".
  [
    "\\u0621-\\u064a\\u0671-\\u06d3",
    "ہسپتال|ہوم|کلینک|اسکول|سکول|کالج|یونیورسٹی|بینک|لیبارٹری|بیمارستان|دانشگاه",
    "",
    ARABIC,
  ],
  // Georgian.
  ["\\u10d0-\\u10ff", "სკოლა|უნივერსიტეტი|საავადმყოფო|კლინიკა|ბანკი|კოლეჯი", "ს|ში|ის", GEORGIAN],
];
const KIND_AFTER_NAME: readonly Pattern[] = KINDS_AFTER.map(([letters, kinds, glued, script]) => ({
  regex: new RegExp(
    `(?<![${letters}])[${letters}]{2,20}(?:[ \\u00a0][${letters}]{2,20}){0,2}[ \\u00a0](?:${kinds})(?=${glued ? `(?:${glued})?` : ""}(?![${letters}]))`,
    "gu",
  ),
  requires: inScript(script, new RegExp(kinds, "u")),
  score: 0.75,
  // A name alone on its line or before a comma ("జీవనదీప్ హార్ట్ కేర్, లక్నో") is all of the words; inside a sentence,
  // the words before the name are the sentence's own ("আমি গতকাল ঢাকা মেডিকেল কলেজে ..."): only the last is kept.
  validate: (value: string, m: RegExpExecArray, text: string): PatternVerdict => {
    const after = text.slice(m.index + value.length, m.index + value.length + 8);
    if (/^\S*(?:[\s]*$|\s*[\n,.;:!?।–—)"”،])/u.test(after)) return 0.75;
    const words = value.split(/[ \u00a0]/u);
    if (words.length <= 2) return 0.75;
    const start = m.index + value.length - words.slice(-2).join(" ").length;
    return { start, end: m.index + value.length, score: 0.75 };
  },
}));

/**
 * Organizations that the name pass cannot read from capitalized words: legal forms written before the name (ООО
 * «Теплосеть», PT Maju Bersama), company forms and kinds of organization in scripts without capitals (株式会社ミナト商事,
 * 연세대학교, مدرسة النور), and merchants on statement lines and card notices.
 */
export const organizationRecognizer = patternRecognizer({
  name: "organization",
  type: "ORGANIZATION",
  patterns: [
    {
      // ООО «Теплосеть-Сервис», ТОВ "Світанок", АО Казахтелеком.
      regex: new RegExp(
        `(?<![\\p{L}])(?:${CYRILLIC_FORMS})\\s(?:«[^»\\n]{2,40}»|"[^"\\n]{2,40}"|“[^”\\n]{2,40}”|${NAME_WORD}(?:\\s${NAME_WORD}){0,2})`,
        "gu",
      ),
      // The legal form makes it a firm, whatever given name or place its name holds: above the name pass's guesses.
      score: 0.85,
    },
    {
      // PT Maju Bersama Sejahtera, PT Telkom Indonesia Tbk: two capitalized words at least after "PT".
      regex: new RegExp(`(?<![\\p{L}])PT\\s(?:${NAME_WORD})(?:\\s${NAME_WORD}){1,3}`, "gu"),
      score: 0.85,
    },
    {
      // 株式会社ミナト商事, ミナト商事株式会社, (株)山田製作所, 有限会社, 合同会社.
      regex:
        /(?:株式会社|有限会社|合同会社|[（(]株[）)])\s?[\u30a0-\u30ff\u4e00-\u9fff\u3005]{2,16}|[\u30a0-\u30ff\u4e00-\u9fff\u3005]{2,16}(?:株式会社|有限会社|合同会社)/gu,
      requires: /株式会社|有限会社|合同会社|株[）)]/u,
      score: 0.8,
    },
    {
      // 주식회사 한빛, (주)한빛, 연세대학교, 신한은행, 서울대학교병원.
      regex:
        /(?:주식회사|[（(]주[）)]|㈜)\s?[\uac00-\ud7af]{2,10}|(?<![\uac00-\ud7af])[\uac00-\ud7af]{1,8}(?:대학교|대학|은행|병원|전자|그룹|증권|보험|재단|학교|공인중개사|부동산|약국|의원|한의원|치과|학원)(?=[^\uac00-\ud7af]|[은는이가을를의에와과도](?![\uac00-\ud7af])|에서|입니다|이에요|예요|으로|로(?![\uac00-\ud7af]))/gu,
      requires:
        /주식회사|주[）)]|㈜|대학|은행|병원|전자|그룹|증권|보험|재단|학교|공인중개사|부동산|약국|의원|치과|학원/u,
      score: 0.75,
    },
    {
      // مدرسة النور الدولية, جامعة القاهرة, بنك مصر: a kind of organization, then its name.
      regex:
        /(?<![\u0600-\u06ff])(?:مدرسة|جامعة|مستشفى|شركة|بنك|مصرف|مؤسسة|معهد|كلية|معمل|مختبر|مطعم|صيدلية|عيادة|فندق|جمعية)[ \t][\u0621-\u064a]{2,15}(?:[ \t](?!في|من|على|إلى|عن|مع)[\u0621-\u064a]{2,15}){0,2}/gu,
      requires: /مدرسة|جامعة|مستشفى|شركة|بنك|مصرف|مؤسسة|معهد|كلية|معمل|مختبر|مطعم|صيدلية|عيادة|فندق|جمعية/u,
      score: 0.75,
    },
    {
      // सिटी केयर हॉस्पिटल, स्टेट बैंक, त्रिभुवन विश्वविद्यालयको: one or two words, then a kind of organization, maybe
      // with a postposition glued on.
      regex:
        /(?<![\u0900-\u097f])[\u0900-\u097f]{2,15}(?:\s[\u0900-\u097f]{2,15})?\s(?:हॉस्पिटल|अस्पताल|बैंक|महाविद्यालय|विश्वविद्यालय|विद्यालय|कॉलेज|क्लिनिक|डायग्नोस्टिक्स|लैब|फार्मेसी|ट्रस्ट)(?=(?:को|का|की|के|में|ले|मा|बाट)?(?![\u0900-\u097f]))/gu,
      requires: /हॉस्पिटल|अस्पताल|बैंक|विद्यालय|कॉलेज|क्लिनिक|डायग्नोस्टिक्स|लैब|फार्मेसी|ट्रस्ट/u,
      score: 0.75,
    },
    ...KIND_AFTER_NAME,
    {
      // ハウスネット中目黒店, さくら小学校, 山田クリニック: a Japanese shop, branch, clinic or school, whose name holds
      // katakana or stands after a colon or a bracket (a kanji run alone may be a sentence: 明日病院へ).
      regex:
        /(?<![\u3040-\u30ff\u4e00-\u9fff])[\u3040-\u30ff\u4e00-\u9fff]{2,14}?(?:支店|本店|店|病院|医院|クリニック|薬局|小学校|中学校|高等学校|高校)(?![\u4e00-\u9fff])/gu,
      // Every match ends in one of these; kanji alone may match where a colon or a bracket stands before them.
      requires: inScript(KANA | HAN, /店|病院|医院|クリニック|薬局|学校|高校/u),
      score: 0.75,
      validate: (value, m, text) => {
        const before = text[m.index - 1] ?? "\n";
        if (/[\u3040-\u309f]/u.test(value))
          return /^[\u3040-\u309f]+(?:小学校|中学校|高校)$/u.test(value) && /[：:（(「『\s]/u.test(before)
            ? 0.75
            : null;
        return /[\u30a0-\u30ff]/u.test(value) || /[：:（(「『]/u.test(before) ? 0.75 : null;
      },
    },
    {
      // โรงพยาบาลศิริราช, ธนาคารกสิกรไทย, บริษัท...: Thai kinds of organization, written together with the name.
      regex: /(?:โรงแรม|โรงพยาบาล|บริษัท|ธนาคาร|โรงเรียน|มหาวิทยาลัย|คลินิก)[\u0e01-\u0e4e]{2,30}/gu,
      requires: /โรงแรม|โรงพยาบาล|บริษัท|ธนาคาร|โรงเรียน|มหาวิทยาลัย|คลินิก/u,
      score: 0.75,
    },
    {
      // "05.02.  05.02.  Kartenzahlung REWE Markt 4411 Lübeck   -37,45", "01/14  SPOTIFY P2B1C4D8E9   9.99".
      regex: STATEMENT_LINE,
      // Every match ends its line with an amount: a digit, a decimal mark and two digits.
      // Dates, a kind of payment, three words and 80 characters of reference: the amount is at most 260 characters on.
      anchor: { regex: /\d[.,]\d{2}[ \t]*$/mu, within: 260 },
      group: 1,
      score: 0.7,
      validate: (value, m, text) => {
        if (NOT_MERCHANTS.test(value)) return null;
        // A merchant in capitals, or one after the kind of payment; a capitalized word alone may be any booking.
        const kind = new RegExp(`(?:${PAYMENT_KINDS})[ \\t]+$`, "u").test(text.slice(m.index, m.indices![1]![0]));
        return kind || /^\p{Lu}[\p{Lu}&'’.-]+(?:[ \t]|$)/u.test(value) ? 0.7 : null;
      },
    },
    {
      // "Compra aprovada ... em PADARIA DOCE LAR", "debited ... to KIRAN STORES", "purchase at TESCO STORES": a
      // merchant in capitals after a card purchase.
      regex:
        /(?<![\p{L}])(?:[cC]ompra|[pP]urchased?|[sS]pent|[dD]ebited|[cC]harged|[pP]aid|[pP]ayment|[aA]chat|[pP]aiement|[pP]ago|[zZ]ahlung|[aA]cquisto|[pP]agamento)(?![\p{L}])[^\n]{0,80}?\s(?:at|to|em|en|à|chez|bei|in|presso|a|no|na)\s(\p{Lu}{2,}(?:[ \t&'’.-]{1,2}\p{Lu}[\p{Lu}\p{N}]*){0,3})(?![\p{L}\p{N}])/dgu,
      group: 1,
      score: 0.7,
      validate: (value) => (NOT_MERCHANT_CODES.test(value) ? null : 0.7),
    },
  ],
});
