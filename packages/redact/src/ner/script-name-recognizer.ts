import type { Recognizer, RecognizerResult } from "../recognizer";
import { cuedScriptNames } from "./cued-script-names";
import {
  ARABIC_GIVEN_NAMES,
  ARABIC_SURNAMES,
  DEVANAGARI_SURNAMES,
  HAN_GIVEN_NAMES,
  HAN_PLACES,
  HAN_SURNAMES,
  HANGUL_GIVEN_NAMES,
  HANGUL_SURNAMES,
  JAPANESE_SURNAMES,
  THAI_GIVEN_NAMES,
} from "./script-gazetteer";

// People's names in scripts without capitals (Chinese, Japanese, Korean, Arabic, Thai, Devanagari), where the name
// pass cannot see a name by its first letter. A name is read from what marks it: a form of address or a title after
// it (王先生, 佐藤部長, 민호 오빠), one before it (السيد, คุณ, श्री), a speaker's line in a chat, or a listed family name
// with a listed given name (王伟, 김민준, प्रिया शर्मा).

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

const HAN_FAMILY = words(`${HAN_SURNAMES} ${JAPANESE_SURNAMES}`);
const HAN_GIVEN = words(HAN_GIVEN_NAMES);
const HAN_PLACE_SET = words(`${HAN_PLACES} 北京 上海 广州 深圳 香港 台北 東京 大阪 京都`);
// Listed family name plus listed given name that is an everyday word too: 安静 "quiet", 高明 "brilliant".
const HAN_WORDS = words(
  "安静 文静 高明 高超 高强 严明 江山 金刚 常明 石英 高峰 高涨 万里 周全 白云 明白 高中 初中 小学 大学",
);
// Forms of address after a Chinese or Japanese name.
const HAN_ADDRESS =
  "先生|女士|小姐|太太|夫人|老师|老師|同学|同學|师傅|師傅|阿姨|叔叔|大哥|大姐|姐姐|哥哥|您好|你好|さん|さま|様|氏|くん|君|ちゃん|殿|先輩|先辈";
// Job titles after a Chinese or Japanese name: 王经理, 佐藤部長. Reported as TITLE.
const HAN_TITLE =
  "总经理|總經理|副总|副總|经理|經理|总监|總監|主任|主管|董事长|董事長|医生|醫生|教授|博士|律师|律師|处长|處長|科长|科長|局长|局長|院长|院長|校长|校長|部长|部長|課長|课长|社長|社长|係長|専務|常務|店長|店长|会長|會長|所長|总|總";
const HAN_CUE = new RegExp(`^(?:${HAN_ADDRESS}|(${HAN_TITLE}))`, "u");
// What stands right before or after a name in a Chinese sentence without being part of it.
const HAN_BEFORE = new Set([..."和跟给給叫找问問请請让讓与與及对對向见見带帶陪等是被把替告诉訴联聯约約"]);
const HAN_AFTER = new Set([
  ..."也说說和跟都在来來去是要会會的已刚剛还還今明昨打发發给給问問让讓请請您你呢吗嗎吧啊呀了过過同一不没沒就才又再",
]);
const HAN_RUN = /[\u4e00-\u9fff]+/gu;
// Kinds of organization that close a Chinese or Japanese name: 清华大学, 招商银行, 京都大学病院.
const HAN_ORG_KIND =
  /(?:大学|大學|学院|學院|银行|銀行|公司|集团|集團|医院|醫院|病院|研究所|研究院|株式会社|会社|會社|事务所|事務所|中学|高中|小学|小學|酒店|饭店|飯店)$/u;
// Characters that open no organization's name: what stands before one in a sentence (在清华大学, 去招商银行).
const HAN_ORG_STOP = new Set([..."在到去从從于於和跟与與的是我你他她们們这這那了给給向往为為对對把被让讓请請"]);

