import { describe, expect, it } from "vitest";
import { ARABIC, BENGALI, HAN, HANGUL, inScript, KANA, scriptBlocks, THAI } from "../src/script-blocks";

// The script gate that patterns of one script test before their own regex: it must see every script a text holds,
// or a pattern would never run where it should.
describe("the scripts a text holds", () => {
  it("reads each script's block, wherever in the text it stands", () => {
    expect(scriptBlocks("plain ASCII and Latin-1: café")).toBe(0);
    expect(scriptBlocks("Address: زنقة ابن سينا") & ARABIC).toBe(ARABIC);
    expect(scriptBlocks("ঢাকা and then English") & BENGALI).toBe(BENGALI);
    const mixed = scriptBlocks("東京 ソウル 서울 กรุงเทพ");
    expect(mixed & (HAN | KANA | HANGUL | THAI)).toBe(HAN | KANA | HANGUL | THAI);
  });

  it("answers for the text it is given, not the one before", () => {
    expect(scriptBlocks("서울") & HANGUL).toBe(HANGUL);
    expect(scriptBlocks("Seoul") & HANGUL).toBe(0);
  });

  it("runs a pattern's own test only on texts of its script", () => {
    const test = inScript(ARABIC, /شارع/u);
    expect(test("شارع الحرية")).toBe(true);
    expect(test("ARABIC street")).toBe(false);
    expect(test("عمارة 3")).toBe(false);
  });
});
