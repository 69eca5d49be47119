import { describe, expect, it } from "vitest";
import type { Entity } from "../src/entity";
import { createAnalyzer } from "../src/index";
import { rolesNearNames } from "../src/roles-near-names";
import { foundOf } from "./found";

// Lines written for these tests: a person's role next to the person's name, in news, notices, minutes, signatures and
// business cards of several languages, and the words next to names that are no role.
const titles = (text: string) => foundOf(text, "TITLE");
const persons = (text: string) => foundOf(text, "PERSON");

describe("a role next to a person's name", () => {
  it("reads a role right before a name, with the words that make it more precise", () => {
    expect(
      titles("The hearing was adjourned. Deputy Public Prosecutor Marcus Whitfield asked for more time."),
    ).toContain("Deputy Public Prosecutor");
    expect(titles("Two arrests were made. Senior inspector Ravi Deshmukh said more were expected.")).toContain(
      "Senior inspector",
    );
    expect(titles("Informace podá trenér Tomáš Kratochvíl.")).toContain("trenér");
    expect(titles("მისალმება. დირექტორი ნინო ბერიძე გეტყვით.")).toContain("დირექტორი");
    expect(titles("Ժողովին կմասնակցի տնօրեն՝ Արամ Պետրոսյան")).toContain("տնօրեն");
  });

  it("reads a role in brackets or after a comma behind a name", () => {
    expect(titles("Attendees: Dr Halvorsen (zone medical officer), Mr Fernandes.")).toContain("zone medical officer");
    expect(titles("Présents : Mme Garnier (trésorière), M. Roussel (DRH).")).toEqual(expect.arrayContaining(["DRH"]));
    expect(titles("Waliohudhuria: Grace Wanjiru (mwenyekiti wa kikundi), Peter Otieno.")).toContain(
      "mwenyekiti wa kikundi",
    );
    expect(titles("Factura 88\nMarta Ibáñez Soler, traductora jurada\nNIF: 12345678Z")).toContain("traductora jurada");
    expect(titles("From: Peter Njoroge Kamau, Freelance Photographer")).toContain("Freelance Photographer");
  });

  it("reads the person named before a role in brackets, and no role in brackets as a person", () => {
    const text = "Present: Fiona Baird (Chair), Duncan Strachan-Laing (Treasurer), Morag Reid";
    expect(titles(text)).toEqual(expect.arrayContaining(["Chair", "Treasurer"]));
    expect(persons(text)).toContain("Duncan Strachan-Laing");
    expect(persons(text)).not.toContain("Chair");
    expect(persons("Wanachama: Halima Chebet (Katibu), Otieno Wekesa (Mweka Hazina)")).not.toContain("Katibu");
    // Words before a bracketed role that are no one's name.
    expect(persons("The Annual General Meeting (chair) was held in the hall.")).toEqual([]);
  });

  it("reads the name after a role and a comma as a person, and the role apart from it", () => {
    const text = "Committee formed in Bhimpura: president Ramesh Yadav, secretary Lalita Meena.";
    expect(titles(text)).toEqual(expect.arrayContaining(["president", "secretary"]));
    expect(persons(text)).toEqual(expect.arrayContaining(["Lalita Meena"]));
  });

  it("reads a signature's role line between the name and the firm or the phone", () => {
    expect(
      titles("Kind regards,\nIsabella Moretti\nCompliance Lead, Orvieto Capital S.p.A.\n+39 06 1234 5678"),
    ).toEqual(expect.arrayContaining(["Compliance Lead"]));
    expect(titles("Петрова Ольга Ивановна\nСтарший экономист\nООО «Ладога-Транс»")).toContain("Старший экономист");
    expect(titles("Jukka Nieminen\nAsiakkuuspäällikkö | Account Manager\nKaarna Oy")).toEqual(
      expect.arrayContaining(["Asiakkuuspäällikkö"]),
    );
    expect(titles("Maître Hélène Vasseur\nAvocate à Rennes\n3, rue de la Monnaie – 35000 Rennes")).toContain("Avocate");
  });

  it("reads a Korean or Japanese role and the name beside it", () => {
    const korean = "문의: 총무팀 부장 김도윤 02-555-0142";
    expect(titles(korean).join(" ")).toContain("부장");
    expect(persons(korean)).toContain("김도윤");
    expect(persons("詳しくは校長の山本（03-1234-5678）まで。")).toContain("山本");
    const card = "株式会社ミドリ製作所\n開発部 部長\n高橋 直樹\n〒100-0001 東京都千代田区";
    expect(titles(card)).toContain("開発部 部長");
    expect(persons(card)).toContain("高橋 直樹");
    expect(persons("박지민 과장님께 전달 부탁드립니다.")).toContain("박지민");
  });

  it("leaves words next to names that are no role alone", () => {
    // Spanish "mayor de edad" is "of age"; "a taxi driver" is said of someone, not a title before a name.
    expect(titles("Comparece Andrés Molina Ruiz, mayor de edad, con domicilio en Toledo.")).toEqual([]);
    expect(titles("Mi hermano es mayor que yo. El hijo mayor Pedro llegó ayer.")).toEqual([]);
    expect(titles("Mayor Karen Whitlock opened the bridge.")).toContain("Mayor");
    expect(titles('"I ran," said Adams, a taxi driver.')).toEqual([]);
    // "社長の指示" is the president's instruction, and "사장 이야기" the president's story: no name follows.
    expect(persons("社長の指示に従ってください。")).toEqual([]);
    expect(persons("오늘 사장 이야기를 들었어요.")).toEqual([]);
    // A line under a name with no firm, phone or place near is no signature's role.
    expect(titles("Call Henrik Olsen\nTomorrow morning works")).toEqual([]);
    // Times and zones in brackets after a name.
    expect(titles("Call with Priya Raman (PM) and Liam Walsh (CET)")).toEqual([]);
  });

  it("reads nothing when titles and persons are not asked for", () => {
    const found = createAnalyzer({ types: ["PHONE"] }).analyze("문의: 관리소장 최영호 031-714-4821");
    expect(found.map((e) => e.type)).toEqual(["PHONE"]);
  });

  it("reads 100 KB of hostile role-like text through the analyzer", { timeout: 60_000 }, () => {
    const fill = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const analyzer = createAnalyzer({ types: ["PERSON", "TITLE"] });
    // The timeout is what fails on a super-linear rule; the roles read show the pass ran.
    for (const unit of ["部長 部長の", "Anna Berg\nCoach\n", "Anna Berg (officer", "Anna Berg, senior "])
      analyzer.analyze(fill(unit));
    const korean = analyzer.analyze(fill("관리소장 최영호 "));
    expect(korean.filter((e) => e.type === "TITLE").length).toBeGreaterThan(10_000);
  });

  it("reads a huge text of one line, persons and Korean roles, in linear time", { timeout: 60_000 }, () => {
    // Every name's line is the whole text: its ends are looked for only so far.
    const unit = "관리소장 최영호 Anna Berg, ";
    const text = unit.repeat(100_000);
    const persons: Entity[] = [];
    for (let k = 0; k < 100_000; k++) {
      const start = k * unit.length + unit.indexOf("Anna");
      persons.push({ start, end: start + 9, type: "PERSON", score: 0.8, text: "Anna Berg", recognizer: "test" });
    }
    const found = rolesNearNames(text, persons);
    expect(found.filter((e) => e.text === "관리소장")).toHaveLength(100_000);
  });

  it("keeps what the recognizers found, and reads a huge text of persons in linear time", { timeout: 60_000 }, () => {
    const line = "Senior inspector Ravi Deshmukh (officer), Club Coach\n";
    const text = line.repeat(50_000);
    const persons: Entity[] = [];
    for (let k = 0; k < 50_000; k++) {
      const start = k * line.length + "Senior inspector ".length;
      persons.push({ start, end: start + 13, type: "PERSON", score: 0.8, text: "Ravi Deshmukh", recognizer: "test" });
    }
    const roles = rolesNearNames(text, persons);
    expect(roles.filter((e) => e.text === "Senior inspector")).toHaveLength(50_000);
    expect(roles.filter((e) => e.text === "officer")).toHaveLength(50_000);
    // Each role stands on its person's line, and none overlaps the person.
    for (const r of roles) {
      const p = persons[Math.floor(r.start / line.length)]!;
      expect(p.start < r.end && p.end > r.start).toBe(false);
    }
  });
});
