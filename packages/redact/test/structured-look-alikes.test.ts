// Structured types against the numbers that look like them: version strings shaped like addresses, masks, part
// and batch numbers, CSV rows, links, text in scripts written without spaces. Every sentence here is written for
// this test.
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { createAnalyzer, type EntityType } from "../src/index";
import { isUnassignedIpv4 } from "../src/recognizers/ip-recognizer";
import { namedOtherThanPhone } from "../src/recognizers/phone-label";
import { keypadDigits } from "../src/recognizers/vanity-phone-recognizer";
import { ssaValid } from "../src/validation/ssa";

const analyzer = createAnalyzer();

function of(text: string, type: EntityType): string[] {
  return analyzer
    .analyze(text)
    .filter((e) => e.type === type)
    .map((e) => e.text);
}

/** `prefix` padded with `fill` to `length - 1` digits and closed with its Luhn check digit. */
function withLuhn(prefix: string, length: number, fill = "3"): string {
  const body = prefix.padEnd(length - 1, fill);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const group4 = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, "$1 ");

describe("IPv4 addresses and the numbers shaped like them", () => {
  it("leaves version numbers after version words, compounds and other languages included", () => {
    for (const text of [
      "Installierte Firmwareversion 6.3.12.4 auf dem Switch im Keller.",
      "Поставьте версию прошивки 5.1.2.9 и перезагрузите.",
      "We bumped openssl to 3.0.13.1 in the last release.",
      "Router FW 4.2.0.77 fixes the Wi-Fi drops.",
      "内核3.10.0.693更新后重启。",
      "Kernel 5.15.0.91 (was 5.15.0.88) after the patch.",
    ]) {
      expect(of(text, "IP_ADDRESS"), text).toEqual([]);
      expect(of(text, "PHONE"), text).toEqual([]);
    }
  });

  it("still finds an address after a word that names a machine, even next to an update word", () => {
    expect(of("Please update server 10.20.30.40 tonight.", "IP_ADDRESS")).toEqual(["10.20.30.40"]);
    expect(of("Moved the printer from 10.1.1.5 to 10.1.1.9 today.", "IP_ADDRESS")).toEqual(["10.1.1.5", "10.1.1.9"]);
  });

  it("leaves masks, loopback, the any address and ::, which name nobody's machine", () => {
    expect(isUnassignedIpv4("255.255.252.0")).toBe(true);
    expect(isUnassignedIpv4("255.255.255.255")).toBe(true);
    expect(isUnassignedIpv4("127.0.0.53")).toBe(true);
    expect(isUnassignedIpv4("0.0.0.0/0")).toBe(true);
    // Not a mask: ones and zeros interleave.
    expect(isUnassignedIpv4("255.0.255.0")).toBe(false);
    expect(isUnassignedIpv4("172.20.4.9")).toBe(false);
    const text = "Bind to 0.0.0.0 or 127.0.0.1, mask 255.255.248.0, route ::/0 via 172.20.4.9.";
    expect(of(text, "IP_ADDRESS")).toEqual(["172.20.4.9"]);
  });

  it("takes the address, not the URL, when a URL's host is an address", () => {
    const text = "Dashboard: http://10.44.0.12:3000/d/home and https://[2001:db8:4::17]:8443/status";
    expect(of(text, "IP_ADDRESS")).toEqual(["10.44.0.12", "2001:db8:4::17"]);
    expect(of(text, "URL")).toEqual([]);
  });

  it("reads a dotted quad as an address, never as a phone", () => {
    const text = "Can you ping 192.168.40.21 from the kiosk? It should reach us.";
    expect(of(text, "PHONE")).toEqual([]);
    expect(of(text, "IP_ADDRESS")).toEqual(["192.168.40.21"]);
  });
});

