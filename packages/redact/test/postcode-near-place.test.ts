import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/index";
import { foundOf } from "./found";

// Addresses written for these tests: postcodes of bare digits, next to the town or street they belong to.
const zips = (text: string) => foundOf(text, "ZIP_CODE");

describe("postcodes of bare digits next to a place", () => {
  it("reads digits after a town or a street, or before a town after a comma", () => {
    expect(zips("Deliver to 12 Jacaranda Street, Pretoria 0181\nThanks")).toEqual(["0181"]);
    expect(zips("Nariman Point, Mumbai – 400021")).toEqual(["400021"]);
    expect(zips("P.O. Box 1234 – 00200, Nairobi")).toEqual(["00200"]);
    expect(zips("101000, г. Москва, ул. Мясницкая, д. 7")).toEqual(["101000"]);
  });

  it("leaves years, amounts and table cells after a town alone", () => {
    expect(zips("See you in Paris 2024, then Berlin")).toEqual([]);
    expect(zips("city,amount\nMysuru,4820.00")).toEqual([]);
    expect(zips("Nairobi 2500 m above sea level")).toEqual([]);
  });

  it("reads a postcode after the words for one in more languages and digits", () => {
    expect(zips("verify with the billing zip 60614 please")).toEqual(["60614"]);
    expect(zips("کد پستی ۱۴۳۹۸۱۶۷۱۱")).toEqual(["۱۴۳۹۸۱۶۷۱۱"]);
  });

  it("reads the postcode when asked for with places, and reports only what was asked for", () => {
    const text = "Nariman Point, Mumbai – 400021";
    const both = createAnalyzer({ types: ["LOCATION", "ZIP_CODE"] }).analyze(text);
    expect(both.filter((e) => e.type === "ZIP_CODE").map((e) => e.text)).toEqual(["400021"]);
    const places = createAnalyzer({ types: ["LOCATION"] }).analyze(text);
    expect(places.map((e) => e.type)).not.toContain("ZIP_CODE");
  });

  // A text of nothing but place lines: every date and every place is a candidate of the passes after the
  // recognizers, which must cost the same per line however many lines came before (a scan of every found span per
  // candidate took minutes here). The timeout is what fails then; no clock is read.
  it("reads a postcode written in another script's digits", () => {
    expect(foundOf("Durban ৪০০১\nPlease deliver before noon", "ZIP_CODE")).toEqual(["৪০০১"]);
  });

  it("reads a huge text of place lines in linear time", { timeout: 120_000 }, () => {
    const lines = "Oberkirchbach, 4. März 2025\nNariman Point, Mumbai – 400021\n".repeat(90_000);
    const found = createAnalyzer({ types: ["LOCATION", "ZIP_CODE", "DATE_TIME"] }).analyze(lines);
    expect(found.filter((e) => e.type === "ZIP_CODE")).toHaveLength(90_000);
    expect(found.filter((e) => e.text === "Oberkirchbach")).toHaveLength(90_000);
  });
});
