import type { EntityType } from "../entity-type";
import type { Recognizer, RecognizerResult } from "../recognizer";
import { ssaValid } from "../validation/ssa";

/**
 * A key as the tables below list it: lower case, letters and their marks only ("full_name", "fullName" and "Full Name"
 * are all "fullname"; numbered keys such as "line1" or "address_2" name the same field; "प्रेषक" keeps its vowel signs).
 */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{M}]/gu, "");
}

// Field names that say what their value is, in the covered languages, written as a key is normalized: lower case,
// letters only ("full_name", "fullName" and "Full Name" are all "fullname").
const FIELD_TYPES: ReadonlyMap<string, EntityType> = new Map(
  (
    [
      [
        "PERSON",
        `name fullname firstname lastname first last surname givenname givennames familyname middlename forename
        forenames username nickname owner customer customername client clientname contactname employee employeename patient patientname cardholder accountholder accountname payee
        payer recipient sender passenger guest applicant insured reporter assignee author signatory witness
        beneficiary tenant landlord driver nom prénom prenom nomcomplet titulaire vorname nachname familienname
        kontoinhaber kunde empfänger absender nombre nombres apellido apellidos nombrecompleto titular cliente nome
        cognome nomecompleto sobrenome naam voornaam achternaam klant imię imie nazwisko imięinazwisko ad soyad
        adsoyad isim müşteri legalname preferredname displayname nameonfile contactperson organizer organiser
        caregiver guardian mechanic technician courier broker realtor coordinator coordinadora coordinador corredor
        corredora ansprechpartner ansprechpartnerin mieterin vermieterin kontaktperson interlocuteur contato
        contacto referente имя фамилия отчество фио клиент получатель отправитель пациент арендатор кому όνομα
        επώνυμο ονοματεπώνυμο ένοικος πελάτης παραλήπτης họtên hovàtên họvàtên kháchhàng hànhkhách ngườinhận nama
        namalengkap penerima pengirim pelanggan 氏名 名前 お名前 担当 担当者 姓名 联系人 收件人 客户 이름 성명
        담당자 받는사람 고객 الاسم שם नाम ชื่อ フリガナ ふりがな 氏名カナ 성 이름 นามสกุล անուն ազգանուն հայրանուն
        სახელი გვარი שםפרטי שםמשפחה נמען שולח নাম பெயர் పేరు ಹೆಸರು പേര് ನಾಮ ስም نام نامخانوادگی ім'я імя прізвище tên
        contact kontakt contacto contato contatto contactpersoon kontaktní kontaktinis kontaktné
        fahrer fahrerin chauffeur conducteur conductor chofer motorista kierowca vairuotojas šoför sürücü dereva
        водитель водій शिक्षक चालक ड्राइवर ئامادەکار
        servedby preparedby approvedby requestedby submittedby assignedto assignee bookedby reportedby createdby
        signedby attn interviewer interviewee chair chairperson secretary treasurer facilitator notetaker minutetaker
        erstelltvon bearbeiter bearbeiterin sachbearbeiter sachbearbeiterin rédigépar préparépar atendidopor
        preparadopor elaboradopor redattoda preparatoda opgesteldoor behandelddoor
        差出人 宛先 送信者 受信者 面接官 候補者 主催者 参加者 出席者 发件人 寄件者 寄件人 收件者 组织者 組織者
        参会人 參加者 参加人 出席人 负责人 負責人 申请人 申請人 보낸사람 받는사람 보낸이 받는이 참석자 작성자 מאת אל
        המשתתפים المرسل المستلم من إلى فرستنده گیرنده ከ ለ প্রেরক প্রাপক प्रेषक प्राप्तकर्ता ผู้ส่ง ผู้รับ от`,
      ],
      [
        "LOCATION",
        `city town village country placeofbirth birthplace ville pays lieudenaissance stadt ort wohnort land
        geburtsort ciudad país pais localidad città citta paese cidade naturalidade plaats woonplaats miasto kraj
        şehir sehir il ülke քաղաք ქალაქი город місто 市区町村 城市 도시 المدينة עיר शहर`,
      ],
      [
        "ADDRESS",
        `address street streetaddress addressline line homeaddress postaladdress adresse rue straße strasse
        anschrift dirección direccion calle indirizzo via endereço endereco rua adres straat ulica adresi 住所 地址
        주소 العنوان כתובת पता ที่อยู่ địachỉ адрес адреса`,
      ],
      [
        "ID",
        `passport passportno passportnumber passportnr idnumber idno nationalid nationalidnumber identitycard idcard
        licence license licencenumber licensenumber driverslicence driverslicense dni nie nif cpf pesel tckn
        aadhaar personalausweis ausweisnummer reisepass reisepassnummer passeport numérodepasseport pasaporte
        passaporto paspoort passaporte documentnumber documento rfc curp nss rut cuit cuil cedula cédula nit
        dui nik ktp npwp nric cnic ppsn bsn personnummer fødselsnummer hetu henkilötunnus kennitala oib jmbg
        emšo egn amka afm codicefiscale steuerid steueridentifikationsnummer svnr sozialversicherungsnummer nir
        memberid membernumber memberno policynumber policyno patientid mrn medicalrecordnumber indangamuntu
        תז זהות жсн иин инн снилс 在留カード番号 マイナンバー 身份证号 身分證字號 주민등록번호`,
      ],
      [
        "TITLE",
        `jobtitle position role occupation designation profession beruf funktion stellung poste fonction métier
        cargo puesto ocupación ocupacion profesión ruolo mansione qualifica functie beroep profissão função
        stanowisko zawód meslek unvan görev 職種 希望職種 役職 肩書 职位 職位 직위 직책 업무내용`,
      ],
      [
        "NRP",
        `nationality citizenship nationalität staatsangehörigkeit nationalité nacionalidad nazionalità
        cittadinanza nacionalidade nationaliteit obywatelstwo uyruk religion`,
      ],
      ["US_SSN", "ssn ssno ssnumber socialsecurity socialsecuritynumber socialsecurityno socsec"],
      [
        "ORGANIZATION",
        `company companyname organization organisation employer currentemployer creditor merchant firma firmenname
        unternehmen arbeitgeber gläubiger société entreprise employeur créancier empresa compañía compania empleador
        acreedor azienda società datoredilavoro creditore bedrijf werkgever organisatie schuldeiser companhia
        empregador credor pracodawca wierzyciel şirket işveren`,
      ],
      ["AGE", "age alter âge edad età leeftijd idade wiek возраст yaş usia umur ålder alder ikä"],
      ["ZIP_CODE", "zip zipcode postcode postalcode plz postleitzahl cp codepostal códigopostal cap cep postcodenl"],
      [
        "DATE_TIME",
        `dob dateofbirth birthdate birthday born geburtsdatum gebdatum datedenaissance fechadenacimiento
        datadinascita datadenascimento geboortedatum datauro doğumtarihi ծննդյանամսաթիվ დაბადებისთარიღი датарождения
        生年月日 出生日期 생년월일 تاريخالميلاد`,
      ],
    ] as const
  ).flatMap(([type, names]) => names.split(/\s+/).map((n) => [normalizeKey(n), type as EntityType] as const)),
);
// Column names that say what a table holds but would say too little before a colon in running text: "Title:" heads a
// document's title as often as a job, "Partner:" a spouse as often as a firm.
const COLUMN_TYPES: ReadonlyMap<string, EntityType> = new Map([
  ...FIELD_TYPES,
  ...(
    [
      ["TITLE", "title titel titre título titolo"],
      [
        "ORGANIZATION",
        "partner vendor supplier lieferant fournisseur proveedor fornitore leverancier fornecedor dostawca bank",
      ],
    ] as const
  ).flatMap(([type, names]) => names.split(/\s+/).map((n) => [normalizeKey(n), type as EntityType] as const)),
]);

