// Structured types on text shaped like what an assistant ingests besides mail: statement lines, pasted sheets,
// shipping notices, forms. Every sentence here is written for this test.
import { describe, expect, it } from "vitest";
import { issuerKnown } from "../src/recognizers/credit-card-recognizer";
import { namedOtherThanPhone } from "../src/recognizers/phone-label";
import { luhnValid } from "../src/validation/luhn";
import { found, foundOf as of } from "./found";

describe("IBANs in statement lines", () => {
  it("finds an IBAN printed with a length its registry entry does not give when its check digits hold", () => {
    // 24 characters where Germany's IBANs have 22, and a Lithuanian one a digit too long: mod 97 still holds.
    expect(
      of("12.03.  SEPA-Gutschrift Rosa Lindqvist DE04 4401 0046 0123 4567 8901 Miete März  +850,00", "IBAN"),
    ).toEqual(["DE04 4401 0046 0123 4567 8901"]);
    expect(of("Gavėjas: UAB Šviesa, sąskaita LT06 7044 0600 0000 1234 5\n", "IBAN")).toEqual([
      "LT06 7044 0600 0000 1234 5",
    ]);
  });

  it("cuts the IBAN before a word of four letters that continues the line", () => {
    expect(of("Dauerauftrag an DE04 4401 0046 0123 4567 8901 Haus Miete", "IBAN")).toEqual([
      "DE04 4401 0046 0123 4567 8901",
    ]);
  });

  it("finds IBANs in lower case, compact, and at the end of a line", () => {
    expect(of("virement vers fr76 3000 6000 0112 3456 7890 189\nmerci", "IBAN")).toEqual([
      "fr76 3000 6000 0112 3456 7890 189",
    ]);
    expect(of("Konto:\tNL91ABNA0417164300\n", "IBAN")).toEqual(["NL91ABNA0417164300"]);
  });

  it("leaves a code of the same shape whose check digits fail", () => {
    expect(of("Lieferschein DE05 4401 0046 0123 4567 8901 beiliegend", "IBAN")).toEqual([]);
    expect(of("IBAN DE89 3704 0044 0532 0130 01", "IBAN")).toEqual([]);
  });
});

describe("US social security numbers", () => {
  it("finds SSNs in CSV cells after a name, and bare ones under a column named ssn", () => {
    const sheet =
      "id,full_name,ssn,start\n17,Ruth Okafor,318-40-2295,2022-04-01\n18,Tomas Reyes,523719046,2023-09-12\n";
    expect(of(sheet, "US_SSN")).toEqual(["318-40-2295", "523719046"]);
    expect(of(sheet, "PHONE")).toEqual([]);
  });

  it("reads a number labelled as a social security number as one, never as a phone", () => {
    const form = "Box 4 Social security number: 318-40-2295   Box 5 Filing status: single";
    expect(of(form, "US_SSN")).toEqual(["318-40-2295"]);
    expect(of(form, "PHONE")).toEqual([]);
  });

  it("still splits numbers a comma continues", () => {
    expect(of("total 7,318-40-2295 units", "US_SSN")).toEqual([]);
  });
});

describe("payment cards of every network", () => {
  it("knows the issuer ranges of JCB, UnionPay, Maestro, Mir, RuPay, Troy and Elo", () => {
    for (const [digits, known] of [
      ["3530111333300000", true], // JCB
      ["3095000000000000", true], // Diners 3095
      ["6212345678901232", true], // UnionPay
      ["8171999927660000", true], // UnionPay 81
      ["6759649826438453", true], // Maestro
      ["2200123456789010", true], // Mir
      ["6521234567890123", true], // RuPay
      ["9792123456789012", true], // Troy
      ["5067001234567890", true], // Elo
      ["3400000000000000", false], // Amex is 15 digits
      ["7012345678901234", false],
    ] as const)
      expect([digits, issuerKnown(digits)]).toEqual([digits, known]);
  });

  it("finds a checksummed number named by its network even outside the known ranges", () => {
    // 3509... is no JCB range, but the checksum holds and the brand names it.
    expect(luhnValid("3509123456789015")).toBe(true);
    expect(of("Paid with JCB 3509 1234 5678 9015 yesterday", "CREDIT_CARD")).toEqual(["3509 1234 5678 9015"]);
    expect(of("Paid with UnionPay 6212 3456 7890 1232.", "CREDIT_CARD")).toEqual(["6212 3456 7890 1232"]);
    expect(of("the parcel 3509 1234 5678 9015 left", "CREDIT_CARD")).toEqual([]);
  });
});

