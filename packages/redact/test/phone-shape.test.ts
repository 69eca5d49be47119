import { type CountryCode, getExampleNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { describe, expect, it } from "vitest";
import { DEFAULT_PHONE_REGIONS } from "../src/recognizers/phone-recognizer";
import { mayBePhoneIn } from "../src/recognizers/phone-shape";

const REGIONS = [...DEFAULT_PHONE_REGIONS, "CA", "AR", "CO", "JP", "ZA", "SE"];

describe("phone shape check", () => {
  it("lets through every number libphonenumber validates, as written nationally, with and without trunk prefix", () => {
    for (const region of REGIONS) {
      const example = getExampleNumber(region as CountryCode, examples);
      expect(example, region).toBeDefined();
      const national = example!.formatNational().replace(/\D/g, "");
      expect(parsePhoneNumberFromString(national, region as CountryCode)?.isValid(), region).toBe(true);
      expect(mayBePhoneIn(national, region), `${region} ${national}`).toBe(true);
      expect(mayBePhoneIn(String(example!.nationalNumber), region), region).toBe(true);
    }
  });

  it("lets through every valid number one digit away from each region's examples, with and without trunk prefix", () => {
    let valid = 0;
    for (const region of REGIONS) {
      const example = getExampleNumber(region as CountryCode, examples)!;
      for (const written of [example.formatNational().replace(/\D/g, ""), String(example.nationalNumber)]) {
        for (let i = 0; i < written.length; i++) {
          for (let d = 0; d <= 9; d++) {
            const digits = written.slice(0, i) + d + written.slice(i + 1);
            if (!parsePhoneNumberFromString(digits, region as CountryCode)?.isValid()) continue;
            valid++;
            expect(mayBePhoneIn(digits, region), `${region} ${digits}`).toBe(true);
          }
        }
      }
    }
    expect(valid).toBeGreaterThan(1_000);
  });

  it("reads a Brazilian number behind a trunk prefix and carrier code the way libphonenumber does", () => {
    // 0 + carrier 15 + area 11 + number: libphonenumber rewrites it to the area and number.
    for (const digits of ["01511987654321", "02121234567890", "0411133334444"]) {
      const parsed = parsePhoneNumberFromString(digits, "BR");
      if (parsed?.isValid()) expect(mayBePhoneIn(digits, "BR"), digits).toBe(true);
    }
    expect(parsePhoneNumberFromString("01511987654321", "BR")?.isValid()).toBe(true);
  });

  it("rules out digit groups that cannot be a number of the region", () => {
    expect(mayBePhoneIn("20245531", "FR")).toBe(false);
    expect(mayBePhoneIn("12345", "US")).toBe(false);
    // Card numbers and addresses are no Brazilian numbers, whose trunk prefix can rewrite what follows it.
    expect(mayBePhoneIn("4012888888881881", "BR")).toBe(false);
    expect(mayBePhoneIn("1", "BR")).toBe(false);
  });
});