/** Whether a word is the name of a field this recognizer reads ("Name", "Vorname", "city"), not a value. */
export function isFieldName(key: string): boolean {
  return FIELD_TYPES.has(normalizeKey(key));
}

const JSON_FIELD = /"([\p{L}_ .-]{1,30})"\s?:\s?"([^"\n]{1,100})"/gu;
// "name: Anna Weber", "- name: Anna", "Geb.-Datum: 03.07.1961": a key at a line start (or after two spaces or a
// bar, as on a scanned form), a colon, and the value up to the next such gap.
// Also: fields joined by a middle dot ("Nom : Haddad · Prénom : Rim"), the full-width colon of Chinese and Japanese
// forms ("氏名：高橋 美咲"), and dot leaders instead of a colon ("Name ........ Thanh Nguyễn-Lê").
const LINE_FIELD =
  /(?:^|[ \t]{2,8}|\|[ \t]{0,4}|[ \t][·•][ \t])(?:-[ \t])?([\p{L}][\p{L}\p{M}_ .-]{0,29}?)(?:[ \t]?[:：]|[ \t]\.{3,40})[ \t]{0,4}([^\n]{1,100}?)(?= {2}|\t|\s\|| ?; |[ \t][·•][ \t]|\r?$)/gmu;
const DELIMITERS = ["\t", ";", "|", ","] as const;