describe("phone numbers and the numbers that are not phones", () => {
  it("knows a number named as an order, a parcel, a ticket or an id from one named as a phone", () => {
    for (const label of [
      "Sendungsnummer: ",
      "Biljettnummer ",
      "Gönderi no: ",
      "nomor resi JNE ",
      "nr seryjny ",
      "número de pedido ",
      "NHS number: ",
      "Frequent flyer KL ",
      "Orden ",
      "注文番号：",
      "〒",
      "Social security number: ",
      "clave catastral ",
      "Katasternummer ",
    ])
      expect([label, namedOtherThanPhone(label)]).toEqual([label, true]);
    for (const label of [
      "Tel.-Nr. ",
      "Handy-Nr.: ",
      "phone no. ",
      "Telefonnummer: ",
      "Mobile no: ",
      "número de teléfono ",
      "numéro direct ",
      "my number is ",
      "電話番号：",
      "Call ",
    ])
      expect([label, namedOtherThanPhone(label)]).toEqual([label, false]);
  });

  it("takes phones named with a number word for a phone, which 'Nr.' alone would have hidden", () => {
    expect(of("Tel.-Nr. 0221 4471 883", "PHONE")).toEqual(["0221 4471 883"]);
    expect(of("phone no. 0161 496 0733", "PHONE")).toEqual(["0161 496 0733"]);
  });

  it("leaves tracking, ticket and serial numbers alone", () => {
    for (const text of [
      "Ihre Sendungsnummer lautet 3381 2290 4471, Zustellung morgen.",
      "Bokning klar. Biljettnummer 6604 1187 2245, vagn 3.",
      "Kargo takip no: 5530 2871 0046",
      "Pakiet: nr seryjny 0223 5516 7784",
      "お問い合わせ番号：5521-0943-7716",
      "Ref 2024/5531 was closed",
    ])
      expect([text, of(text, "PHONE")]).toEqual([text, []]);
  });

  it("does not read a number without its trunk 0 as German, Austrian or British", () => {
    expect(of("Seat 14C, sequence 7731 4402 1185 gate B", "PHONE")).toEqual([]);
    expect(of("Ruf mich an: 0711 2345 670", "PHONE")).toEqual(["0711 2345 670"]);
    expect(of("Call 1300 655 506 for the helpline", "PHONE")).toEqual(["1300 655 506"]);
  });

  it("keeps postcodes, time spans, house numbers and SSN shapes out of phones, unless a phone word names them", () => {
    for (const text of [
      "Rua das Flores 12, 4050-262 Porto",
      "CEP 04538-133, São Paulo",
      "Aberto das 09.30-18.00 de segunda a sexta",
      "Praha 2, Korunní 1402/17",
      "emp 221-45-7780 on file",
      "〒530-0001 大阪府大阪市北区梅田",
    ])
      expect([text, of(text, "PHONE")]).toEqual([text, []]);
    expect(of("tel 221-45-7780", "PHONE")).toEqual(["221-45-7780"]);
    expect(of("〒530-0001 大阪府", "ZIP_CODE")).toEqual(["530-0001"]);
  });

  it("reads whole numbers after a colon, with (0) after the country code, and split by a spaced slash", () => {
    expect(of("TEL;TYPE=WORK:+254 722 418 330\n", "PHONE")).toEqual(["+254 722 418 330"]);
    expect(of("Ring me on +44 (0)161 496 0733 tonight", "PHONE")).toEqual(["+44 (0)161 496 0733"]);
    expect(of("Telefon: 0221 / 447 18 83", "PHONE")).toEqual(["0221 / 447 18 83"]);
  });

  it("reads a number under a line that ends in a postcode, which continues no code", () => {
    expect(of("Northwind Analytics\n3 Queen Street, Leeds LS1 2TW\n+44 113 496 0721", "PHONE")).toEqual([
      "+44 113 496 0721",
    ]);
    // On the same line, digits after a code still continue it.
    expect(of("Parcel 1Z 999 AA1 01 2345 6784 left the depot", "PHONE")).toEqual([]);
  });

  it("reads numbers written in the digits of other scripts", () => {
    expect(of("شماره‌ی منشی: ۰۲۱-۲۲۰۷۴۴۱۸", "PHONE")).toEqual(["۰۲۱-۲۲۰۷۴۴۱۸"]);
    expect(of("اتصل بي على ٠٥٠ ١٢٣ ٤٥٦٧ بعد الظهر", "PHONE")).toEqual(["٠٥٠ ١٢٣ ٤٥٦٧"]);
    expect(of("যোগাযোগ: ০১৭১১-৪৫২৩৮৯", "PHONE")).toEqual(["০১৭১১-৪৫২৩৮৯"]);
  });

  it("reads Danish and Norwegian numbers in text whose only own letters are Æ, Ø and Å", () => {
    expect(of("Minn meg på å ringe tannlegen på 22 60 14 80 i morgen.", "PHONE")).toEqual(["22 60 14 80"]);
    expect(of("Spørgsmål kan rettes til mig på 41 87 22 60.", "PHONE")).toEqual(["41 87 22 60"]);
  });

  it("reads a number of a region nothing in the text points to after a word for calling", () => {
    expect(of("If got any issue just call me 8123 4456.", "PHONE")).toEqual(["8123 4456"]);
    // Without the word, eight digits alone are no phone of the usual regions.
    expect(of("The locker code list: 8123 4456.", "PHONE")).toEqual([]);
  });
});