// The most common Korean family names (the generated list lacks 이 and 오): a three-syllable word opening with one
// is a full name when a cue marks it.
const HANGUL_COMMON_FAMILY = new Set([
  ..."김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민",
]);
const HANGUL_FAMILY = new Set([...words(HANGUL_SURNAMES), ...HANGUL_COMMON_FAMILY]);
const HANGUL_GIVEN = words(HANGUL_GIVEN_NAMES);
const HANGUL_CUE =
  /^[^\S\n]?(?:씨|님|선생님|교수님|부장님|과장님|팀장님|대리님|사장님|실장님|차장님|이사님|원장님|오빠|언니|누나|형|선배님|선배)(?:이|가|은|는|을|를|의|도|에게|한테|랑|과|와|께|께서)?(?![\uac00-\ud7af])/u;
// Particles glued after a Korean name: 민준이가, 지연한테, 수빈이랑.
const HANGUL_PARTICLE =
  /(?:이랑|랑|이가|이는|이도|이를|이의|이한테|에게서|에게|한테|께서|께|하고|과|와|은|는|이|가|을|를|의|도|만|아|야)$/u;
const HANGUL_WORD = /[\uac00-\ud7af]+/gu;

const ARABIC_GIVEN = words(ARABIC_GIVEN_NAMES);
const ARABIC_FAMILY = words(ARABIC_SURNAMES);
// Given names that are everyday words as well (hope, light, happy, generous, morning...): names only after a cue.
const ARABIC_WORDS = words(
  `أمل نور سعيد كريم جميل جميلة حسن صالح عادل أمين أمان منير هادي فاضل رحمة سلام هدى إيمان وفاء صباح فجر نجاح عزيز
  ضياء بدر قمر شمس زهرة ورد حنان وعد أماني سمر سحر حياة رضا مجد نصر فرح نبيل شريف باسم راشد ماجد حامد سالم غالي
  بسمة نسيم ربيع وسيم لطيف حكيم منى`,
);
// Words before a name in Arabic: titles and forms of address.
const ARABIC_CUE = words(
  `السيد السيدة الأستاذ الأستاذة أستاذ أستاذة الدكتور الدكتورة دكتور دكتورة د الشيخ الشيخة شيخ الحاج الحاجة حاج
  المهندس المهندسة مهندس م الأخ الأخت أخي أختي أخوي عزيزي عزيزتي يا سيد سيدة السادة الكابتن كابتن
  محترم محترمہ جناب جنابہ ڈاکٹر بیگم آقای خانم دکتر مهندس کاک خاتوو مامۆستا دکتۆر`,
);
// Arabic words no name is: pronouns, prepositions, conjunctions; what may follow a form of address without a name.
const ARABIC_STOP = words(
  `في من إلى الى على عن مع هذا هذه ذلك تلك هو هي هم أنا نحن أنت انت كل بعد قبل عند حتى ثم أو أم لا لم لن ما ماذا متى
  أين كيف هل قد كان كانت يكون التي الذي الذين رئيس مدير المدير الرئيس العزيز العزيزة الكريم الكريمة المحترم المحترمة`,
);
// With the letters Urdu, Persian and Kurdish add (ٹ, ڈ, ہ, ی, ە).
const ARABIC_WORD = /[\u0621-\u064a\u0671-\u06d5\u064b-\u065f\u0670]+/gu;
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/gu;

const THAI_GIVEN = words(THAI_GIVEN_NAMES);
// Forms of address before a Thai name; the weak ones (พี่ "elder", น้อง "younger") are also plain words.
// ช่าง "the craftsman" before a plumber's or a technician's name (ช่างวิชัย); ชื่อ "name" before a space and the name
// itself (แจ้งชื่อ ณัฐธิดา, "give the name Natthida").
const THAI_CUE = /(?:คุณ|นางสาว|นาย|นาง|น\.ส\.|ดร\.|อาจารย์|ครู|พี่|น้อง|ลุง|ป้า|น้า|ช่าง|ชื่อ)$/u;
const THAI_STRONG_CUE = /(?:คุณ|นางสาว|นาย|นาง|น\.ส\.|ดร\.|อาจารย์|ชื่อ)$/u;
// Words that end a name in running Thai (polite particles, verbs and conjunctions that follow a name).
const THAI_STOP =
  /^(?:ครับ|ค่ะ|คะ|นะ|จ้ะ|จ้า|ที่|จะ|และ|กับ|ได้|ไม่|มี|เป็น|ก็|ว่า|ให้|ไป|มา|อยู่|คือ|ช่วย|ขอ|ต้อง|เคย|ยัง|แล้ว|ด้วย|ของ|หรือ|ทำ)/u;