describe("phone numbers in rows, pairs and links", () => {
  it("finds a French mobile whose second group could be a month", () => {
    expect(of("Joignable au 07.11.52.64.38 après 18h.", "PHONE")).toEqual(["07.11.52.64.38"]);
  });

  it("finds each phone of a CSV row without cutting it at the comma", () => {
    const row = "id,name,office,mobile\n7,Ines Aalto,+49 89 2180 4410,0171 4459 281,80539\n";
    expect(of(row, "PHONE")).toEqual(["+49 89 2180 4410", "0171 4459 281"]);
  });

  it("splits two numbers joined by a spaced slash", () => {
    expect(of("Hong Kong desk: +852 2523 4417 / 9147 2258.", "PHONE")).toEqual(["+852 2523 4417", "9147 2258"]);
  });

  it("takes the extension in the words of several languages", () => {
    expect(of("Appelez le +33 1 44 55 66 77 poste 218.", "PHONE")).toEqual(["+33 1 44 55 66 77 poste 218"]);
    expect(of("Звоните +7 812 555-12-34 доб. 31.", "PHONE")).toEqual(["+7 812 555-12-34 доб. 31"]);
    expect(of("Zadzwoń +48 12 345 67 89 wew. 7", "PHONE")).toEqual(["+48 12 345 67 89 wew. 7"]);
  });

  it("finds a Chinese mobile written as one run right after the word for calling", () => {
    expect(of("有事请致电15812345678，谢谢。", "PHONE")).toEqual(["15812345678"]);
  });

  it("finds the number of a chat link and drops the link", () => {
    const text = 'Chat: <a href="https://wa.me/4915123456789">WhatsApp</a>';
    expect(of(text, "PHONE")).toEqual(["4915123456789"]);
    expect(of(text, "URL")).toEqual([]);
    // Not a valid number once the "+" is put back: nothing.
    expect(of("https://wa.me/1234567", "PHONE")).toEqual([]);
  });

  it("leaves numbers named as orders, batches and registry entries in several languages", () => {
    expect(namedOtherThanPhone("Ο αριθμός τιμολογίου είναι ")).toBe(true);
    expect(namedOtherThanPhone("Номер заказа: ")).toBe(true);
    expect(namedOtherThanPhone("رقم الفاتورة ")).toBe(true);
    expect(namedOtherThanPhone("請求番号（")).toBe(true);
    expect(namedOtherThanPhone('"loyalty":"')).toBe(true);
    expect(namedOtherThanPhone("Part numbers: ")).toBe(true);
    expect(namedOtherThanPhone("CVR ")).toBe(true);
    expect(namedOtherThanPhone("Kontonummer for husleien er ")).toBe(true);
    expect(namedOtherThanPhone("Social security number (digits only): ")).toBe(true);
    // A phone's own compound still names a phone.
    expect(namedOtherThanPhone("Telefonnummer til kontoret er ")).toBe(false);
    for (const text of [
      "Ο αριθμός τιμολογίου είναι 6620-4471.",
      "ISBN-10 0-19-852663-6 on the spine.",
      "Waypoint -41.2865, 174.776236 at the harbour.",
      "Totals 48.210 / 131.904 for both quarters.",
      "Firmware 2.4.11.7020 is installed.",
    ]) {
      expect(of(text, "PHONE"), text).toEqual([]);
    }
  });
});

describe("phone numbers spelled with letters, and lists named as something else", () => {
  it("reads a toll-free number spelled with letters off the keypad", () => {
    expect(keypadDigits("1-800-GO-HOTEL")).toBe("18004646835");
    expect(of("For bookings ring 1-888-GO-HOTEL any time.", "PHONE")).toEqual(["1-888-GO-HOTEL"]);
    expect(of("Questions? (877) PETS-NOW", "PHONE")).toEqual(["(877) PETS-NOW"]);
  });

  it("leaves capitals after 800 that are a model, a figure or a code", () => {
    for (const text of ["The 800 MEGAHERTZ band is busy.", "Model 800-XL3 ships in May.", "Code 844-AB."]) {
      expect(of(text, "PHONE"), text).toEqual([]);
    }
  });

  it("leaves every number of a list after a label that names them as something else", () => {
    const text = "Lot numbers: 0761 204 3318 (tray), 06 41 552 907 (lid) and 2 318 440 917 (seal).";
    expect(of(text, "PHONE")).toEqual([]);
    // A phone word between the items starts a new thing.
    expect(of("Lot number: 0761 204 3318, call +49 30 901820 for help.", "PHONE")).toEqual(["+49 30 901820"]);
  });
});

describe("US social security numbers and the numbers named otherwise", () => {
  it("leaves a number of SSN shape named as a case or an order", () => {
    expect(of("The SSN is on file; docket # 412-08-3371 is the appeal.", "US_SSN")).toEqual([]);
    expect(of("Order 218-44-9031 left the warehouse.", "US_SSN")).toEqual([]);
    // Valid by the SSA's rules: only the label before it says otherwise.
    expect(ssaValid("412", "08", "3371")).toBe(true);
    expect(ssaValid("218", "44", "9031")).toBe(true);
  });

  it("finds the SSN inside a Medicare claim number, with a context word only", () => {
    expect(of("Her old Medicare number was her SSN 412-08-3371B.", "US_SSN")).toEqual(["412-08-3371"]);
    expect(of("Locker code 412-08-3371B at the gym.", "US_SSN")).toEqual([]);
  });

  it("finds a bare SSN after a label with a remark, and no phone there", () => {
    const form = "Social security number (digits only): 412083371";
    expect(of(form, "US_SSN")).toEqual(["412083371"]);
    expect(of(form, "PHONE")).toEqual([]);
  });
});