/** Whether a value looks like what a field of `type` holds, so that "name: see below" is left alone. */
function plausible(type: EntityType, value: string): boolean {
  if (value.length < 2 || value.includes("@") || value.includes("://")) return false;
  if (
    !/\p{L}/u.test(value) &&
    type !== "DATE_TIME" &&
    type !== "AGE" &&
    type !== "ZIP_CODE" &&
    type !== "ID" &&
    type !== "US_SSN"
  )
    return false;
  switch (type) {
    case "PERSON":
      // A person's name has at most five words and a capital ("facilities" in an owner column is no one), unless
      // it is written in a script without capitals ("高橋 美咲", "Δήμητρα" has them); user names may instead hold
      // digits, dots and underscores ("rose.hill", "willgrant88"). A line said after a role's key ("Driver: Ok I'm
      // coming.") asks, exclaims or ends on a word's full stop, which no name does ("Jr." keeps one letter before it).
      return (
        value.split(/\s+/).length <= 5 &&
        !/[?!]|\p{Ll}{2}\.$/u.test(value) &&
        /^[\p{L}\p{M}][\p{L}\p{M}\p{N}'’ ,./_-]*$/u.test(value) &&
        (/\p{Lu}/u.test(value) || /[\d._]/.test(value) || CASELESS.test(value))
      );
    case "LOCATION":
      return value.split(/\s+/).length <= 4 && !/\d/.test(value);
    case "ID":
      // A document number: digits, at most a few groups, no words.
      return /\d/.test(value) && value.length >= 5 && value.length <= 24 && value.split(/\s+/).length <= 4;
    case "TITLE":
      return value.split(/\s+/).length <= 5 && !/\d/.test(value);
    case "ORGANIZATION":
      // A firm's name: a few words, one with a capital ("none", "self-employed" are no firm).
      return (
        value.split(/\s+/).length <= 6 &&
        (/\p{Lu}/u.test(value) || CASELESS.test(value)) &&
        /^[\p{L}\p{N}]/u.test(value)
      );
    case "NRP":
      return value.split(/\s+/).length <= 3 && !/\d/.test(value) && /^\p{Lu}/u.test(value);
    case "ZIP_CODE":
      return /\d/.test(value) && value.length <= 10;
    case "US_SSN": {
      const m = /^(\d{3})([- .]?)(\d{2})\2(\d{4})$/.exec(value);
      return m !== null && ssaValid(m[1]!, m[3]!, m[4]!);
    }
    case "DATE_TIME":
      return /\d/.test(value) && value.length <= 30;
    case "AGE":
      return /^\d{1,3}$/.test(value) && Number(value) <= 120;
    default:
      return /\p{L}/u.test(value) && value.length <= 80;
  }
}

// Letters of scripts that have no capitals, where a name shows no capital either.
const CASELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Ethiopic}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Georgian}]/u;
// A form of address after a name in Japanese, or a reading in brackets after it: "渡辺 陽子 様", "高橋 美咲（たかはし）".
const NAME_TAIL = /\s?(?:様|さま|さん|殿|先生|氏|님|씨)$|\s?[（(][^）)]*[）)]?$/u;

