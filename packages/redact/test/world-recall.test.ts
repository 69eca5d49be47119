// Dates, ages, ids and secrets as people write them in many languages, each rule with sentences where it must fire
// and look-alikes where it must not (prices, totals, versions, quantities, durations).
import { describe, expect, it } from "vitest";
import { createAnalyzer, type EntityType } from "../src/index";
import {
  AMBIGUOUS_CALENDAR_WORDS,
  CLDR_MONTHS,
  CLDR_WEEKDAYS,
  NEVER_ALONE_CALENDAR_WORDS,
} from "../src/recognizers/calendar-names";
import {
  balticPersonalCodeValid,
  belgianNationalNumberValid,
  cnpValid,
  cprValid,
  egnValid,
  fodselsnummerValid,
  hetuValid,
  kvnrValid,
  rodneCisloValid,
  rutValid,
  snilsValid,
  steuerIdValid,
} from "../src/validation/national-id-checks";

const analyzer = createAnalyzer();
const found = (text: string, type: EntityType) =>
  analyzer
    .analyze(text)
    .filter((e) => e.type === type)
    .map((e) => e.text);

describe("calendar names from the CLDR", () => {
  it("hold genitive, nominative and other-script forms, and mark ordinary words", () => {
    for (const w of ["vasario", "vasaris", "marca", "марта", "φεβρουαρίου", "şubat", "februari", "אפריל"])
      expect(CLDR_MONTHS).toContain(w);
    for (const w of ["pirmadienis", "perşembe", "יום שלישי", "keskiviikko"]) expect(CLDR_WEEKDAYS).toContain(w);
    expect(NEVER_ALONE_CALENDAR_WORDS).toContain("may");
    expect(AMBIGUOUS_CALENDAR_WORDS).toContain("march");
  });

  it("finds dates with month names of languages the hand-written lists lack", () => {
    expect(found("Sutartis pasirašyta 2024 m. 15 vasario, Kaune.", "DATE_TIME")).toContain("15 vasario");
    expect(found("Termin: 3 lipnja 2025 u Zagrebu.", "DATE_TIME")).toContain("3 lipnja 2025");
    expect(found("Kokous pidetään 12 maaliskuuta.", "DATE_TIME").join()).toMatch(/12 maaliskuuta/);
    expect(found("Зустріч 5 березня о 10:00.", "DATE_TIME").join()).toMatch(/5 березня/);
  });

  it("finds dates with the months of Bengali, Urdu, Tamil, Telugu, Marathi and Amharic, in any of their digits", () => {
    expect(found("তারিখ: ১০ মার্চ ২০২৫, সকাল ১১:০৫", "DATE_TIME")).toEqual(["১০ মার্চ ২০২৫", "১১:০৫"]);
    expect(found("فیصل کی شادی کی تاریخ طے ہو گئی ہے: 12 اپریل، لاہور میں", "DATE_TIME")).toEqual(["12 اپریل"]);
    expect(found("வரும் மார்ச் 16 ஞாயிறு அன்று", "DATE_TIME")).toEqual(["மார்ச் 16"]);
    expect(found("సమావేశం 10 మార్చి న", "DATE_TIME")).toEqual(["10 మార్చి"]);
    expect(found("बैठक १४ ऑगस्ट २०२५ रोजी", "DATE_TIME")).toEqual(["१४ ऑगस्ट २०२५"]);
    expect(found("ቀን: ማርች 10 ቀን", "DATE_TIME")).toEqual(["ማርች 10"]);
    // A month name with no day next to it is no date.
    expect(found("মার্চ মাসে দেখা হবে", "DATE_TIME")).toEqual([]);
  });

  it("reads a month alone only after until/from/since or before the Turkish word for month", () => {
    expect(found("The lease runs until September, then we move.", "DATE_TIME")).toEqual(["September"]);
    expect(found("Ab Februar arbeite ich in Graz.", "DATE_TIME")).toEqual(["Februar"]);
    expect(found("Mart ayı kirası yatırıldı.", "DATE_TIME")).toEqual(["Mart"]);
    expect(found("Biaya naik mulai Februari.", "DATE_TIME")).toEqual(["Februari"]);
    // A period, a given name, a modal verb, a capital-less ambiguous word: no date.
    expect(found("Receipts for February are attached.", "DATE_TIME")).toEqual([]);
    expect(found("Since June Carter sang it, everyone knows the song.", "DATE_TIME")).toEqual([]);
    expect(found("You may go now, the march starts from here.", "DATE_TIME")).toEqual([]);
  });

  it("reads weekdays of more languages, and Hebrew names with their joined prefix", () => {
    expect(found("Toplantı Perşembe günü yapılacak.", "DATE_TIME")).toContain("Perşembe");
    expect(found("פגישה ביום רביעי בבוקר", "DATE_TIME")).toContain("יום רביעי");
    expect(found("הוא נוסע לחו״ל במאי ואז באוגוסט.", "DATE_TIME")).toContain("אוגוסט");
    // "minggu" is also "week": only the capital makes it Sunday.
    expect(found("Kirim laporan minggu depan ya.", "DATE_TIME")).toEqual([]);
  });
});