const THAI_NAME_END = /^(?:$|[\s\p{P}]|ครับ|ค่ะ|คะ|นะ|จ้ะ|จ้า)/u;
const THAI_RUN = /[\u0e01-\u0e4e]+/gu;

// Indian family names in Devanagari, and Nepali ones from the generated list: a word before one is a given name.
const DEVANAGARI_FAMILY = words(
  `शर्मा वर्मा गुप्ता सिंह पटेल यादव जैन अग्रवाल मिश्रा मिश्र तिवारी पांडे पाण्डेय पांडेय चौधरी श्रीवास्तव दुबे राव रेड्डी नायर मेहता
  शाह देसाई जोशी कपूर खन्ना मल्होत्रा बंसल सक्सेना त्रिपाठी शुक्ला चौहान ठाकुर राठौर भट्ट नेगी रावत बिष्ट सेन दास बोस घोष
  चटर्जी बनर्जी मुखर्जी चतुर्वेदी द्विवेदी अय्यर पिल्लई कुलकर्णी देशपांडे पाटिल गोयल मित्तल सहगल भाटिया अरोड़ा सेठी ${DEVANAGARI_SURNAMES}`,
);
const DEVANAGARI_CUE = words("श्री श्रीमती सुश्री श्रीमान डॉ डॉक्टर कुमारी प्रिय आदरणीय प्रोफेसर नमस्ते नमस्कार");
const DEVANAGARI_AFTER = words("जी साहब साहिब भैया दीदी बाबू सर मैडम");
// Hindi words no name is: pronouns, postpositions, auxiliaries.
const DEVANAGARI_STOP = words(
  `है हैं था थी थे और के की का को से में पर ने भी तो यह वह ये वो मैं हम आप तुम कि जो एक इस उस कल आज अब जब तक साथ लिए
  बहुत सब कुछ नहीं ना हाँ क्या कौन कैसे कहाँ मेरे मेरी मेरा हमारे आपके आपका आपकी उनके उनकी उनका श्री जी`,
);
const DEVANAGARI_WORD = /[\u0900-\u0963\u0971-\u097f]+/gu;

// A speaker's line in a chat: "王伟：明天见", "지연: 언니", "خالد: تمام", "ไรเดอร์ สมศักดิ์: ถึงแล้ว" (a role, then the name).
const SPEAKER =
  /^[ \t]*([\u4e00-\u9fff]{2,4}|[\uac00-\ud7af]{2,4}|[\u0621-\u064a\u064b-\u065f]{2,15}(?: [\u0621-\u064a\u064b-\u065f]{2,15})?|[\u0e01-\u0e4e]{2,20}(?: [\u0e01-\u0e4e]{2,20})?|[\u0900-\u097f]{2,15}(?: [\u0900-\u097f]{2,15})?)[ \t]?[:：][ \t]?(?=\S)/gmu;
