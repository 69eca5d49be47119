import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/index";
import { foundOf } from "./found";

// Lines written for these tests: a town named before the date a letter or a press release was written, in several
// languages, and the words a header puts in the same place.
const places = (text: string) => foundOf(text, "LOCATION");

describe("a place before the date a letter was written", () => {
  it("reads an unlisted town before a date at a line's start, with a preposition or a word for 'year' around it", () => {
    expect(places("Oberkirchbach, 4. März 2025\n\nSehr geehrte Damen und Herren,")).toEqual(["Oberkirchbach"]);
    expect(places("U Vrgorcu, 2. travnja 2025.")).toEqual(["Vrgorcu"]);
    expect(places("Kalisz, dnia 7 kwietnia 2025 r.")).toEqual(["Kalisz"]);
    expect(places("Saint-Flour, le 12 mai 2025")).toEqual(["Saint-Flour"]);
    expect(places("В Зеленодольске, 03.04.2025 г.")).toEqual(["Зеленодольске"]);
    expect(places("Kuopiossa 14.3.2025")).toEqual(["Kuopiossa"]);
  });

  it("reads a dateline before a press release's text", () => {
    expect(places("Mittelbruck, 18. Juni 2025 – Die Stadtwerke teilen mit")).toEqual(["Mittelbruck"]);
  });

  it("leaves header words, weekdays and meetings before a date alone", () => {
    expect(places("Updated, 3 May 2025\nInvoice, 12/03/2025")).toEqual([]);
    expect(places("Mardi, 4 mars 2025")).toEqual([]);
    expect(places("Protokoll – Team-Jour-fixe, 15.10.2025")).toEqual([]);
    // Not at a line's start, or with the line going on after the date: a sentence, not a letter's place line.
    expect(places("We met Tobias, 15.10.2025 was the day")).toEqual([]);
    // Three long capitalized words that fill exactly the 90 characters read before the date, in the middle of a
    // line: the line's start lies before them, so they are no place line.
    const words = "Landschaftsschutzgebietsverein Wanderwegmarkierungsgruppe Aussichtsplattformenbetreibern";
    expect(words.length + ", ".length).toBe(90);
    expect(places(`Protokoll der ${words}, 4. März 2025`)).toEqual([]);
  });

  it("reads a letter whose line breaks came escaped, as JSON writes them", () => {
    expect(places("Kleinwaldhausen, 20. Oktober 2025\\nDer Vorstand lädt ein")).toEqual(["Kleinwaldhausen"]);
  });

  it("reads nothing when places are not asked for", () => {
    const dates = createAnalyzer({ types: ["DATE_TIME"] }).analyze("Oberkirchbach, 4. März 2025");
    expect(dates.map((e) => e.type)).toEqual(["DATE_TIME"]);
  });
});