describe("numeric and spoken dates", () => {
  it("reads ledger lines that open with a day and month", () => {
    const ledger = "03/11  COFFEE HOUSE LISBOA   4.20\n04/11  METRO CARD TOP-UP   20.00\n05/11  PHARMACY   12.35";
    expect(found(ledger, "DATE_TIME")).toEqual(expect.arrayContaining(["03/11", "04/11", "05/11"]));
    // One line alone is a fraction or a score as often as a date.
    expect(found("12/20  students passed the first round", "DATE_TIME")).toEqual([]);
  });

  it("reads month and year, calendar-file dates and scanned dates with O for zero", () => {
    expect(found("Experience\n09/2021 – 06/2024  Analyst at a bank", "DATE_TIME")).toContain("09/2021");
    expect(found("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270419\nSUMMARY:Holiday", "DATE_TIME")).toContain("20270419");
    expect(found("Datum: 2O.O4.2O25  Unterschrift", "DATE_TIME")).toContain("2O.O4.2O25");
    expect(found("Hours 1O:3O to noon", "DATE_TIME")).toContain("1O:3O");
    // Versions and prices keep their zeros.
    expect(found("Upgrade to 10.2.2024-beta costs 10.00 EUR", "DATE_TIME")).not.toContain("10.00");
  });

  it("reads hour ranges after a day and leaves counts alone", () => {
    expect(found("The fitter comes on Friday between 9 and 11 to check the boiler.", "DATE_TIME")).toEqual(
      expect.arrayContaining(["9", "11"]),
    );
    expect(found("Am Montag zwischen 14 und 16 Uhr bin ich erreichbar.", "DATE_TIME").join(" ")).toMatch(/14/);
    expect(found("Mañana el técnico viene entre 10 y 13.", "DATE_TIME")).toEqual(expect.arrayContaining(["10", "13"]));
    // No day before it, or a unit after it: a count.
    expect(found("Each box holds between 8 and 12 bottles.", "DATE_TIME")).toEqual([]);
    expect(found("On Friday between 8 and 12 people came.", "DATE_TIME")).toEqual(["Friday"]);
  });

  it("reads hours by the words of more languages, and leaves durations and counts alone", () => {
    const times: [string, string][] = [
      ["我订了位子，7点", "7点"],
      ["Buli március 22-én 19 órától nálunk.", "19 órától"],
      ["A vizsga kedden 10 órakor lesz.", "10 órakor"],
      ["Leo saa nne tuna kikao cha familia.", "saa nne"],
      ["শুক্রবার সকাল ৯টায় আসবেন।", "সকাল ৯টায়"],
      ["விழா மாலை 6 மணி. வர முடியுமா?", "மாலை 6 மணி"],
      ["Ketemu jam 7 malam ya", "jam 7 malam"],
      ["Spotkanie o godz. 17 w biurze.", "17"],
      ["Estoy en casa hasta las ocho.", "ocho"],
      ["Chego às duas e meia.", "duas e meia"],
      ["Du kannst ihn morgen ab neun abholen.", "neun"],
    ];
    for (const [text, time] of times) expect(found(text, "DATE_TIME"), text).toContain(time);
    for (const text of [
      "第3点，我们要注意安全。",
      "我有3点建议。",
      "Az út 2 óra volt.",
      "Huduma saa 24 kila siku.",
      "আমি ৩টা বই কিনেছি।",
      "பயணம் 3 மணி நேரம் ஆனது.",
      "Der Rabatt gilt ab zwei Personen.",
    ])
      expect(found(text, "DATE_TIME"), text).toEqual([]);
  });

  it("reads rota slots and Slavic locative months", () => {
    expect(found("Shifts left: Sat PM, Sun AM", "DATE_TIME")).toEqual(expect.arrayContaining(["Sat PM", "Sun AM"]));
    expect(found("Přijedu v srpnu.", "DATE_TIME")).toEqual(["srpnu"]);
    expect(found("Wracamy w listopadzie.", "DATE_TIME")).toEqual(["listopadzie"]);
  });
});