describe("identity numbers once read as phones", () => {
  it("finds NHS numbers and Swedish personnummer by their names and checks", () => {
    expect(of("Patient: NHS number 943 476 5919, ward 7", "ID")).toEqual(["943 476 5919"]);
    expect(of("Sökande, personnummer 19811218-9876, bor i Lund", "ID")).toEqual(["19811218-9876"]);
    expect(of("personnummer 19811218-9875", "ID")).toEqual([]);
  });
});

describe("numbers and addresses said in words", () => {
  it("reads the digits of number words in several languages, pairs and tens included", async () => {
    const { spokenDigits } = await import("../src/recognizers/spoken-phone-recognizer");
    expect(spokenDigits("oh seven seven double four, one two three, nine oh six")).toBe("07744123906");
    expect(spokenDigits("zéro six, douze, soixante-dix-huit, quatre-vingt-un, vingt et un")).toBe("0612788121");
    expect(spokenDigits("tres cuatro cinco, sesenta y siete, veintidós, ocho")).toBe("3456722" + "8");
    expect(spokenDigits("null acht neun, einundvierzig, zwo zwo")).toBe("0894122");
    // Each language's tens by their own word: Dutch and Italian past the twenties, German all through.
    expect(spokenDigits("nul zes, tweeënveertig, zevenennegentig, achtendertig")).toBe("06429738");
    expect(spokenDigits("zero tre, settantadue, novantotto, ottantuno, trentatré")).toBe("0372988133");
    expect(spokenDigits("null eins, siebenundsiebzig, neunundneunzig")).toBe("017799");
    expect(spokenDigits("y y y")).toBeNull();
  });

  it("finds a phone number said in words after a word for calling, and nothing else", () => {
    expect(
      of("Hi, it's Priya, call me back on oh seven seven double four, one two three, nine oh six.", "PHONE"),
    ).toEqual(["oh seven seven double four, one two three, nine oh six"]);
    expect(of("Rufen Sie mich unter null acht neun, einundvierzig, zwo zwo, sechs sieben an.", "PHONE")).toEqual([
      "null acht neun, einundvierzig, zwo zwo, sechs sieben",
    ]);
    expect(of("Mon numéro : zéro six, douze, soixante-dix-huit, quatre-vingt-un, vingt et un.", "PHONE")).toEqual([
      "zéro six, douze, soixante-dix-huit, quatre-vingt-un, vingt et un",
    ]);
    // A count, a code named as a reference, and too few digits are no phone.
    for (const text of [
      "She counted one two three four five six seven eight and opened her eyes.",
      "Your reference number is four four one, seven seven two, nine zero three.",
      "Call me, the code is four two nine one.",
    ])
      expect([text, of(text, "PHONE")]).toEqual([text, []]);
  });

  it("finds an e-mail address said in words near a word for mail", () => {
    expect(of("Send it by email to raj dot patel at northbank dot co dot uk, thanks", "EMAIL")).toEqual([
      "raj dot patel at northbank dot co dot uk",
    ]);
    expect(of("We met at home dot com last year", "EMAIL")).toEqual([]);
  });

  it("reads a national number in the regions of the payment app the text names, and only there", () => {
    expect(of("ok can, tmr 8pm? I PayNow you 9123 8876", "PHONE")).toEqual(["9123 8876"]);
    expect(of("Lipa kwa M-Pesa: tuma kwa 0722 310 455 kabla ya Ijumaa", "PHONE")).toEqual(["0722 310 455"]);
    // Without the app's name, nothing in the text points to Singapore, and eight digits are no phone.
    expect(of("ok can, tmr 8pm? I pay you 9123 8876", "PHONE")).toEqual([]);
  });

  it("reads a spaced dash after an area code as part of the number, and elsewhere as what joins two things", () => {
    expect(of("Tel: +31 (0) 10 - 414 22 99\nFax: +31 (0) 10 - 414 22 98", "PHONE")).toEqual([
      "+31 (0) 10 - 414 22 99",
      "+31 (0) 10 - 414 22 98",
    ]);
    expect(of("Telefon: 089 - 12 34 56 78", "PHONE")).toEqual(["089 - 12 34 56 78"]);
    expect(of("Transfer arisan Rp 500.000 – 0812-2734-5519", "PHONE")).toEqual(["0812-2734-5519"]);
    expect(of("Tel. in den Jahren 1990 - 1995 und 2001 - 2004", "PHONE")).toEqual([]);
  });

  it("keeps a phone after a label word followed by a short lower-case word", () => {
    expect(of("Call me after the meeting on 0171 2345678 please", "PHONE")).toEqual(["0171 2345678"]);
  });
});

