import { describe, expect, it } from "vitest";
import {
  AbortedError,
  createAnalyzer,
  type EntityType,
  InvalidArgumentError,
  type Progress,
  patternRecognizer,
  resolveOverlaps,
} from "../src/index";

const analyzer = createAnalyzer();

function pairs(text: string): [EntityType, string][] {
  return analyzer.analyze(text).map((e) => [e.type, e.text]);
}

describe("names, places and organizations", () => {
  it("finds names with initials, in capitals, and names that are common words", () => {
    expect(pairs("We met J. R. Tolkien and Will Baker yesterday.")).toEqual([
      ["PERSON", "J. R. Tolkien"],
      ["PERSON", "Will Baker"],
    ]);
    expect(pairs("Please call JOHN MCALLISTER today")).toContainEqual(["PERSON", "JOHN MCALLISTER"]);
    expect(pairs("Hi April, the May report is done.")).toContainEqual(["PERSON", "April"]);
    expect(pairs("Will you send it? I hope so.")).toEqual([]);
  });

  it("uses honorifics, greetings, sign-offs and family words", () => {
    expect(pairs("Dear Mr. Thompson,")).toContainEqual(["PERSON", "Thompson"]);
    expect(pairs("Best regards,\nMaria Gonzalez\n")).toContainEqual(["PERSON", "Maria Gonzalez"]);
    expect(pairs("Liebe Grüße an Herrn Baumann")).toContainEqual(["PERSON", "Baumann"]);
    expect(pairs("hey jess are we still on?")).toContainEqual(["PERSON", "jess"]);
  });

  it("finds places and organizations", () => {
    expect(pairs("Our office in München moved.")).toContainEqual(["LOCATION", "München"]);
    expect(pairs("Invoice from Acme Widgets GmbH arrived.")).toContainEqual(["ORGANIZATION", "Acme Widgets GmbH"]);
    expect(pairs("Delivery to Sydney NSW 2000")).toContainEqual(["LOCATION", "Sydney"]);
  });

  it("reports offsets in UTF-16 code units, emoji and accents included", () => {
    const text = "😀😀 Zoë Ångström wrote to zoë@example.org";
    for (const e of analyzer.analyze(text)) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(pairs(text)).toContainEqual(["EMAIL", "zoë@example.org"]);
  });
});

describe("names next to other entities and in new contexts", () => {
  it("keeps the name and the e-mail in parentheses after it", () => {
    for (const [name, mail] of [
      ["Tomáš Novák", "tomas.novak@example.com"],
      ["Olusegun Adeyemi", "olusegun.adeyemi@example.com"],
    ]) {
      for (const text of [`${name} (${mail}) will join.`, `Write to ${name} (${mail}) today.`]) {
        expect(pairs(text)).toEqual([
          ["PERSON", name],
          ["EMAIL", mail],
        ]);
      }
    }
  });

  it("does not swallow a capitalized verb or common word at the start of a sentence", () => {
    expect(pairs("Email Sofia Rossi about the contract.")).toEqual([["PERSON", "Sofia Rossi"]]);
    expect(pairs("Email Olusegun Adeyemi about the contract.")).toEqual([["PERSON", "Olusegun Adeyemi"]]);
    expect(pairs("Meet Kwame Mensah at the station.")).toContainEqual(["PERSON", "Kwame Mensah"]);
    expect(pairs("Please ping Kwame Mensah.")).toEqual([["PERSON", "Kwame Mensah"]]);
  });

  it("finds names in no list from the words around them", () => {
    expect(pairs("I had lunch with Olusegun Adeyemi yesterday.")).toEqual([["PERSON", "Olusegun Adeyemi"]]);
    expect(pairs("Can you call Kwame Mensah?")).toEqual([["PERSON", "Kwame Mensah"]]);
    expect(pairs("Yesterday Kwame Mensah wrote back.")).toEqual([["PERSON", "Kwame Mensah"]]);
    expect(pairs("We spoke with Senior Staff yesterday.")).toEqual([]);
  });
});

