import { describe, expect, it } from "vitest";
import { brandRecognizer } from "../src/recognizers/brand-recognizer";
import { foundOf } from "./found";

// Lines written for these tests: firms named in payments, deliveries and notices, in several languages and scripts,
// and the ordinary words and labels that share a firm's name.
const brands = (text: string) => brandRecognizer.analyze(text, { regions: [] }).map((r) => text.slice(r.start, r.end));

describe("firms named from the list", () => {
  it("reads banks, shops, couriers and apps as their firms write them, or in capitals", () => {
    expect(brands("Salary lands in my Capitec account on the 25th.")).toEqual(["Capitec"]);
    expect(brands("Balík čeká na výdejním místě Zásilkovna u nádraží.")).toEqual(["Zásilkovna"]);
    expect(brands("Your parcel from Takealot is on its way with DHL")).toEqual(["Takealot", "DHL"]);
    expect(brands("SENDING VIA POSTNORD TODAY")).toEqual(["POSTNORD"]);
    expect(brands("She works at Standard Chartered now")).toEqual(["Standard Chartered"]);
    expect(brands("Flying easyJet, then an inDrive to the hotel; ebay and indrive in lower case are no one's")).toEqual(
      ["easyJet", "inDrive"],
    );
  });

  it("reads names in other scripts, with a case ending or a glued prefix", () => {
    expect(brands("카카오뱅크로 보내 주세요")).toEqual(["카카오뱅크"]);
    expect(brands("Оплатил через Сбербанк, отправил СДЭКом")).toEqual(["Сбербанк", "СДЭК"]);
    expect(brands("Деньги пришли со Сбербанка")).toEqual(["Сбербанк"]);
    expect(brands("حولها بفودافون كاش على الرقم")).toEqual(["فودافون كاش"]);
    expect(brands("他在华为上班")).toEqual(["华为"]);
  });

  it("reads a name that is also a word only where a word around it says it is the firm", () => {
    expect(brands("Payment via Wise, as agreed.")).toEqual(["Wise"]);
    expect(brands("Thanks for riding with Bolt!")).toEqual(["Bolt"]);
    expect(brands("My Orange bill is late.")).toEqual(["Orange"]);
    expect(brands("Wise words. Three people came; Orange juice for all.")).toEqual([]);
    expect(brands("The Target was missed, and a Bolt came loose.")).toEqual([]);
  });

  it("leaves addresses, numbers' labels and look-alikes alone", () => {
    expect(brands("Order from Amazon.com by Friday")).toEqual([]);
    expect(brands("NHS number: 485 777 3456, KRA PIN A009184523K")).toEqual([]);
    expect(brands("Viajes a EE.UU. y Canadá; OTP 5821")).toEqual([]);
    expect(brands("The Capitecs and DHLs of this world")).toEqual([]);
    expect(brands("mail me at dhl@example.com or see example.org/Tesco")).toEqual([]);
  });

  it("is one of the default recognizers", () => {
    expect(foundOf("Send it to my Opay wallet", "ORGANIZATION")).toEqual(["Opay"]);
  });
});