describe("ages", () => {
  it("reads ages with units of more languages and chart shorthands", () => {
    expect(found("Hasta: Mehmet Kaya, 47 yaşında.", "AGE")).toEqual(["47"]);
    expect(found("Пациентка 63 лет, жалобы на кашель.", "AGE")).toEqual(["63"]);
    expect(found("Patient · M · 71 y · allergic to penicillin", "AGE")).toEqual(["71"]);
    expect(found("Pat. 58 J., Z. n. Appendektomie", "AGE")).toEqual(["58"]);
    expect(found("応募者：佐藤 健（32歳）", "AGE")).toEqual(["32"]);
    expect(found("Anak saya usia 6 tahun.", "AGE")).toEqual(["6"]);
    expect(found("wow you're 40!", "AGE")).toEqual(["40"]);
  });

  it("reads an age column under its header", () => {
    expect(found("Name;Age;City\nIlse Brandt;36;Bremen\nTomás Ruiz;52;Cádiz", "AGE")).toEqual(["36", "52"]);
  });

  it("leaves durations, quantities and 'and' alone", () => {
    expect(found("Garantie: 2 Jahre Garantie auf alle Teile.", "AGE")).toEqual([]);
    expect(found("Опыт работы 5 лет в логистике.", "AGE")).toEqual([]);
    expect(found("Compré 34 y 35 unidades.", "AGE")).toEqual([]);
    expect(found("Kontrak berlaku selama 3 tahun.", "AGE")).toEqual([]);
    expect(found("Qty,Price\n36,4.50\n52,7.00", "AGE")).toEqual([]);
  });
});