function push(out: RecognizerResult[], type: EntityType, start: number, raw: string): void {
  // Trim spaces and quotes; a trailing comma or semicolon closes a field, not the value.
  const lead = raw.length - raw.trimStart().replace(/^["']/, "").length;
  let value = raw
    .trim()
    .replace(/^["']|["',;]$/g, "")
    .trim();
  if (type === "PERSON") {
    // "渡辺 沙織 <s.watanabe@example.jp>": the address after a sender's name is a value of its own.
    value = value.replace(/\s*<[^<>\n]*>?$/u, "");
    // "李娜、陈志强、赵婷婷", "佐藤 健一（人事部長）、山本 由美（営業本部長）": a list of people, each a name.
    if (/[、，]/u.test(value)) {
      let at = 0;
      for (const item of value.split(/[、，]/u)) {
        const skip = item.length - item.trimStart().length;
        push(out, type, start + lead + at + skip, item.trim());
        at += item.length + 1;
      }
      return;
    }
    // "Corredora: Macarena Vial, +56 9 8431 2276": what follows a comma is another field when it is no word, or,
    // after a name in lower case, a credential or role in capitals ("Stefan Ionescu, CFO"; "LEE, ANNA" is one name).
    value = value.replace(/,\s*[^\p{L}\s].*$/u, "");
    // "Водитель: Ержан Болатович Сейткали, паспорт N12847193, тел. ...": a word in lower case after a comma opens
    // another field of the line; what is left must then be a name of capitalized words ("Customer: Hello po, si
    // ..." is a transcript's line). A part after a comma holding a digit is another field too ("Patel, DL GJ05 ...").
    const cut = value.replace(/,\s*\p{Ll}.*$/u, "").replace(/,[^,]*\d.*$/u, "");
    if (cut !== value && !/^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s\p{Lu}[\p{L}\p{M}'’.-]*){0,4}$/u.test(cut)) return;
    value = cut;
    if (/^[^,]*\p{Ll}[^,]*,/u.test(value)) value = value.replace(/,\s*\p{Lu}{2,5}(?:,\s*\p{Lu}{2,5})*$/u, "");
    value = value.replace(NAME_TAIL, "").trimEnd();
  }
  // "14.05.1990 (35 Jahre)": what the brackets add after a date is another value, left to its own recognizer.
  // So is an age after a comma: "03.09.1967, 58 лет", "1996年7月3日（満29歳）".
  if (type === "DATE_TIME") value = value.replace(/[^\S\n]*[(（][^)）]*[)）]?$|,[^\S\n]*\d{1,3}[^\S\n]\p{L}.*$/u, "");
  if (!plausible(type, value)) return;
  out.push({ start: start + lead, end: start + lead + value.length, type, score: 0.85 });
}

/** Cells of one line split on `delimiter`, with their offsets; quotes hold delimiters in CSV. */
function cells(line: string, delimiter: string): [number, string][] {
  const out: [number, string][] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    if (i === line.length || (c === delimiter && !quoted)) {
      out.push([start, line.slice(start, i)]);
      start = i + 1;
    }
  }
  return out;
}

/** Tables with a header row: values under a column named "name", "Vorname", "city"... */
function tables(text: string, out: RecognizerResult[]): void {
  const lines: [number, string][] = [];
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    lines.push([at, text.slice(at, end).replace(/\r$/, "")]);
    at = end + 1;
  }
  for (let h = 0; h + 1 < lines.length; h++) {
    const header = lines[h]![1];
    for (const d of DELIMITERS) {
      if (!header.includes(d)) continue;
      const head = cells(header, d);
      if (head.length < 2) continue;
      // A cell longer than any field name makes this a line of prose, not a header: checked before the names are
      // normalized, since most lines of a message hold a comma.
      // A colon makes it a line of fields or JSON ("生年月日": "1991-07-22",), whose values are no column names.
      if (head.some(([, name]) => name.trim().length > 30 || /[:：]/u.test(name))) continue;
      const types = head.map(([, name]) => COLUMN_TYPES.get(normalizeKey(name.replace(/^\s*"|"\s*$/g, ""))));
      if (!types.some(Boolean)) continue;
      let r = h + 1;
      for (; r < lines.length; r++) {
        const [offset, line] = lines[r]!;
        const row = cells(line, d);
        if (row.length !== head.length) break;
        row.forEach(([at, value], k) => {
          const type = types[k];
          if (type) push(out, type, offset + at, value);
        });
      }
      if (r > h + 1) h = r - 1;
      break;
    }
  }
}

// vCard properties (RFC 6350) and what their values hold. N and ADR are lists of parts separated by semicolons.
const VCARD_TYPES: Readonly<Record<string, EntityType>> = {
  N: "PERSON",
  FN: "PERSON",
  NICKNAME: "PERSON",
  ORG: "ORGANIZATION",
  TITLE: "TITLE",
  ROLE: "TITLE",
  BDAY: "DATE_TIME",
};
// ADR's parts: post office box, extended address, street, locality, region, postal code, country.
const ADR_PARTS: readonly (EntityType | null)[] = [
  null,
  "ADDRESS",
  "ADDRESS",
  "LOCATION",
  "LOCATION",
  "ZIP_CODE",
  "LOCATION",
];
const VCARD_LINE = /^(N|FN|NICKNAME|ORG|TITLE|ROLE|BDAY|ADR)(?:;[^:\n]*)?:([^\n]*)$/gmu;

/** The parts of a vCard's properties: names, organization, title, birthday and the parts of each address. */
function vcards(text: string, out: RecognizerResult[]): void {
  VCARD_LINE.lastIndex = 0;
  for (let m = VCARD_LINE.exec(text); m !== null; m = VCARD_LINE.exec(text)) {
    const key = m[1]!;
    let at = m.index + m[0].length - m[2]!.length;
    m[2]!
      .replace(/\r$/, "")
      .split(";")
      .forEach((part, k) => {
        const type = key === "ADR" ? ADR_PARTS[k] : VCARD_TYPES[key];
        // ORG's later parts are its units; a title or birthday is one value.
        if (type && part.trim() !== "" && (k === 0 || key === "N" || key === "ADR")) push(out, type, at, part);
        at += part.length + 1;
      });
  }
}

// "INSERT INTO people (first_name, last_name, city) VALUES ('Ana', 'Lima', 'Recife'), (...);": the columns, then rows.
const SQL_INSERT = /insert\s+into\s+[\p{L}\p{N}_."`[\]]{1,64}\s*\(([^()\n]{1,400})\)\s*values\s*/giu;
// One value of a row: a quoted string (a doubled quote inside it is a quote), or a bare number or word.
// Bounded, so that a long run of spaces costs no more than a short one.
const SQL_VALUE = /[^\S\n]{0,40}(?:'((?:[^'\n]|''){0,400})'|([^,()'\s]{0,100}))[^\S\n]{0,40}(?=[,)])/uy;