// Roles that key a chat's turns in those scripts (the customer, the driver, the rider, the shop, "me"): no person's
// name, but no form's label either.
const CHAT_ROLES = words(
  `客服 客户 顾客 客人 司机 师傅 骑手 快递 快递员 外卖 卖家 买家 商家 店家 老板 我 系统 管理员 群主 房东 店員 お客様 客 運転手
  ドライバー 配達員 スタッフ 私 고객 기사 기사님 상담원 판매자 구매자 관리자 나 ลูกค้า ไรเดอร์ คนขับ แอดมิน พนักงาน ร้าน ร้านค้า
  ผู้ขาย ผู้ซื้อ เจ้าหน้าที่ ฉัน ผม العميل الزبون السائق المندوب الموظف الدعم أنا ग्राहक ड्राइवर एजेंट मैं`,
);
// Field labels in those scripts, which stand where a speaker would: 地址：, 주소:, العنوان:, ที่อยู่:, पता:.
const LABELS = words(
  `地址 电话 電話 姓名 名前 氏名 住所 时间 時間 日期 日時 金额 金額 价格 價格 数量 數量 备注 備考 备注 项目 項目 方式 费用 費用 单价 單價
  合计 合計 总计 總計 编号 編號 番号 宛先 件名 場所 连络 連絡先 会社 担当 担当者 邮箱 郵箱 邮件 郵件 主题 主題 内容 內容 注意 说明 說明
  주소 전화 이름 날짜 시간 장소 메모 참고 제목 금액 가격 수량 연락처 이메일 내용 결제 번호 주의 안내
  الاسم العنوان الهاتف التاريخ الوقت المكان البريد ملاحظة الموضوع المبلغ السعر الرقم الجوال هاتف عنوان اسم تاريخ
  ชื่อ ที่อยู่ โทร วันที่ เวลา สถานที่ หมายเหตุ อีเมล ราคา จำนวน หัวข้อ
  नाम पता फ़ोन फोन तारीख तिथि समय स्थान विषय ईमेल राशि नोट`,
);

