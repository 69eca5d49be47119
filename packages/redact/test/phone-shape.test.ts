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

  it("rules out digit groups that cannot be a number of the region", () => {
    expect(mayBePhoneIn("20245531", "FR")).toBe(false);
    expect(mayBePhoneIn("12345", "US")).toBe(false);
    // Regions whose trunk prefix rewrites the number are always parsed.
    expect(mayBePhoneIn("1", "BR")).toBe(true);
  });
});
