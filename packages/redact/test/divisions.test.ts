import { describe, expect, it } from "vitest";
import { divisionRecognizer } from "../src/recognizers/division-recognizer";
import { foundOf } from "./found";

// Addresses and field reports written for these tests: places in no list, named by the word for their division.
const places = (text: string) => foundOf(text, "LOCATION");

describe("wards, districts, villages and camps named by their division's word", () => {
  it("reads a name after the division's word in Vietnamese, Indonesian, Filipino, Swahili and Kinyarwanda", () => {
    expect(places("12 Lê Lợi, Phường Bến Thành, Quận 3")).toEqual(["Bến Thành", "Quận 3"]);
    expect(places("Jl. Melati 4, Kecamatan Cibeunying Kidul, Bandung")).toContain("Cibeunying Kidul");
    expect(places("Purok 2, Brgy. Malinta, Valenzuela")).toContain("Malinta");
    expect(places("Tulikutana na wazee wa Kijiji cha Mwembeni jana")).toEqual(["Mwembeni"]);
    expect(places("Twasuye imiryango yo mu Umurenge wa Kimironko")).toEqual(["Kimironko"]);
  });

  it("reads a name before the division's word, but not an ordinary word there", () => {
    expect(places("Distribution at Kiryandongo settlement resumed")).toEqual(["Kiryandongo"]);
    const text = "The Summer camp and the school district both start Monday";
    expect(divisionRecognizer.analyze(text, { regions: [] })).toEqual([]);
  });

  it("reads Thai, Arabic, Kurdish, Chinese and Japanese divisions, without the verb or the city before them", () => {
    expect(places("บ้านเลขที่ 5 ต.หนองหาร อ.สันทราย")).toEqual(["หนองหาร", "สันทราย"]);
    expect(places("زرنا العائلة في مخيم الزعتري أمس")).toEqual(["الزعتري"]);
    expect(places("سەردانی کەمپی قوشتەپە کرا")).toEqual(["قوشتەپە"]);
    expect(places("我们在龙岗区布吉街道见")).toEqual(["龙岗区", "布吉街道"]);
    expect(places("京都市中京区烏丸通")).toContain("中京区");
    // A kind of zone is no name: "industrial zone".
    expect(places("工厂在第一工业区")).toEqual([]);
  });

  it("reads a train station people say they are at", () => {
    expect(places("I'm at MRT Tanjong Pagar exit B")).toEqual(["Tanjong Pagar"]);
  });
});