describe("payment cards in rows and in scripts without spaces", () => {
  it("finds Luhn-valid cards of known issuers in CSV cells, and no decimals there", () => {
    const visa = withLuhn("4539", 16);
    const amex = withLuhn("3782", 15);
    const sheet = `txn,pan,amount\n501,${visa},12.50\n502,${amex},7.00\n`;
    expect(of(sheet, "CREDIT_CARD")).toEqual([visa, amex]);
    // A number of card length after a decimal comma fails the issuer test: nothing.
    expect(of(`Ratio 0,${withLuhn("1234", 16)} exactly`, "CREDIT_CARD")).toEqual([]);
  });

  it("finds a card right after Han or kana", () => {
    const card = withLuhn("6212", 16);
    expect(of(`您的信用卡${group4(card)}已扣款。`, "CREDIT_CARD")).toEqual([group4(card)]);
    expect(of(`カード${card}で支払い済み`, "CREDIT_CARD")).toEqual([card]);
    // Next to Latin letters the digits belong to a word.
    expect(of(`ref${card}x`, "CREDIT_CARD")).toEqual([]);
  });

  it("finds a UnionPay number without a Luhn digit only with a word for a card", () => {
    const luhn = withLuhn("6231", 16);
    const broken = luhn.slice(0, 15) + String((Number(luhn[15]) + 1) % 10);
    expect(of(`UnionPay card ${group4(broken)} declined`, "CREDIT_CARD")).toEqual([group4(broken)]);
    expect(of(`Lot ${group4(broken)} shipped`, "CREDIT_CARD")).toEqual([]);
  });

  it("finds a 12-digit Maestro number only with a word for a card", () => {
    const maestro = group4(withLuhn("6759", 12));
    expect(of(`Maestro card ${maestro} expired`, "CREDIT_CARD")).toEqual([maestro]);
    expect(of(`Shipment ${maestro} delayed`, "CREDIT_CARD")).toEqual([]);
  });
});

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58Check(version: number, payload: Uint8Array): string {
  const body = Uint8Array.from([version, ...payload]);
  const check = sha256(sha256(body)).slice(0, 4);
  let n = 0n;
  for (const b of [...body, ...check]) n = n * 256n + BigInt(b);
  let out = "";
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  return out;
}

describe("Litecoin addresses", () => {
  it("finds base58check addresses with Litecoin's L and M prefixes, and leaves a broken checksum", () => {
    const payload = Uint8Array.from({ length: 20 }, (_, i) => (i * 37 + 11) % 256);
    const legacy = base58Check(0x30, payload);
    const script = base58Check(0x32, payload);
    expect(legacy[0]).toBe("L");
    expect(script[0]).toBe("M");
    expect(of(`Send LTC to ${legacy} or ${script} please`, "CRYPTO")).toEqual([legacy, script]);
    const broken = legacy.slice(0, -1) + (legacy.endsWith("z") ? "y" : "z");
    expect(of(`Send LTC to ${broken} please`, "CRYPTO")).toEqual([]);
  });
});

describe("e-mail addresses in every form", () => {
  it("stops an address at Han, kana and Hangul around it", () => {
    expect(of("请联系li.na@example.cn或wang_fang9@example.com。", "EMAIL")).toEqual([
      "li.na@example.cn",
      "wang_fang9@example.com",
    ]);
    expect(of("資料はsato.k@example.jpへ送ってください", "EMAIL")).toEqual(["sato.k@example.jp"]);
    expect(of("메일은 park.j@example.kr로 보내세요", "EMAIL")).toEqual(["park.j@example.kr"]);
  });

  it("keeps an apostrophe inside the local part and a quoted local part", () => {
    expect(of("Write to d'angelo.marco@example.it today.", "EMAIL")).toEqual(["d'angelo.marco@example.it"]);
    expect(of('Bcc: "ops team"@example.net', "EMAIL")).toEqual([]);
    expect(of('Bcc: "ops.team"@example.net', "EMAIL")).toEqual(['"ops.team"@example.net']);
  });

  it("leaves message ids in mail headers and event ids in calendar entries", () => {
    expect(of("In-Reply-To: <7781.99af@relay.example.net>", "EMAIL")).toEqual([]);
    expect(of("Message-ID: <a1b2c3.20250101@mail.example.org>", "EMAIL")).toEqual([]);
    const event =
      "BEGIN:VEVENT\nUID:20250225T103012Z-7781@booking.example.co.uk\nORGANIZER:mailto:desk@booking.example.co.uk";
    expect(of(event, "EMAIL")).toEqual(["desk@booking.example.co.uk"]);
    // A line of prose that ends in "uid:" is no calendar's field.
    expect(of("my fluid: ana@example.org", "EMAIL")).toEqual(["ana@example.org"]);
  });

  it("finds addresses written with [at], (at) and AT … DOT", () => {
    expect(of("Reach me at marta.kowal [at] example [dot] pl", "EMAIL")).toEqual(["marta.kowal [at] example [dot] pl"]);
    expect(of("Kontakt: jens(at)example-haus(punkt)de", "EMAIL")).toEqual(["jens(at)example-haus(punkt)de"]);
    expect(of("Escríbeme a rocio {arroba} example.es", "EMAIL")).toEqual(["rocio {arroba} example.es"]);
    expect(of("Mail: tom.h AT example DOT co DOT uk", "EMAIL")).toEqual(["tom.h AT example DOT co DOT uk"]);
  });

  it("leaves words in brackets and capitals that make no address", () => {
    expect(of("See you (at) noon by the gate.", "EMAIL")).toEqual([]);
    expect(of("Meet me [at] the cafe [dot] 42", "EMAIL")).toEqual([]);
    expect(of("WE ARRIVE AT NOON DOT", "EMAIL")).toEqual([]);
  });
});
