import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/index";
import { foundOf } from "./found";

// Sentences written for these tests: names in scripts the lists do not cover, each marked by what marks a name in
// that language, and a near miss with the same words unmarked (or marked by a word that is no name) left alone.
const analyzer = createAnalyzer();
const people = (text: string) => foundOf(text, "PERSON");

describe("names in more scripts, read from what marks them", () => {
  it("reads names after a title in Bengali, Tamil, Kannada and Malayalam, up to where a name may end", () => {
    expect(people("সভার সভাপতি ড. শামীম আহমেদ, সদস্য জনাব কামরুল হক।")).toEqual(["শামীম আহমেদ", "কামরুল হক"]);
    expect(people("நாளை திருமதி கவிதா அவர்களை சந்திக்கவும்")).toEqual(["கவிதா"]);
    expect(people("ಶ್ರೀ ರಾಘವೇಂದ್ರ ರಾವ್ ಅವರಿಗೆ ಪತ್ರ")).toEqual(["ರಾಘವೇಂದ್ರ ರಾವ್"]);
    expect(people("ഡോ. മീര നായർ, കാർഡിയോളജി")).toEqual(["മീര നായർ"]);
    // The same words without a title are no one.
    expect(people("সভার সভাপতি শামীম আহমেদ সদস্য")).toEqual([]);
  });

  it("reads names before a form of address in Telugu, Sinhala and Malayalam", () => {
    expect(people("శ్రీనివాస్ రెడ్డి గారు, మీ అపాయింట్మెంట్ ఖరారైంది")).toEqual(["శ్రీనివాస్ రెడ్డి"]);
    expect(people("සුනිල් ප්‍රනාන්දු මහතා, ඔබගේ ඇණවුම")).toEqual(["සුනිල් ප්‍රනාන්දු"]);
    expect(people("ഗണിതം ദീപ ടീച്ചറുടെ ക്ലാസ്").join(" ")).toContain("ദീപ");
  });

  it("reads Punjabi and Georgian names by their family names, and Gujarati ones by -ભાઈ and -બેન", () => {
    expect(people("ਕੱਲ੍ਹ ਗੁਰਪ੍ਰੀਤ ਕੌਰ ਅਤੇ ਮਨਜੀਤ ਸਿੰਘ ਆਉਣਗੇ")).toEqual(["ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "ਮਨਜੀਤ ਸਿੰਘ"]);
    expect(people("შეხვედრას გიორგი მამულაშვილი და თამარ ლომიძე დაესწრებიან")).toEqual([
      "გიორგი მამულაშვილი",
      "თამარ ლომიძე",
    ]);
    // "შვილიშვილი" (grandchild) ends like a family name and is none.
    expect(people("ჩემი შვილიშვილი სკოლაში წავიდა")).toEqual([]);
    expect(people("મીટિંગમાં રમેશભાઈ અને ગીતાબેન હાજર હતા")).toEqual(["રમેશભાઈ", "ગીતાબેન"]);
  });

  it("reads Amharic, Khmer and Lao names after a title, stopping at a verb", () => {
    expect(people("አቶ ዮሐንስ ገብሬ ነው፣ ስልክ")).toEqual(["ዮሐንስ ገብሬ"]);
    expect(people("ወ/ሮ ሄለን ታደሰ ዛሬ መጡ").join(" ")).toContain("ሄለን");
    expect(people("លោកស្រី ស្រី ពៅ កំពុងរង់ចាំ")).toEqual(["ស្រី ពៅ"]);
    expect(people("ສະບາຍດີ ທ້າວ ບຸນມີ, ເຄື່ອງຂອງທ່ານມາຮອດແລ້ວ")).toEqual(["ບຸນມີ"]);
  });

  it("reads Urdu, Persian and Kurdish names after their forms of address", () => {
    // The name runs on over listed family names, as after an Arabic title.
    expect(people("محترمہ نسرین اختر، آپ کی رپورٹ تیار ہے").join(" ")).toContain("نسرین");
    expect(people("با آقای رضا کریمی تماس بگیرید").join(" ")).toContain("رضا");
    expect(people("سڵاو کاک هەژار، چۆنی؟").join(" ")).toContain("هەژار");
  });

  it("reads an Armenian name by its family name's ending after a given name or a form of address, not a genitive", () => {
    expect(people("Հանդիպմանը կմասնակցի Գոհար Մանուկյան")).toEqual(["Գոհար Մանուկյան"]);
    expect(people("Խնդրում ենք զանգահարել պարոն Ավետիսյան")).toEqual(["Ավետիսյան"]);
    // Genitives end the same way: "Date of birth", "of the University".
    expect(people("Ծննդյան ամսաթիվ և Համալսարանի Գիտության օրը")).toEqual([]);
  });

  it("reads the sender after a closing where the message ends, and nothing after a closing that goes on", () => {
    expect(people("কাল দেখা হবে। ধন্যবাদ, মাহমুদুল করিম")).toEqual(["মাহমুদুল করিম"]);
    expect(people("बैठक कल है।\nधन्यवाद\nअनुराधा त्रिपाठी\n+91 98100 12345")).toEqual(["अनुराधा त्रिपाठी"]);
    // "Thanks, come again. Stay well.": the message goes on after the closing.
    expect(people("ধন্যবাদ, আবার আসবেন। ভালো থাকবেন")).toEqual([]);
    expect(people("شكرا جزيلا")).toEqual([]);
  });
});

describe("hostile text in these scripts", () => {
  it("keeps offsets on titles at the text's edges and on runs of cues", () => {
    const cues = "ড. ".repeat(2000);
    const text = `${cues}শামীম`;
    const names = analyzer.analyze(text).filter((e) => e.type === "PERSON");
    expect(names.length).toBeGreaterThan(0);
    for (const e of names) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(people("ড.")).toEqual([]);
    expect(people("গারু গారు")).toEqual([]);
  });
});

describe("cases the review found", () => {
  it("reads a Georgian family name that opens the text, and no Armenian genitive of a capitalized word", () => {
    expect(people("ბერიძე მოვიდა დღეს.")).toEqual(["ბერიძე"]);
    expect(people("Շնորհավոր Սուրբ Ծննդյան տոնը")).toEqual([]);
  });
});
