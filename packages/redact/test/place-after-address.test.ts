import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/index";
import { foundOf } from "./found";

// Lines written for these tests: the district and the town after an address or a firm's name, in several countries'
// forms, and the words after an address that are no place.
const places = (text: string) => foundOf(text, "LOCATION");

describe("a town after an address or a firm", () => {
  it("reads unlisted districts and towns after an address, in a chain", () => {
    expect(places("Entrega: Rua Tenente Silveira, 412, sala 7 – Trindade, Chapecozinho. Obrigado!")).toEqual(
      expect.arrayContaining(["Trindade", "Chapecozinho"]),
    );
    expect(places("Il-kuntratt: 8, Triq San Pawl, Marsaxlokk MXK 1203.")).toContain("Marsaxlokk");
    expect(places("Delivery: 14 Kingfisher Rd, Wattleford VIC 3999")).toContain("Wattleford");
    expect(places("العنوان: زنقة الأرز، عمارة 3، الشقة 5، حي الرياض، تمارة")).toEqual(
      expect.arrayContaining(["تمارة"]),
    );
  });

  it("reads the town after a firm's name where the line ends, or a phone follows", () => {
    expect(places("ஸ்ரீ லட்சுமி மருத்துவமனை, திருநெல்வேலி – 0462 233 4455")).toContain("திருநெல்வேலி");
    expect(places("Regards,\nAnna\nKowalski Transport Sp. z o.o., Wołomin\n")).toContain("Wołomin");
  });

  it("leaves units, labels, states' letters and sentences after an address or a firm alone", () => {
    expect(places("Ship to: 1729 Pine Hollow Rd, Suite 4, Sometown, NV 89001")).not.toContain("NV");
    expect(places("Ship to: 1729 Pine Hollow Rd, Suite 4")).toEqual([]);
    expect(places("Rua Augusta 1508, CEP 01304-001")).toEqual([]);
    expect(places("Your order from Lakshmi Foods, Indiranagar was delivered by Ravi.")).not.toContain("Indiranagar");
    expect(places("Northgate Medical Laboratories – FINAL REPORT\nPatient: X")).toEqual([]);
  });

  it("reads the town when places are asked for with addresses, and reports only what was asked for", () => {
    const text = "Rua Tenente Silveira, 412 – Trindade, Chapecozinho.";
    const both = createAnalyzer({ types: ["ADDRESS", "LOCATION"] }).analyze(text);
    expect(both.filter((e) => e.type === "LOCATION").map((e) => e.text)).toEqual(["Trindade", "Chapecozinho"]);
    const addresses = createAnalyzer({ types: ["ADDRESS"] }).analyze(text);
    expect(addresses.map((e) => e.type)).toEqual(["ADDRESS"]);
  });

  it("reads a huge text of address lines in linear time", { timeout: 120_000 }, () => {
    const lines = "Entrega: Rua Augusta, 1508 – Trindade, Chapecozinho.\n".repeat(40_000);
    const found = createAnalyzer({ types: ["ADDRESS", "LOCATION"] }).analyze(lines);
    expect(found.filter((e) => e.text === "Chapecozinho")).toHaveLength(40_000);
  });
});
