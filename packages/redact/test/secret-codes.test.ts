import { describe, expect, it } from "vitest";
import { foundOf } from "./found";

// Messages written for these tests: door, pickup and one-time codes and passwords, each beside a code of another
// kind that must stay unflagged.
const secrets = (text: string) => foundOf(text, "SECRET");

describe("codes and passwords in messages", () => {
  it("reads a code after the word 'code' alone, but not an error, discount or booking code", () => {
    expect(secrets("The key is in the lockbox, code 3390.")).toEqual(["3390"]);
    expect(secrets("Noem bij de balie de code Q8M4.")).toEqual(["Q8M4"]);
    expect(secrets("Error code 5031 again, use code WELCOME10 for 10% off, booking code K7PQ2X")).toEqual([]);
    expect(secrets("Gift card code 1378 0724 5435 5284")).not.toContain("1378");
  });

  it("reads pickup and one-time codes after their words in more languages and scripts", () => {
    expect(secrets("Ophaalcode: 553 210. Je hebt 7 dagen.")).toEqual(["553 210"]);
    expect(secrets("Afleweringskode: 88213.")).toEqual(["88213"]);
    expect(secrets("डिलीवरी के समय यह OTP बताएं: 4410।")).toEqual(["4410"]);
    expect(secrets("رمز التحقق لعملية الدفع: 903112.")).toEqual(["903112"]);
  });

  it("reads a password in a link's credentials and a network's password", () => {
    expect(secrets("DATABASE_URL=mysql://svc_reader:p4ss-W0rd!x@db.internal:3306/app")).toEqual(["p4ss-W0rd!x"]);
    expect(secrets("Wi-Fi: Harbour_Guest / seagull2025.")).toEqual(["seagull2025"]);
    expect(secrets("the wifi in the studio: Bl0ckP4rty!")).toEqual(["Bl0ckP4rty!"]);
    // A link without a password, and a network name alone.
    expect(secrets("see https://user@example.org/x and Wi-Fi: Harbour_Guest")).toEqual([]);
  });
});