const HAS_SCRIPT =
  /[\u0531-\u0556\u0590-\u06ff\u0900-\u0dff\u0e00-\u0eff\u10d0-\u10ff\u1200-\u137f\u1780-\u17ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/u;

/**
 * Names of people in Chinese, Japanese, Korean, Arabic, Thai and Devanagari text, read by cue and list, and in more
 * scripts by cue alone (see cuedScriptNames).
 */
export function scriptNameRecognizer(): Recognizer {
  return {
    name: "script-names",
    types: ["PERSON", "TITLE", "ORGANIZATION"],
    analyze(text: string): RecognizerResult[] {
      if (!HAS_SCRIPT.test(text)) return [];
      const found: RecognizerResult[] = [];
      if (/[\u4e00-\u9fff]/u.test(text)) hanNames(text, found);
      if (/[\uac00-\ud7af]/u.test(text)) hangulNames(text, found);
      if (/[\u0621-\u064a]/u.test(text)) arabicNames(text, found);
      if (/[\u0e01-\u0e4e]/u.test(text)) thaiNames(text, found);
      if (/[\u0900-\u097f]/u.test(text)) devanagariNames(text, found);
      cuedScriptNames(text, found);
      speakers(text, found);
      return found;
    },
  };
}

const person = (start: number, end: number, score: number): RecognizerResult => ({
  start,
  end,
  type: "PERSON",
  score,
});

/** The length of the listed family name that opens `s` (two characters tried first, then one), or 0. */
function hanFamily(s: string): number {
  if (s.length >= 3 && HAN_FAMILY.has(s.slice(0, 3))) return 3;
  if (s.length >= 2 && HAN_FAMILY.has(s.slice(0, 2))) return 2;
  return s.length >= 1 && HAN_FAMILY.has(s[0]!) ? 1 : 0;
}

function hanNames(text: string, found: RecognizerResult[]): void {
  HAN_RUN.lastIndex = 0;
  for (let m = HAN_RUN.exec(text); m !== null; m = HAN_RUN.exec(text)) {
    const run = m[0];
    const at = m.index;
    // A form of address or a title after a family name and up to two more characters: 王先生, 王伟先生, 佐藤部長.
    // The kana of さん, 様 lie outside the run, so the text after the run is read too.
    const tail = text.slice(at, at + run.length + 3);
    // Characters already in a name read from a cue.
    const taken = new Uint8Array(run.length);
    for (let q = 1; q <= run.length; q++) {
      const cue = HAN_CUE.exec(tail.slice(q));
      if (!cue) continue;
      let best = 0;
      for (let k = 1; k <= Math.min(5, q); k++) {
        const name = run.slice(q - k, q);
        const family = hanFamily(name);
        if (!family || k - family > 2) continue;
        // A listed given name after the family name decides; otherwise the shortest reading wins (王先生 over 明天王).
        if (HAN_GIVEN.has(name.slice(family)) || name.length === family) best = k;
        else if (!best) best = k;
        if (HAN_GIVEN.has(name.slice(family))) break;
      }
      if (!best) continue;
      found.push(person(at + q - best, at + q, 0.75));
      taken.fill(1, q - best, q);
      if (cue[1]) found.push({ start: at + q, end: at + q + cue[1].length, type: "TITLE", score: 0.7 });
    }
    hanOrganizations(run, at, found);
    // A listed family name with a listed given name, standing apart: 王伟：, ，李娜也来, 張家豪您好.
    for (let p = 0; p < run.length; p++) {
      if (taken[p]) continue;
      if (p > 0 && !HAN_BEFORE.has(run[p - 1]!)) continue;
      const family = hanFamily(run.slice(p));
      if (!family) continue;
      for (const g of [2, 1]) {
        const end = p + family + g;
        if (end > run.length) continue;
        const name = run.slice(p, end);
        if (!HAN_GIVEN.has(name.slice(family)) || HAN_WORDS.has(name)) continue;
        if (end < run.length && !HAN_AFTER.has(run[end]!)) continue;
        found.push(person(at + p, at + end, 0.7));
        p = end - 1;
        break;
      }
    }
  }
}

/**
 * Organizations in a run of Chinese characters: two to six characters before a kind of organization, cut after a
 * listed place or a word that stands before names ("在北京清华大学" gives 清华大学).
 */
function hanOrganizations(run: string, at: number, found: RecognizerResult[]): void {
  for (let end = 3; end <= run.length; end++) {
    const kind = HAN_ORG_KIND.exec(run.slice(Math.max(0, end - 4), end));
    if (!kind) continue;
    const kindStart = end - kind[0].length;
    let start = kindStart;
    while (start > 0 && kindStart - start < 6 && !HAN_ORG_STOP.has(run[start - 1]!)) start--;
    // "北京清华大学": the city before the name is where it is, not part of it.
    for (let k = start; k < kindStart - 1; k++) {
      if (HAN_PLACE_SET.has(run.slice(start, k + 1)) && k + 1 < kindStart) {
        start = k + 1;
        break;
      }
    }
    if (kindStart - start < 2) continue;
    // Above a place inside it: 京都大学 is the university, not Kyoto.
    found.push({ start: at + start, end: at + end, type: "ORGANIZATION", score: 0.8 });
  }
}

/** Whether a Korean word is a person's name: a listed given name, or a family name with one. */
function hangulName(word: string, cued: boolean): boolean {
  if (HANGUL_GIVEN.has(word)) return true;
  for (const f of [1, 2]) {
    if (word.length > f && HANGUL_FAMILY.has(word.slice(0, f)) && HANGUL_GIVEN.has(word.slice(f))) return true;
  }
  return cued && word.length === 3 && HANGUL_COMMON_FAMILY.has(word[0]!);
}

function hangulNames(text: string, found: RecognizerResult[]): void {
  HANGUL_WORD.lastIndex = 0;
  for (let m = HANGUL_WORD.exec(text); m !== null; m = HANGUL_WORD.exec(text)) {
    const word = m[0];
    const cuedAfter = HANGUL_CUE.test(text.slice(m.index + word.length, m.index + word.length + 8));
    // The word as it stands, then without a particle (민준이가, 지연한테): 하은 ends like a particle and is a name.
    for (const form of [word, word.replace(HANGUL_PARTICLE, "")]) {
      // A cue glued to the name: 민준씨, 지연님, 민호오빠.
      const glued = /(?:씨|님|선생님|오빠|언니|누나|선배)$/u.exec(form);
      const base = glued ? form.slice(0, -glued[0].length) : form;
      const cued = !!glued || cuedAfter;
      if (base.length < 2 || base.length > 4) continue;
      // Without a cue only a family name with a listed given name: a given name alone is often a word (지연 "delay").
      const full = base.length >= 3 && hangulName(base, false) && !HANGUL_GIVEN.has(base);
      if (full || (cued && hangulName(base, true))) {
        found.push(person(m.index, m.index + base.length, cued ? 0.8 : 0.7));
        break;
      }
    }
  }
}

function arabicKey(word: string): string {
  return word.replace(ARABIC_MARKS, "");
}

function arabicNames(text: string, found: RecognizerResult[]): void {
  const tokens: { start: number; end: number; key: string }[] = [];
  ARABIC_WORD.lastIndex = 0;
  for (let m = ARABIC_WORD.exec(text); m !== null; m = ARABIC_WORD.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, key: arabicKey(m[0]) });
  }
  const listed = (key: string) => ARABIC_GIVEN.has(key) || ARABIC_FAMILY.has(key);
  // Only a space between two words keeps them in one name: a comma or a line break ends it.
  const joined = (a: number, b: number) => /^[ \u00a0]$/u.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let start = t.start;
    let j = -1;
    // "د. محمود", "أستاذ محمود", "يا خالد": the word after a title or a form of address.
    const prev = tokens[i - 1];
    // A one-letter title is an abbreviation only with its dot: "د. سامي", "م. خالد"; forms write "السيد/ خالد".
    const cue =
      prev &&
      ARABIC_CUE.has(prev.key) &&
      (prev.key.length > 1 ? /^[./]?[ \u00a0]$/u : /^\.[ \u00a0]?$/u).test(text.slice(prev.end, t.start)) &&
      !ARABIC_STOP.has(t.key) &&
      !ARABIC_CUE.has(t.key);
    if (cue) j = i;
    else {
      // A listed given name that is no everyday word, also after "و" (and): "وخالد".
      const key = ARABIC_GIVEN.has(t.key) ? t.key : t.key.startsWith("و") ? t.key.slice(1) : "";
      if (key && ARABIC_GIVEN.has(key) && !ARABIC_WORDS.has(key) && !ARABIC_CUE.has(prev?.key ?? "")) {
        j = i;
        if (key !== t.key) start = t.start + 1;
      }
    }
    if (j < 0) continue;
    // "محمد بن سلمان", "عبد الله", "أحمد الشريف": more listed names, or "بن"/"عبد" and the word after it.
    while (j + 1 < tokens.length && joined(j, j + 1)) {
      const next = tokens[j + 1]!.key;
      if (
        (next === "بن" || next === "بنت" || next === "ابن" || next === "أبو") &&
        j + 2 < tokens.length &&
        joined(j + 1, j + 2)
      )
        j += 2;
      else if (listed(next) && !ARABIC_WORDS.has(next)) j++;
      else if (tokens[j]!.key === "عبد") j++;
      else break;
    }
    found.push(person(start, tokens[j]!.end, cue ? 0.8 : 0.65));
    i = j;
  }
}