describe("national ids after their names, by their check digits", () => {
  it("checks each issuer's rule", () => {
    expect(rodneCisloValid("7801233540")).toBe(true);
    expect(rodneCisloValid("7801233541")).toBe(false);
    expect(cprValid("0707614285")).toBe(true);
    expect(cprValid("3213614285")).toBe(false);
    expect(rutValid("12345678", "5")).toBe(true);
    expect(rutValid("12345678", "K")).toBe(false);
    expect(cnpValid("1800101221144")).toBe(true);
    expect(cnpValid("1800101221145")).toBe(false);
    expect(steuerIdValid("86095742719")).toBe(true);
    expect(steuerIdValid("86095742718")).toBe(false);
    expect(kvnrValid("A123456780")).toBe(true);
    expect(kvnrValid("A123456781")).toBe(false);
    expect(snilsValid("11223344595")).toBe(true);
    expect(snilsValid("11223344596")).toBe(false);
    expect(egnValid("7523169263")).toBe(true);
    expect(egnValid("7523169264")).toBe(false);
    expect(balticPersonalCodeValid("37605030299")).toBe(true);
    expect(balticPersonalCodeValid("37605030298")).toBe(false);
    expect(hetuValid("131052-308T")).toBe(true);
    expect(hetuValid("131052-308U")).toBe(false);
    expect(fodselsnummerValid("01010750160")).toBe(true);
    expect(fodselsnummerValid("01010750161")).toBe(false);
    expect(belgianNationalNumberValid("85073003328")).toBe(true);
    expect(belgianNationalNumberValid("85073003329")).toBe(false);
  });

  it("finds valid numbers after their name and drops the invalid", () => {
    expect(found("Pacientka: Eva Malá, rodné číslo 780123/3540.", "ID")).toEqual(["780123/3540"]);
    expect(found("Kunde, CPR nr. 070761-4285, Aarhus", "ID")).toEqual(["070761-4285"]);
    expect(found("Arrendador: RUT 12.345.678-5", "ID")).toEqual(["12.345.678-5"]);
    expect(found("Beneficiar: CNP 1800101221144", "ID")).toEqual(["1800101221144"]);
    expect(found("Ihre Steuer-ID lautet 86 095 742 719.", "ID")).toEqual(["86 095 742 719"]);
    expect(found("Versichertennummer: A123456780", "ID")).toEqual(["A123456780"]);
    expect(found("СНИЛС 112-233-445 95", "ID")).toEqual(["112-233-445 95"]);
    expect(found("Henkilötunnus 131052-308T", "ID")).toEqual(["131052-308T"]);
    expect(found("Rijksregisternummer: 85.07.30-033.28", "ID")).toEqual(["85.07.30-033.28"]);
    expect(found("מספר תעודת זהות: 000000018", "ID")).toEqual(["000000018"]);
    expect(found("נא לשלוח צילום תעודת זהות (מס׳ 312486756) ואת הצ׳קים", "ID")).toEqual(["312486756"]);
    expect(found("Policyholder: Thabo Mokoena, ID 8001015009087", "ID")).toEqual(["8001015009087"]);
    expect(found("เลขประจำตัวประชาชน: 1 1037 00123 45 8", "ID")).toEqual(["1 1037 00123 45 8"]);
    expect(found("Meeting ID 8001015009088", "ID")).toEqual([]);
    expect(found("เลขประจำตัวประชาชน: 1 1037 00123 45 4", "ID")).toEqual([]);
    // Wrong check digits, or no name before the number.
    expect(found("Beneficiar: CNP 1800101221145", "ID")).toEqual([]);
    expect(found("Order 1800101221144 shipped.", "ID")).toEqual([]);
    expect(found("RUT 12.345.678-K", "ID")).toEqual([]);
  });

  it("finds named numbers without a published check, and number plates", () => {
    expect(found("Her NI number is AB 12 34 56 C.", "ID")).toEqual(["AB 12 34 56 C"]);
    expect(found("Полис ОМС 1234 5678 9012 3456", "ID")).toEqual(["1234 5678 9012 3456"]);
    expect(found("Kennzeichen: M-AB 1234, Stellplatz 4", "ID")).toEqual(["M-AB 1234"]);
    expect(found("Targa FG 123 AB, parcheggio 12", "ID")).toEqual(["FG 123 AB"]);
    expect(found("Bring your passport (X9981234) and two photos.", "ID")).toEqual(["X9981234"]);
    // A plate has letters and digits; a price or a count after the word is none.
    expect(found("Kennzeichen: 12345", "ID")).toEqual([]);
    expect(found("license plate frame costs 25 EUR", "ID")).toEqual([]);
  });

  it("finds plates after a vehicle's name in many languages, after a car's make or model, and by their own shape", () => {
    expect(found("Sattelzug WI 7781 C, Auflieger WI 3302 X", "ID")).toEqual(["WI 7781 C", "WI 3302 X"]);
    expect(found("Тягач 911 BCA 05, прицеп 27 AB 1190", "ID")).toEqual(["911 BCA 05", "27 AB 1190"]);
    expect(found("Naczepa GD 41187 czeka na rampie 3", "ID")).toEqual(["GD 41187"]);
    expect(found("Your driver Musa · Toyota Corolla · LND 221 XY", "ID")).toEqual(["LND 221 XY"]);
    expect(found("grey Axia BKT 7719 parked outside", "ID")).toEqual(["BKT 7719"]);
    expect(found("Nissan white KCZ 902Q at the gate", "ID")).toEqual(["KCZ 902Q"]);
    expect(found("车牌号：京A·2F6K9，停在B2", "ID")).toEqual(["京A·2F6K9"]);
    expect(found("سيارة بيضاء، لوحة 7215 ر س ط", "ID")).toEqual(["7215 ر س ط"]);
    // A model's code after the make, a trim after a model word, a price after a plate word: no plate.
    expect(found("She drives a Toyota RAV4 and a Mazda CX-5 2019", "ID")).toEqual([]);
    expect(found("The truck carries 20 TEU", "ID")).toEqual([]);
    expect(found("Golf GTI 2019 for sale", "ID")).toEqual([]);
  });
});