/** The values of SQL INSERT statements, typed by their columns' names. */
function sqlInserts(text: string, out: RecognizerResult[]): void {
  SQL_INSERT.lastIndex = 0;
  for (let m = SQL_INSERT.exec(text); m !== null; m = SQL_INSERT.exec(text)) {
    const types = m[1]!.split(",").map((c) => FIELD_TYPES.get(normalizeKey(c.replace(/["`[\]]/g, ""))));
    if (!types.some(Boolean)) continue;
    let at = m.index + m[0].length;
    // Rows until the statement ends: "(...), (...);".
    // A value this rule does not read ("NOW()") ends this statement's rows, not the reading of later statements.
    let readable = true;
    while (readable && text[at] === "(") {
      at++;
      for (let k = 0; ; k++) {
        SQL_VALUE.lastIndex = at;
        const v = SQL_VALUE.exec(text);
        if (!v) {
          readable = false;
          break;
        }
        const type = types[k];
        if (type && v[1] !== undefined) push(out, type, v.index + v[0].indexOf("'") + 1, v[1]);
        at = SQL_VALUE.lastIndex + 1;
        if (text[at - 1] === ")") break;
      }
      const next = /^\s*,\s*/u.exec(text.slice(at, at + 40));
      if (!next) break;
      at += next[0].length;
    }
    SQL_INSERT.lastIndex = Math.max(SQL_INSERT.lastIndex, at);
  }
}

/**
 * Values of fields whose name says what they hold: JSON and YAML keys, form lines ("Name: ...", "Vorname: ..."),
 * table columns under a header row (CSV, TSV, semicolon and bar separated), vCards and SQL INSERT statements.
 * Linear: one pass over the lines.
 */
export const fieldRecognizer: Recognizer = {
  name: "fields",
  types: [
    "PERSON",
    "LOCATION",
    "ADDRESS",
    "ZIP_CODE",
    "DATE_TIME",
    "AGE",
    "ID",
    "NRP",
    "TITLE",
    "US_SSN",
    "ORGANIZATION",
  ],
  analyze(text) {
    const out: RecognizerResult[] = [];
    if (text.includes('":')) {
      JSON_FIELD.lastIndex = 0;
      for (let m = JSON_FIELD.exec(text); m !== null; m = JSON_FIELD.exec(text)) {
        const type = FIELD_TYPES.get(normalizeKey(m[1]!));
        if (type) push(out, type, m.index + m[0].length - m[2]!.length - 1, m[2]!);
      }
    }
    if (text.includes(":") || text.includes("：") || text.includes("...")) {
      LINE_FIELD.lastIndex = 0;
      for (let m = LINE_FIELD.exec(text); m !== null; m = LINE_FIELD.exec(text)) {
        const type = FIELD_TYPES.get(normalizeKey(m[1]!));
        // A free "Address:" line runs on into postcode and city, which other recognizers split better.
        if (!type || type === "ADDRESS") continue;
        // The value ended where the next field of the same line begins: two spaces, a tab, a bar or a semicolon.
        push(out, type, m.index + m[0].length - m[2]!.length, m[2]!);
      }
    }
    if (text.includes("\n")) tables(text, out);
    if (text.includes("BEGIN:VCARD")) vcards(text, out);
    if (/insert\s+into/iu.test(text)) sqlInserts(text, out);
    return out;
  },
};
