import { describe, expect, it } from "vitest";
import { PATTERN_RECOGNIZERS } from "../src/index";
import { ibanValid } from "../src/recognizers/iban-recognizer";
import { base58CheckValid } from "../src/validation/base58check";
import { bech32Valid } from "../src/validation/bech32";
import { eip55Check } from "../src/validation/eip55";
import { luhnValid } from "../src/validation/luhn";
import { verhoeffValid } from "../src/validation/verhoeff";
import { expectFinds, expectNoType, found } from "./found";

describe("checksums", () => {
  it("checks Luhn, mod-97, base58check, bech32, EIP-55 and Verhoeff", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(ibanValid("DE89370400440532013000")).toBe(true);
    expect(ibanValid("DE89370400440532013001")).toBe(false);
    expect(ibanValid("DE8937040044053201300")).toBe(false);
    expect(base58CheckValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).toBe(true);
    expect(base58CheckValid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).toBe(false);
    expect(bech32Valid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")).toBe(true);
    expect(bech32Valid("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr")).toBe(false);
    expect(eip55Check("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).toBe("checksum");
    expect(eip55Check("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).toBe("invalid");
    expect(eip55Check("0x52908400098527886E0F7030069857D2E4169EE7")).toBe("plain");
    expect(verhoeffValid("2363")).toBe(true);
    expect(verhoeffValid("2364")).toBe(false);
  });
});

describe("pattern recognizers", () => {
  it("finds e-mail addresses, Unicode included, without trailing dots", () => {
    expectFinds("Write to anna.schmidt+news@example.co.uk.", "EMAIL", "anna.schmidt+news@example.co.uk");
    expectFinds("Mail: jürgen@müller.de", "EMAIL", "jürgen@müller.de");
  });

  it("finds payment cards by Luhn and issuer, 19 digits included, and drops look-alikes", () => {
    expectFinds("card 4111 1111 1111 1111 exp 09/27", "CREDIT_CARD", "4111 1111 1111 1111");
    expectFinds("amex 3782-822463-10005", "CREDIT_CARD", "3782-822463-10005");
    expectFinds("visa 4000000000000000006", "CREDIT_CARD", "4000000000000000006");
    expectNoType("order 1234 5678 9012 3456 shipped", "CREDIT_CARD");
  });

  it("finds IBANs cut to the country's length", () => {
    expectFinds("IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX", "IBAN", "DE89 3704 0044 0532 0130 00");
    expectFinds("to GB29NWBK60161331926819.", "IBAN", "GB29NWBK60161331926819");
    expectNoType("IBAN DE89 3704 0044 0532 0130 01", "IBAN");
  });

  it("applies SSN area and group rules", () => {
    expectFinds("SSN 536-22-8134", "US_SSN", "536-22-8134");
    expectNoType("SSN 666-22-8134", "US_SSN");
    expectNoType("SSN 536-00-8134", "US_SSN");
  });

  it("finds phone numbers of many countries and keeps dates and amounts out", () => {
    expectFinds("call (415) 555-2671 now", "PHONE", "(415) 555-2671");
    expectFinds("UK 020 7946 0958", "PHONE", "020 7946 0958");
    expectFinds("Tel. +49 30 12345678", "PHONE", "+49 30 12345678");
    expectFinds("appelle au 06 12 34 56 78", "PHONE", "06 12 34 56 78");
    expectFinds("móvil 612 345 678", "PHONE", "612 345 678");
    expectFinds("cell 347 123 4567", "PHONE", "347 123 4567");
    expectFinds("bel 06 12345678", "PHONE", "06 12345678");
    expectFinds("call +91 98765 43210", "PHONE", "+91 98765 43210");
    expectFinds("liga (11) 91234-5678", "PHONE", "(11) 91234-5678");
    expectFinds("mobile 0412 345 678", "PHONE", "0412 345 678");
    expectFinds("Our Vancouver office: (604) 555-0134, ask for Mo.", "PHONE", "(604) 555-0134");
    // Extensions stay part of the number.
    expectFinds("Call me at +1 415 555 2671 ext. 204 after lunch.", "PHONE", "+1 415 555 2671 ext. 204");
    expectFinds("Desk: 020 7946 0958 x12", "PHONE", "020 7946 0958 x12");
    expectNoType("Meeting 12.05.2024, total 1,234,567 units", "PHONE");
    expectNoType("Rechnung Nr. 2024-118", "PHONE");
    // Amounts that happen to be valid numbers somewhere, and the same digits as a phone once "tel" names them.
    expectNoType("the balance is 612 345 678 EUR", "PHONE");
    expectNoType("we paid € 612 345 678 for it", "PHONE");
    expectFinds("I am happy to talk on 612 345 678.", "PHONE", "612 345 678");
  });

  it("finds IPv4, IPv6 and MAC addresses", () => {
    expectFinds("host 192.168.0.254 up", "IP_ADDRESS", "192.168.0.254");
    expectFinds("v6 2001:db8:85a3::8a2e:370:7334 up", "IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334");
    expectFinds("mac 00:1A:2B:3C:4D:5E", "MAC_ADDRESS", "00:1A:2B:3C:4D:5E");
    expectNoType("version 1.2.3 at 10:30:45", "IP_ADDRESS");
  });

  it("finds URLs without the sentence's punctuation", () => {
    expectFinds("see https://example.com/a?b=1).", "URL", "https://example.com/a?b=1");
    expectFinds("visit www.example.org, today", "URL", "www.example.org");
    expectNoType("open index.html and report.pdf", "URL");
  });

  it("finds dates and times in several languages", () => {
    expectFinds("on 12 March 2024 at 10:30", "DATE_TIME", "12 March 2024 at 10:30");
    expectFinds("am 3. Oktober 2023", "DATE_TIME", "3. Oktober 2023");
    expectFinds("le 14 mars 2024", "DATE_TIME", "14 mars 2024");
    expectFinds("el 3 de marzo de 2024", "DATE_TIME", "3 de marzo de 2024");
    expectFinds("due 2024-06-14", "DATE_TIME", "2024-06-14");
  });

  it("finds crypto addresses only with valid checksums", () => {
    expectFinds("send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "CRYPTO", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    expectNoType("send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "CRYPTO");
  });

  it("finds secrets by prefix, PEM block and keyword", () => {
    expectFinds("key AKIAIOSFODNN7EXAMPLE leaked", "SECRET", "AKIAIOSFODNN7EXAMPLE");
    expectFinds("password: Tq8#vLp2!mZ", "SECRET", "Tq8#vLp2!mZ");
    expectNoType("I forgot my password again.", "SECRET");
  });

  it("finds one-time and door codes named as such, and leaves an order code alone", () => {
    expectFinds("Use OTP 552910 to confirm the transfer.", "SECRET", "552910");
    expectFinds("The gate code is 8142, the flat is on the left.", "SECRET", "8142");
    expectFinds("Digicode : A2291, puis 2e étage.", "SECRET", "A2291");
    expectFinds("Der Türcode lautet 3307.", "SECRET", "3307");
    expectNoType("Order code 88213 ships tomorrow.", "SECRET");
  });

  it("finds national ids with their checksums", () => {
    expectFinds("DNI 12345678Z", "ID", "12345678Z");
    expectNoType("code 12345678A", "ID");
    expectFinds("CF RSSMRA85T10A562S", "ID", "RSSMRA85T10A562S");
    expectFinds("CPF 529.982.247-25", "ID", "529.982.247-25");
    expectFinds("passport no. X4387219", "ID", "X4387219");
  });

  it("finds addresses, postcodes, ages, titles and nationalities", () => {
    expectFinds("lives at 221B Baker Street, London", "ADDRESS", "221B Baker Street");
    expectFinds("Hauptstraße 5, 10115 Berlin", "ADDRESS", "Hauptstraße 5");
    expectFinds("12 rue de la Paix, 75002 Paris", "ADDRESS", "12 rue de la Paix");
    expectFinds("London NW1 6XE", "ZIP_CODE", "NW1 6XE");
    expectFinds("Springfield, IL 62704", "ZIP_CODE", "62704");
    expectFinds("she is 42 years old", "AGE", "42");
    expectFinds("our Head of Finance, Maria", "TITLE", "Head of Finance");
    expectFinds("He is a German citizen", "NRP", "German");
    expectNoType("The email is in German.", "NRP");
  });

  it("finds job titles on signature lines, before a name and after 'I am'", () => {
    expectFinds("Best,\nLaura Pini\nAvvocato\nStudio Pini", "TITLE", "Avvocato");
    expectFinds("Cordialement,\nMarc Petit\nArchitecte d'intérieur", "TITLE", "Architecte d'intérieur");
    expectFinds("Bernard Lefèvre, notaire à Lille, a signé.", "TITLE", "notaire");
    expectFinds("Der Geschäftsführer Klaus Ebert kommt um 10.", "TITLE", "Geschäftsführer");
    expectFinds("Eu sou farmacêutica no centro.", "TITLE", "farmacêutica");
    // A role word on a line that goes on is prose, not a signature.
    expectNoType("Lawyer fees went up again this year.", "TITLE");
  });

  it("finds times and dates in the forms calendars, chats and other languages write them", () => {
    expectFinds("DTSTART:20260115T093000Z", "DATE_TIME", "20260115T093000Z");
    expectFinds("Nos vemos a las 9 en la plaza.", "DATE_TIME", "9");
    expectFinds("Ci vediamo alle 18 davanti al bar.", "DATE_TIME", "18");
    expectFinds("We eten om half zeven.", "DATE_TIME", "half zeven");
    expectFinds("Kal 7 baje milte hain.", "DATE_TIME", "7 baje");
    expectFinds("De winkel sluit om 17.30 uur.", "DATE_TIME", "17.30 uur");
    expectFinds("Встреча в пятницу? Нет, до субботы.", "DATE_TIME", "субботы");
    expectFinds("बैठक मंगलवार को है।", "DATE_TIME", "मंगलवार");
    // A number of things after "alle" is no time.
    expectNoType("Ho invitato alle 12 persone.", "DATE_TIME");
  });

  it("finds ages said of oneself or written after a name", () => {
    expectFinds("Hi, I'm 27, and I study in Leeds.", "AGE", "27");
    expectFinds("Applicant Marta Sousa, 38, Portuguese citizen", "AGE", "38");
    expectNoType("Table 4, 12, and 19 are free.", "AGE");
    expectFinds("He passed away at the age of 84.", "AGE", "84");
    expectFinds("I, Pradeep Nair, aged about 52 years, residing at", "AGE", "52");
    expectFinds("Name: JEPKEMBOI RUTH    Age/Sex: 29Y/F", "AGE", "29");
    expectFinds("Doug Fenwick turned 90 last week", "AGE", "90");
    expectFinds("Priya, 28\nPediatric resident", "AGE", "28");
    expectFinds("Olly, 31 · Hackney · Sound engineer", "AGE", "31");
    expectFinds("Sara: Jag är 34, bor i Uppsala", "AGE", "34");
    expectFinds("السن: 46 سنة", "AGE", "46");
    expectFinds("이름 한서윤 / 29살 / 교사", "AGE", "29");
    expectFinds("नाशिक: ३४ वर्षीय रिक्षाचालक", "AGE", "३४");
    expectFinds("mtoto Amani Ndayishimiye (miaka 9) ametenganishwa", "AGE", "9");
    expectNoType("mkopo wa miaka 20 kwa riba 13%", "AGE");
    expectNoType("Dublin, 8\nDublin 8", "AGE");
  });

  it("finds identity documents named a few words before their number", () => {
    expectFinds("Mein Reisepass hat die Nummer C4J9K2LM7.", "ID", "C4J9K2LM7");
  });

  it("keeps references, amounts and CSV decimals out of phones, and finds phones in CSV fields", () => {
    expectNoType("Claim 2026-44810 is being processed.", "PHONE");
    expectNoType("The booking number is 4410-2291-77.", "PHONE");
    expectNoType("pi,3,1415926,approx", "PHONE");
    expectFinds("name,phone\nJane Doe,07911 123456", "PHONE", "07911 123456");
  });

  it("keeps tracking, part, tax, build and code numbers out of phones, and reads phones by their script", () => {
    for (const text of [
      "Shipment 1Z 999 AA1 01 2345 6784 weighs 2 kg",
      "baggage tag 0220 581 993",
      "The part number is 2291-447-801",
      "ABN 51 824 753 556",
      "build 20250412.3 is out",
      "Firmware 10.2.0.4 required",
    ])
      expect(found(text).filter(([t]) => t === "PHONE" || t === "IP_ADDRESS")).toEqual([]);
    expectFinds("お問い合わせは03-1234-5678まで", "PHONE", "03-1234-5678");
    expectFinds("Merci, tél. 05.61.22.48.90.", "PHONE", "05.61.22.48.90");
    expectFinds("Karte 4006.0240.8426.8081 abgelehnt", "CREDIT_CARD", "4006.0240.8426.8081");
    expectFinds("server 10.2.0.4 is down", "IP_ADDRESS", "10.2.0.4");
  });

  it("finds dates in more languages and scripts, log and airline formats, and dotted times after a time word", () => {
    expectFinds("spotkanie w piątek, 3 października", "DATE_TIME", "piątek, 3 października");
    expectFinds("teslimat 21 Ağustos 2025", "DATE_TIME", "21 Ağustos 2025");
    expectFinds("приеду 3 июня", "DATE_TIME", "3 июня");
    expectFinds("rapat hari Kamis pukul 09.30", "DATE_TIME", "09.30");
    expectFinds("会議は2026年4月2日です", "DATE_TIME", "2026年4月2日");
    expectFinds('8.8.8.8 - - [02/Mar/2026:07:01:12 +0100] "GET /"', "DATE_TIME", "02/Mar/2026:07:01:12 +0100");
    expectFinds("DEP LHR 05JAN 0930", "DATE_TIME", "05JAN");
    expectFinds("doors open at 8.15pm", "DATE_TIME", "8.15pm");
    expectNoType("Subtotal 14.00, tax 2.66, version 3.10", "DATE_TIME");
    expectFinds("Barna skal være der senest 8.30.", "DATE_TIME", "8.30");
    expectFinds("SJ 423, avg. 17.12, vagn 4", "DATE_TIME", "17.12");
    expectFinds("Frokost hos oss, kl. 10.", "DATE_TIME", "10");
    expectNoType("Eintritt ab 9.50 Euro, Kinder ab 4.50 EUR", "DATE_TIME");
  });

  it("finds a person's own number after the word that names it, in many languages, and not a company's or an order's", () => {
    expectFinds("SV-Nummer: 53 140287 K 015   Steuer-ID: 47 036 892 815     StKl: 3", "ID", "53 140287 K 015");
    expectFinds("SV-Nummer: 53 140287 K 015   Steuer-ID: 47 036 892 815     StKl: 3", "ID", "47 036 892 815");
    expectFinds("PhilHealth 12-050148837-1, Pag-IBIG 1211-4830-7719, TIN 418-552-903-000.", "ID", "1211-4830-7719");
    expectFinds("skanu dowodu osobistego (nr CFK 482913), numeru", "ID", "CFK 482913");
    expectFinds("your NIN 48213097651 has been pre-verified", "ID", "48213097651");
    expectFinds("leta kitambulisho chako (nambari 28471936) na cheti", "ID", "28471936");
    expectFinds("الحامل للبطاقة الوطنية رقم BE728193، بصفته", "ID", "BE728193");
    expectFinds("identificada con cédula de ciudadanía No. 43.518.227 de Medellín", "ID", "43.518.227");
    expectFinds('  - name: Lim Mei Ying\n    ic: "880923-10-6618"', "ID", "880923-10-6618");
    expectFinds("주민등록번호: 950312-2184617", "ID", "950312-2184617");
    expectFinds("DP-2232,Salma Khatun,salmak@ybl,70019 33482,Howrah", "ID", "salmak@ybl");
    expectNoType("ИНН организации 7707083893, номер заказа 41-0087", "ID");
    expectNoType("Order ID no. 553321, national id card and 5 photos, RFC 5322, SHA-256", "ID");
    // A US social security number stays the SSN recognizer's.
    expectFinds("amerikanische Sozialversicherungsnummer: 390-44-1187", "US_SSN", "390-44-1187");
  });

  it("finds PESEL and T.C. kimlik numbers by name and checksum, and passwords after more words for them", () => {
    expectFinds("PESEL pacjenta: 02070803628", "ID", "02070803628");
    expectNoType("PESEL pacjenta: 02070803629", "ID");
    expectFinds("T.C. kimlik no 10000000146", "ID", "10000000146");
    expectFinds("the wifi pass is Rq7!kd92Lm", "SECRET", "Rq7!kd92Lm");
    expectFinds("hasło: Zima#2025x", "SECRET", "Zima#2025x");
  });

  it("takes no postcode from a table cell or after a word ending in a state code", () => {
    expectNoType("id\tname\n10442\tFatima", "ZIP_CODE");
    expectNoType("Subject: RMA 55012", "ZIP_CODE");
    expectFinds("Springfield, IL 62704", "ZIP_CODE", "62704");
  });

  it("finds street addresses in more countries' forms, and their postcodes", () => {
    expectFinds("moved to 18 E 73rd St last year", "ADDRESS", "18 E 73rd St");
    expectFinds("deliver to Plot 7, Jinja Road please", "ADDRESS", "Plot 7, Jinja Road");
    expectFinds("biuro: ul. Piotrkowska 104, 90-926 Łódź", "ADDRESS", "ul. Piotrkowska 104");
    expectFinds("biuro: ul. Piotrkowska 104, 90-926 Łódź", "ZIP_CODE", "90-926");
    expectFinds("adres: Atatürk Caddesi No: 15, Konak", "ADDRESS", "Atatürk Caddesi No: 15");
    expectFinds("Yuki lives at 4-2-8 Shibakoen, Minato-ku", "ADDRESS", "4-2-8 Shibakoen");
    expectFinds("CPA B1636ABC Olivos", "ZIP_CODE", "B1636ABC");
  });

  it("finds large cities in scripts without capitals and in Russian and Greek case forms", () => {
    expectFinds("我下周去北京出差", "LOCATION", "北京");
    expectFinds("أنا الآن في الرياض", "LOCATION", "الرياض");
    expectFinds("कल मैं पुणे जा रहा हूँ", "LOCATION", "पुणे");
    expectFinds("живу в Москве", "LOCATION", "Москве");
    expectNoType("Московский проспект закрыт", "LOCATION");
  });

  it("finds a job title on a signature line of its own", () => {
    expectFinds("Best,\nIkenna Obi\nProcurement Officer | Lagos Agro Ltd", "TITLE", "Procurement Officer");
  });

  it("keeps ordinary numbers out", () => {
    expect(found("Order 12345678 shipped: 3 items, total 1,234.56 EUR, version 2.4.1, page 42 of 300.")).toEqual([]);
  });

  it("gives every pattern recognizer a distinct name", () => {
    const names = PATTERN_RECOGNIZERS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