function thaiNames(text: string, found: RecognizerResult[]): void {
  THAI_RUN.lastIndex = 0;
  for (let m = THAI_RUN.exec(text); m !== null; m = THAI_RUN.exec(text)) {
    // The cue may be glued to the name (คุณสมชาย) or stand before a space (คุณ สมชาย).
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    const spaced = /[ \u00a0]$/u.test(before) && THAI_CUE.test(before.trimEnd());
    const run = m[0];
    let from = -1;
    let strong = false;
    if (spaced) {
      from = 0;
      strong = THAI_STRONG_CUE.test(before.trimEnd());
    } else {
      // "ขอบคุณ" is "thank you": คุณ there is no form of address.
      const c = /^(.*?)(คุณ|นางสาว|นาย|นาง|ดร\.|อาจารย์|ครู|พี่|น้อง|ลุง|ป้า|น้า|ช่าง)/u.exec(run);
      if (c && !c[1]!.endsWith("ขอบ") && !/ขอบ$/u.test(c[1]!)) {
        from = c[0].length;
        strong = THAI_STRONG_CUE.test(c[2]!);
      }
    }
    if (from < 0 || from >= run.length) continue;
    const rest = run.slice(from);
    // The longest listed given name the rest opens with.
    let len = 0;
    for (let k = Math.min(rest.length, 16); k >= 2; k--) {
      if (THAI_GIVEN.has(rest.slice(0, k))) {
        len = k;
        break;
      }
    }
    if (!len && strong) {
      // Not listed: after a strong form of address, the letters up to a space, a polite particle or the end of the
      // run, when no verb or particle opens them ("คุณจะไป", "you will go", names nobody).
      if (THAI_STOP.test(rest)) continue;
      let k = 2;
      while (k <= Math.min(rest.length, 14) && !THAI_NAME_END.test(rest.slice(k))) k++;
      if (k <= 14 && THAI_NAME_END.test(rest.slice(k))) len = k;
    }
    if (len >= 2) found.push(person(m.index + from, m.index + from + len, strong ? 0.8 : 0.7));
  }
}