describe("phone numbers with the letter O for a zero", () => {
  it("reads an OCR'd or hastily typed number with O for 0, and leaves codes alone", () => {
    expect(of("Surgery line: O2O 7946 O958, ask for Dr Iqbal.", "PHONE")).toEqual(["O2O 7946 O958"]);
    for (const text of ["Model GO10 200 300 in stock", "Rooms 1O1 and 2O2 3O3", "Order O123 4567 89O1 shipped"])
      expect([text, of(text, "PHONE")]).toEqual([text, []]);
  });
});

describe("codes, ages and identity numbers in more forms", () => {
  it("reads door, lockbox, alarm and parcel pickup codes in many languages, with a star or a hash", () => {
    expect(of("Lwazi: gate code *4471\nLwazi: unit 7", "SECRET")).toEqual(["*4471"]);
    expect(of("Código de la caja de llaves: 1904\nTeléfono de la anfitriona", "SECRET")).toEqual(["1904"]);
    expect(of("Avain on ruukun alla. Hälytyskoodi 7731.", "SECRET")).toEqual(["7731"]);
    expect(of("3e étage, digicode 4B29A, sonnez deux fois", "SECRET")).toEqual(["4B29A"]);
    expect(of("nowy kod do drzwi biura na Mokotowie: 4826*. Proszę", "SECRET")).toEqual(["4826*"]);
    expect(of("Paket bei Frau Schneider abholen, Abholcode 8812", "SECRET")).toEqual(["8812"]);
    // An order number has no such word, and a date after the word is no code.
    expect(of("Order 4471 ships today; the door code changes on 12 May", "SECRET")).toEqual([]);
  });

  it("reads an age in a profile's brackets and the age a birthday brings", () => {
    expect(of("Bumble – Mercy (31, paediatric nurse, Nairobi)", "AGE")).toEqual(["31"]);
    expect(of("Ah Ma turning 80 this year so must do big makan", "AGE")).toEqual(["80"]);
    expect(of("Oma wird 90! Feier am Sonntag", "AGE")).toEqual(["90"]);
    expect(of("The road turns 90 degrees left after the bridge", "AGE")).toEqual([]);
  });

  it("reads Singapore NRIC and Emirates ID numbers by their check characters", () => {
    expect(of("Please send a copy of your NRIC (S8712345F per our records).", "ID")).toEqual(["S8712345F"]);
    expect(of("Ref S8712345G is wrong", "ID")).toEqual([]);
    expect(of("provide your Emirates ID (784-1988-4471023-0), salary certificate", "ID")).toEqual([
      "784-1988-4471023-0",
    ]);
  });
});

describe("a day and month without the year", () => {
  it("reads one after a word for a date or before a time, and leaves fractions, scores and card expiries", () => {
    expect(found("O clube do livro vai ser na casa da Ana, dia 29/03 às 16h.")).toContainEqual(["DATE_TIME", "29/03"]);
    expect(found("Rent due 3/15 please")).toContainEqual(["DATE_TIME", "3/15"]);
    expect(of("Add 1/2 cup of sugar; the score was 3/4", "DATE_TIME")).toEqual([]);
    expect(of("Karte 5500 4202 0002 2261, gültig bis 04/27.", "DATE_TIME")).toEqual([]);
  });
});