describe("options", () => {
  it("takes deny-list entries with hyphens and regex characters literally", () => {
    const custom = createAnalyzer({ deny: { PERSON: ["Jean-Pierre Dubois"], ORGANIZATION: ["C++ (Guild) [x]"] } });
    expect(custom.analyze("Ask Jean-Pierre Dubois, C++ (Guild) [x] member.").map((e) => [e.type, e.text])).toEqual([
      ["PERSON", "Jean-Pierre Dubois"],
      ["ORGANIZATION", "C++ (Guild) [x]"],
    ]);
    const partial = custom.analyze("Jean-Pierre-Dubois and xJean-Pierre Dubois");
    expect(partial.filter((e) => e.recognizer.startsWith("deny-list"))).toEqual([]);
  });

  it("leaves times and weekdays alone with keepTimes, still reporting calendar dates", () => {
    const text = "Meet next Tuesday at 3pm or Friday 14:30; born 12 March 1985, moved 03/04/2019 at 10:00.";
    const all = pairs(text).filter(([t]) => t === "DATE_TIME");
    expect(all).toContainEqual(["DATE_TIME", "Tuesday at 3pm"]);
    expect(all).toContainEqual(["DATE_TIME", "12 March 1985"]);
    const scheduling = createAnalyzer({ keepTimes: true })
      .analyze(text)
      .filter((e) => e.type === "DATE_TIME")
      .map((e) => e.text);
    expect(scheduling).toEqual(["12 March 1985", "03/04/2019"]);
  });

  it("applies allow and deny lists, types and the threshold", () => {
    const text = "Anna met Bob at Acme. Project Falcon starts.";
    const custom = createAnalyzer({ allow: ["anna"], deny: { ORGANIZATION: ["Project Falcon"] } });
    const found = custom.analyze(text).map((e) => [e.type, e.text]);
    expect(found).not.toContainEqual(["PERSON", "Anna"]);
    expect(found).toContainEqual(["ORGANIZATION", "Project Falcon"]);
    expect(
      createAnalyzer({ types: ["EMAIL"] })
        .analyze("Anna: anna@x.org")
        .map((e) => e.type),
    ).toEqual(["EMAIL"]);
    expect(createAnalyzer({ threshold: 0.99 }).analyze("Anna met Bob")).toEqual([]);
    expect(() => createAnalyzer({ threshold: 2 })).toThrow(InvalidArgumentError);
  });

  it("reads a line break written as \\n (iCalendar, JSON) as a break, at the same offsets, and leaves paths alone", () => {
    const ics = "DESCRIPTION:Patient: Amelia Fox\\nNHS no: 943 476 5919\\nPlease arrive early";
    const found = createAnalyzer().analyze(ics);
    expect(found.map((e) => [e.type, e.text])).toContainEqual(["ID", "943 476 5919"]);
    for (const e of found) expect(ics.slice(e.start, e.end)).toBe(e.text);
    expect(createAnalyzer().analyzeBatch([ics])[0]).toEqual(found);
    expect(createAnalyzer().analyze("C:\\new folder\\notes.txt")).toEqual([]);
  });

  it("reads dates and times written in the digits of other scripts, at their own offsets", () => {
    const text = "ประชุมวันที่ ๒๕/๑๑/๒๐๒๔ เวลา ๑๔:๓๐ น.";
    const found = createAnalyzer()
      .analyze(text)
      .filter((e) => e.type === "DATE_TIME");
    expect(found.map((e) => e.text)).toEqual(["๒๕/๑๑/๒๐๒๔", "๑๔:๓๐ น."]);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it("reads names said again in a huge text of many CJK speakers in one pass, at the right offsets", () => {
    const family = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";
    const lines: string[] = [];
    for (let i = 0; lines.length < 4_000; i++) {
      const name = `${family[i % 20]}${given[(i * 7) % 20]}${given[(i * 3) % 20]}`;
      lines.push(`${name}：你好，明天见${given[(i * 7) % 20]}${given[(i * 3) % 20]}。`);
    }
    const text = lines.join("\n");
    const found = createAnalyzer().analyze(text);
    expect(found.filter((e) => e.type === "PERSON").length).toBeGreaterThan(4_000);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it("applies them to a name said again in a script without capitals as well", () => {
    const letter = "收件者：陳建宏\n\n建宏您好：下週出差行程如下，請回信到 chen@example.com.tw";
    const persons = (a: ReturnType<typeof createAnalyzer>) =>
      a.analyze(letter).flatMap((e) => (e.type === "PERSON" ? [e.text] : []));
    expect(persons(createAnalyzer())).toEqual(["陳建宏", "建宏"]);
    expect(persons(createAnalyzer({ allow: ["建宏"] }))).toEqual(["陳建宏"]);
    expect(persons(createAnalyzer({ threshold: 0.7 }))).toEqual(["陳建宏"]);
    expect(
      createAnalyzer({ types: ["EMAIL"] })
        .analyze(letter)
        .map((e) => e.type),
    ).toEqual(["EMAIL"]);
    // In chunks as in one piece.
    const long = `${"Termin am Montag. ".repeat(100)}${letter}`;
    expect(createAnalyzer().analyze(long, { chunkSize: 1_000 })).toEqual(createAnalyzer().analyze(long));
  });

  it("runs custom recognizers and raises scores with their context words", () => {
    const employeeId = patternRecognizer({
      name: "employee-id",
      type: "EMPLOYEE_ID",
      context: ["employee"],
      patterns: [{ regex: /\bE-\d{6}\b/g, score: 0.3 }],
    });
    const custom = createAnalyzer({ extraRecognizers: [employeeId] });
    expect(custom.analyze("ref E-123456").map((e) => e.type)).toEqual([]);
    const hit = custom.analyze("employee E-123456");
    expect(hit.map((e) => [e.type, e.text])).toEqual([["EMPLOYEE_ID", "E-123456"]]);
    expect(hit[0]!.score).toBeCloseTo(0.65);
  });

  it("uses the language to pick the phone region first", () => {
    // 06 12 34 56 78 is a French mobile number; it is valid in no other listed region's plan the same way.
    const fr = createAnalyzer({ language: "fr" });
    expect(fr.analyze("appelle-moi au 06 12 34 56 78").map((e) => e.type)).toEqual(["PHONE"]);
  });
});

describe("overlaps and long inputs", () => {
  it("resolves overlapping spans the same way whatever order they come in", () => {
    const text = "Anna Schmidt";
    const e = (start: number, end: number, type: string, score: number) => ({
      start,
      end,
      type,
      score,
      text: text.slice(start, end),
      recognizer: "t",
    });
    const input = [
      e(0, 4, "PERSON", 0.7),
      e(0, 12, "PERSON", 0.85),
      e(5, 12, "LOCATION", 0.9),
      e(0, 12, "ORGANIZATION", 0.85),
    ];
    const a = resolveOverlaps(text, input);
    const b = resolveOverlaps(text, [...input].reverse());
    expect(a).toEqual(b);
    // The PERSON loses "Schmidt" to the higher-scored LOCATION but keeps the part nothing else covers.
    expect(a.map((x) => [x.type, x.text])).toEqual([
      ["PERSON", "Anna"],
      ["LOCATION", "Schmidt"],
    ]);
  });

  it("trims a losing span to its free part instead of dropping it", () => {
    const text = "Tomáš Novák (tomas.novak@example.com) will join.";
    const at = (value: string) => text.indexOf(value);
    const span = (value: string, type: string, score: number) => ({
      start: at(value),
      end: at(value) + value.length,
      type,
      score,
      text: value,
      recognizer: "t",
    });
    const out = resolveOverlaps(text, [
      span("Tomáš Novák (tomas", "PERSON", 0.7),
      span("tomas.novak@example.com", "EMAIL", 1),
    ]);
    expect(out.map((x) => [x.type, x.text])).toEqual([
      ["PERSON", "Tomáš Novák"],
      ["EMAIL", "tomas.novak@example.com"],
    ]);
    for (const e of out) expect(text.slice(e.start, e.end)).toBe(e.text);
    // A cut inside a word leaves that word to the winner: no half-words are reported.
    const word = "Anna Schmidtbauer";
    const halves = resolveOverlaps(word, [
      { start: 0, end: 17, type: "PERSON", score: 0.7, text: word, recognizer: "t" },
      { start: 11, end: 17, type: "LOCATION", score: 0.9, text: "dtbauer", recognizer: "t" },
    ]);
    expect(halves.map((x) => [x.type, x.text])).toEqual([
      ["PERSON", "Anna"],
      ["LOCATION", "dtbauer"],
    ]);
  });

  it("finds the same entities in chunks as in one piece, spans across chunk borders included", () => {
    const unit =
      "Contact Anna Schmidt at anna.schmidt@example.org or +49 30 1234567, IBAN DE89 3704 0044 0532 0130 00. ";
    const text = unit.repeat(400);
    const whole = analyzer.analyze(text, { chunkSize: 10_000_000 });
    const progress: Progress[] = [];
    const chunked = analyzer.analyze(text, { chunkSize: 1_000, onProgress: (p) => progress.push(p) });
    expect(chunked).toEqual(whole);
    expect(whole.filter((x) => x.type === "IBAN")).toHaveLength(400);
    expect(progress.length).toBeGreaterThan(30);
    expect(progress.at(-1)).toEqual({ phase: "analyze", loaded: text.length, total: text.length });
  });

  it("processes 10 MB in chunks without losing entities, and stops when aborted", async () => {
    const unit = "Mail zoe@example.org, card 4111 1111 1111 1111, at 10.0.0.1.\n";
    const text = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const types = createAnalyzer({ types: ["EMAIL", "CREDIT_CARD", "IP_ADDRESS"] });
    const found = await types.analyzeAsync(text);
    expect(found).toHaveLength(3 * Math.ceil(10_000_000 / unit.length));
    const controller = new AbortController();
    const run = types.analyzeAsync(text, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.loaded > 1_000_000) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(AbortedError);
  });
});
