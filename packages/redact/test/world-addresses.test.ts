import { describe, expect, it } from "vitest";
import { foundOf } from "./found";

// Addresses written for these tests, in the forms of countries whose streets and numbering the European patterns do
// not read, each beside a near miss.
const addresses = (text: string) => foundOf(text, "ADDRESS");

describe("street addresses of more countries", () => {
  it("reads Korean road-name addresses after a district or with a building's unit, not measures or counts", () => {
    expect(addresses("배송지: 부산 해운대구 센텀중앙로 97, 2301호")).toEqual(["센텀중앙로 97, 2301호"]);
    expect(addresses("서울 중구 세종대로 110")).toEqual(["세종대로 110"]);
    expect(addresses("크기는 세로 10cm, 가로 20cm이고 바로 3개 보냈어요")).toEqual([]);
  });

  it("reads Chinese streets with their numbers, and Japanese buildings with their rooms", () => {
    expect(addresses("请送到体育西路103号2栋1801室，谢谢")).toEqual(["体育西路103号2栋1801室"]);
    expect(addresses("住所：メゾン桜台 105号室")).toEqual(["メゾン桜台 105号室"]);
  });

  it("reads Arabic addresses of two parts or more, after a preposition glued on, but not one part alone", () => {
    expect(addresses("السكن بشارع الحرية، عمارة 3، شقة 9")).toEqual(["شارع الحرية، عمارة 3، شقة 9"]);
    expect(addresses("قطعة 4، شارع 12، منزل 7")).toEqual(["قطعة 4، شارع 12، منزل 7"]);
    expect(addresses("مشيت في الشارع الكبير")).toEqual([]);
  });

  it("reads Maltese, West African, South Asian, Hindi and Khmer house and street forms", () => {
    expect(addresses("Indirizz: 7, Triq il-Mitħna, Rabat")).toContain("7, Triq il-Mitħna");
    expect(addresses("Deliver to House No. 9, Kofi Annan Street, Accra")).toContain("House No. 9, Kofi Annan Street");
    expect(addresses("Office: Plot 12-C, Sector 7, Gulshan")).toContain("Plot 12-C, Sector 7, Gulshan");
    expect(addresses("पता: टावर B, फ्लैट 702, सेक्टर 50")).toEqual(["टावर B, फ्लैट 702, सेक्टर 50"]);
    expect(addresses("ផ្ទះលេខ 15 ផ្លូវ 63")).toEqual(["ផ្ទះលេខ 15 ផ្លូវ 63"]);
    expect(addresses("Vilniaus pl. 12, Kaunas")).toContain("Vilniaus pl. 12");
  });

  it("reads Indian addresses by ordinal mains, crosses, blocks and floors, not one part alone", () => {
    expect(addresses("Deliver to: Kavya, #212, 3rd Floor, 8th Main, 2nd Block, Rajajinagar")).toContain(
      "#212, 3rd Floor, 8th Main, 2nd Block",
    );
    expect(addresses("Flat 5, Lake View Residency, 7th Cross, 11th Main, BTM Layout")).toContain(
      "7th Cross, 11th Main",
    );
    expect(addresses("Meet on the 2nd Floor at noon; take the 5th Main exit")).toEqual([]);
  });

  it("keeps an Arabic organization's name on its line", () => {
    const found = foundOf("شركة النخيل للتجارة\nجوال: +966 55 123 4567", "ORGANIZATION");
    expect(found).toEqual(["شركة النخيل للتجارة"]);
  });
});