function devanagariNames(text: string, found: RecognizerResult[]): void {
  const tokens: { start: number; end: number; word: string }[] = [];
  DEVANAGARI_WORD.lastIndex = 0;
  for (let m = DEVANAGARI_WORD.exec(text); m !== null; m = DEVANAGARI_WORD.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  const joined = (a: number, b: number) => /^\.?[ \u00a0]$/u.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  const nameLike = (w: string) => !DEVANAGARI_STOP.has(w) && !DEVANAGARI_CUE.has(w) && !DEVANAGARI_AFTER.has(w);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!nameLike(t.word)) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const cued = prev !== undefined && DEVANAGARI_CUE.has(prev.word) && joined(i - 1, i);
    const suffixed = next !== undefined && DEVANAGARI_AFTER.has(next.word) && joined(i, i + 1);
    const family = next !== undefined && DEVANAGARI_FAMILY.has(next.word) && joined(i, i + 1);
    if (!cued && !suffixed && !family) continue;
    // A given name with the family name after it: "प्रिया शर्मा", "श्री राजेश कुमार गुप्ता".
    let j = i;
    while (j + 1 < tokens.length && joined(j, j + 1) && DEVANAGARI_FAMILY.has(tokens[j + 1]!.word) && j - i < 2) j++;
    if (j === i && !cued && !suffixed) continue;
    found.push(person(t.start, tokens[j]!.end, cued || family ? 0.8 : 0.7));
    i = j;
  }
}

/** Speakers of a chat in these scripts, when two lines or more open that way and no form label is among them. */
function speakers(text: string, found: RecognizerResult[]): void {
  if (!text.includes(":") && !text.includes("：")) return;
  const lines: [number, string][] = [];
  SPEAKER.lastIndex = 0;
  for (let m = SPEAKER.exec(text); m !== null; m = SPEAKER.exec(text)) {
    lines.push([m.index + m[0].indexOf(m[1]!), m[1]!]);
  }
  if (lines.length < 2 || lines.some(([, name]) => LABELS.has(name) || LABELS.has(arabicKey(name)))) return;
  // Keys that come back take turns: a conversation, not a notice under its heading.
  const keys = new Set<string>();
  let turns = false;
  for (const [, name] of lines) {
    if (keys.has(name)) turns = true;
    keys.add(name);
  }
  for (const [at, key] of lines) {
    if (CHAT_ROLES.has(key)) continue;
    // "ไรเดอร์ สมศักดิ์": the role, then the person who holds it.
    const space = key.indexOf(" ");
    const role = space > 0 && CHAT_ROLES.has(key.slice(0, space));
    const start = role ? at + space + 1 : at;
    const name = role ? key.slice(space + 1) : key;
    // A Chinese speaker opens with a family name, or goes by a name of their own ("小雨", "婷婷") in a conversation; a
    // line that does neither is a heading ("通知：").
    if (/^[\u4e00-\u9fff]/u.test(name) && !hanFamily(name) && !turns) continue;
    if (/^ال/u.test(name) && !ARABIC_FAMILY.has(arabicKey(name))) continue;
    found.push(person(start, start + name.length, 0.75));
  }
}
