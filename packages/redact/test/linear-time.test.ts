// Hostile input: every recognizer must scan 100 KB of adversarial text in linear time. A super-linear regex turns
// these into minutes or hours; the test's timeout is what fails then (no clock is read here).
import { describe, expect, it } from "vitest";
import { defaultRecognizers } from "../src/index";

const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const ADVERSARIAL: Record<string, string> = {
  letters: fill("a"),
  digits: fill("1"),
  "digits and spaces": fill("1 "),
  "digits and dashes": fill("1-"),
  "digits and dots": fill("1."),
  "at signs": fill("a@"),
  "dotted labels": fill("a."),
  "email-ish": fill("a.b@c"),
  colons: fill("a:"),
  "hex and colons": fill("ab:"),
  brackets: fill("(1"),
  "plus digits": fill("+1 "),
  capitals: fill("Aa "),
  "capital words": fill("Anna "),
  "upper words": fill("ABC "),
  initials: fill("A. "),
  "street-like": fill("1 Main "),
  "url-ish": fill("http://a"),
  "keyword runs": fill("password "),
  base58: fill("1A"),
  "iban-ish": fill("DE89 "),
  unicode: fill("é😀ß"),
  "month words": fill("12 March "),
  newlines: fill("A\n"),
  "chat-log prefixes": fill("[12/03/2025, 10:41] <a"),
  "chat-log names": fill("10:41 - Ana Ana Ana"),
  "comma capitals": fill("Anna, "),
  "role words": fill("Anna, avocat "),
  "hour cues": fill("alle 1"),
  "iso basic": fill("20250101T"),
  "dotted forms": fill("Acme S.L."),
  "bracketed at": fill("a [at] b (dot) "),
  "capital at": fill("a AT b DOT "),
  "quoted local parts": fill('"a"@b.'),
  "chat links": fill("wa.me/1"),
  "csv digits": fill("1234,"),
  "vanity numbers": fill("1-800-AB"),
  "caseless script": fill("नमस्ते "),
  "name suffixes": fill("Verma ji "),
  "form fields": fill("Name: Anna  "),
  "json keys": fill('"name": "A'),
  "table rows": fill("name;city\nAnna;Rom\n"),
  "quoted cells": fill('name,"a,'),
  "speaker lines": fill("Anna: hi\n"),
  "speaker times": fill("Mark 3:02 PM\n"),
  handles: fill("@ab"),
  "space runs": fill("a  "),
  "cjk dates": fill("3月1"),
  "dotted hours": fill("pukul 1."),
  "id labels": fill("SV-Nummer nr A "),
  "id groups": fill("NIN 1 A-"),
  "upi-ish": fill("a.b@ybl"),
  "log dates": fill("10/Oct/2025:"),
  "block addresses": fill("1-2-3 "),
  "street words": fill("ul. Anna "),
  directions: fill("1 W 1"),
  "han names": fill("王伟先生"),
  "han runs": fill("北京清华"),
  "thai cues": fill("คุณสมชาย"),
  "arabic titles": fill("السيد خالد "),
  "hangul names": fill("김민준 씨 "),
  "script speakers": fill("王伟：好\n"),
  "world times": fill("下午三点 "),
  "spaced dates": fill("1. 2. "),
  "nationality endings": fill("abcaise "),
  "long nationality words": fill("abcdefghijklmnopqrstuvwxyzaise"),
  "turkish endings": fill("Ayşe'nin "),
  "cyrillic capitals": fill("с Ольгой "),
  "polish cases": fill("w Gdańsku "),
  "han organizations": fill("北京大学银行"),
  "number labels": fill("Tel.-Nr. 1 "),
  "compound labels": fill("Kundennummer 12 "),
  "number-first labels": fill("número de pedido 1 "),
  "iban groups": fill("DE04 4401 "),
  "postal marks": fill("〒123-"),
  "nhs numbers": fill("NHS 123 "),
  "colon plus": fill(":+1 "),
  "slashed groups": fill("0171 / 5"),
  "number words": fill("one two, three "),
  "short number runs": fill("oh oh oh oh oh oh x "),
  "number word compounds": fill("vingt et un-"),
  "spoken addresses": fill("a dot b at c dot "),
  "o for zero": fill("O1O1 O"),
  "cjk block addresses": fill("東京都渋谷区1-2"),
  "kana runs": fill("みなと"),
  "hebrew streets": fill("רחוב אב "),
  "vietnamese lanes": fill("số 1 ngõ 2 "),
  "legal forms before names": fill("ООО «аб, "),
  "bengali titles": fill("ড. ড. নাসরিন "),
  "closings and long words": fill("ধন্যবাদ, ") + fill("ক"),
  // Spaces between a closing and its sender's name, once cubic in their number.
  "a closing and a run of spaces": `ধন্যবাদ${" ".repeat(SIZE)}`,
  "glued forms of address": fill("રમેશભાઈ "),
  "georgian family endings": fill("ბერიძე "),
  "armenian endings": fill("Արամ Պետրոսյան"),
  "vcard lines": `BEGIN:VCARD\n${fill("N:a;")}`,
  "sql rows": `INSERT INTO t (name, city) VALUES ${fill("('a', ' ")}`,
  "division words": fill("Brgy. San Ab "),
  "names before divisions": fill("Anna Anna Anna camp "),
  "han divisions": fill("在宝安区"),
  "kinds after names": fill("রাজশাহী বিশ্ববিদ্যালয় "),
  "japanese shops": fill("カフェ渋谷店"),
  "payment notices": fill("Kuda: KES 1 "),
  "korean roads": fill("중앙로 1, "),
  "chinese streets": fill("在张杨路1"),
  "arabic address parts": fill("شارع ابن، "),
  "house numbers first": fill("House No. 1, Ab "),
  "estonian months": fill("1. detsembri "),
  "year-first latvian dates": fill("2025. gada 1. "),
  "ethiopian months": fill("ጥቅምት 1ጥቅምት "),
  "code words": fill("code A1 "),
  "link credentials": fill("a://b:c@"),
  "wifi slashes": fill("wifi: a / "),
  "sql spaces": `INSERT INTO t (name) VALUES (${fill(" ")}`,
  "speakers in lower case": fill("Tolu: tolu tolu\n"),
  // Thousands of different speakers, each named again in lower case: the lower-case pass reads a bounded number.
  "many speakers": Array.from({ length: 12_000 }, (_, i) => {
    const name = `Zq${i.toString(26).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
    return `${name}: hi ${name.toLowerCase()}\n`;
  })
    .join("")
    .slice(0, SIZE),
  "chat roles": fill("ไรเดอร์ สมศักดิ์: ได้ครับ\n"),
  "records of fields": fill("Driver: Ab Cd\nVehicle: Ef\n"),
};

// Shapes of the date, age, id and secret rules read in many languages, run by the recognizers that hold them (the
// name pass already spends most of its budget on the strings above).
const RECALL_SHAPES: Record<string, string> = {
  "hour ranges": fill("Friday between 1 and "),
  "ledger lines": fill("01/02 \n"),
  "month cues": fill("until März "),
  "password-like tokens": fill("admin a!1"),
  "named numbers": fill("RUT 1.2"),
  "plate words": fill("Kennzeichen A-1 "),
  "plate fillers": fill("plate number nako A1 "),
  "car models": fill("Toyota Corolla silver · A1 "),
  "age units": fill("1 y 2 J. "),
  "hebrew prefixes": fill("באפריל "),
  "hours in words": fill("hasta las ocho y às duas ab halb neun Uhr "),
  "hours by their words": fill("1 órakor saa nne jam 1 godz. 1 "),
  "hours in scripts": fill("সকাল ১টায় மாலை 6 மணி 7点，"),
};

// The name pass reads all of these strings in about 7 s on the 2-core reference machine, and three times that when the
// machine is loaded; a super-linear pattern takes minutes to hours on one of them. Two minutes tells the two apart.
const LINEAR_BUDGET_MS = 120_000;

describe("every recognizer runs in linear time", () => {
  for (const recognizer of defaultRecognizers()) {
    it(`${recognizer.name} on 100 KB adversarial strings`, { timeout: LINEAR_BUDGET_MS }, () => {
      for (const text of Object.values(ADVERSARIAL)) {
        const results = recognizer.analyze(text, { regions: [] });
        expect(Array.isArray(results)).toBe(true);
        for (const r of results) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(text.length);
        }
      }
    });
  }
});

describe("the date, age, id, secret and field rules run in linear time on their own shapes", () => {
  const names = new Set(["date-time", "age", "id", "secret", "fields"]);
  for (const recognizer of defaultRecognizers().filter((r) => names.has(r.name))) {
    it(`${recognizer.name} on 100 KB strings of those shapes`, () => {
      for (const text of Object.values(RECALL_SHAPES)) {
        const results = recognizer.analyze(text, { regions: [] });
        expect(Array.isArray(results)).toBe(true);
        for (const r of results) expect(r.end).toBeLessThanOrEqual(text.length);
      }
    });
  }
});