describe("secrets", () => {
  it("reads one-time codes in groups, after a sender's tag and before their name", () => {
    expect(found("Your Lumen verification code is 482 119. Do not share it.", "SECRET")).toEqual(["482 119"]);
    expect(found("Kode OTP Anda 771903. Jangan berikan ke siapa pun.", "SECRET")).toEqual(["771903"]);
    expect(found("B-550213 is your login code.", "SECRET")).toEqual(["550213"]);
    expect(found("Mã OTP của bạn là 604218", "SECRET")).toEqual(["604218"]);
    // An order total or a phone number after the word is none.
    expect(found("Your order code is ready: total 1200 EUR", "SECRET")).toEqual([]);
    expect(found("OTP sent to 0812 3456 7890", "SECRET")).toEqual([]);
  });

  it("reads passwords after pw, in more languages, and made-up ones near a login word", () => {
    expect(found("user m.khan / pw Tulip#2031", "SECRET")).toEqual(["Tulip#2031"]);
    expect(found("Lösenord: Blåbär-77", "SECRET")).toEqual(["Blåbär-77"]);
    expect(found("- nas admin: Gr4n!te-Hill", "SECRET")).toEqual(["Gr4n!te-Hill"]);
    expect(found("qual é o wifi?\nresposta: Casa&Mar42", "SECRET")).toEqual(["Casa&Mar42"]);
    // No login word near, or no symbol, digit and letter together: a tag, a total, a version, a log field.
    expect(found("Use #2024goals and win!", "SECRET")).toEqual([]);
    expect(found("admin panel total: 1,200.00 EUR", "SECRET")).toEqual([]);
    expect(found("router firmware v2.4.1-rc", "SECRET")).toEqual([]);
    expect(found("login ok user=anna session=9f2c1a", "SECRET")).toEqual([]);
    expect(found("PW Group signed the deal", "SECRET")).toEqual([]);
  });
});

describe("phone numbers after the words of more languages", () => {
  it("reads national numbers after a word for phone or calling, and in mobile-money notices", () => {
    expect(found("Hringdu í sími 551 2345 ef eitthvað er", "PHONE")).toEqual(["551 2345"]);
    expect(found("Edozein zalantza izanez gero, deitu 943 21 4567 zenbakira", "PHONE")).toEqual(["943 21 4567"]);
    expect(found("ok can, my hp is 8123 4567 ah", "PHONE")).toEqual(["8123 4567"]);
    expect(found("Холбоо барих: 9911 2233", "PHONE")).toEqual(["9911 2233"]);
    expect(found("Ksh1,200.00 sent to MARY W. 0711223344 on 3/4/25", "PHONE")).toEqual(["0711223344"]);
    expect(found("Tigo Pesa: Umepokea TSh 5,000 kutoka kwa ALLY S. (0715223344)", "PHONE")).toEqual(["0715223344"]);
  });

  it("leaves a national id after a word for 'number' to the id rules", () => {
    expect(found("nakala ya kitambulisho (nambari 28471936)", "PHONE")).toEqual([]);
    expect(found("Numéro étranger : 7704123658", "PHONE")).toEqual([]);
  });
});

describe("cases the review found", () => {
  it("reads a plate after its word in capitals, and a postcode after its words in any case", () => {
    expect(found("KENNZEICHEN: B-KL 4412", "ID")).toEqual(["B-KL 4412"]);
    expect(found("VEHICLE REG: KDA 123X", "ID")).toEqual(["KDA 123X"]);
    expect(found("Zip code 97214, Portland", "ZIP_CODE")).toEqual(["97214"]);
    expect(found("Código postal 28013", "ZIP_CODE")).toEqual(["28013"]);
  });

  it("reads an Arabic address of numbered parts, and a role under a name of particles", () => {
    expect(found("العنوان: رقم 12، رقم 4", "ADDRESS")).toEqual(["رقم 12، رقم 4"]);
    expect(found("Mit freundlichen Grüßen\nde Vries\nObjektbetreuerin", "TITLE")).toEqual(["Objektbetreuerin"]);
  });
});
