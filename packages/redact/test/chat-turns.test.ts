// Chats whose speakers no list holds: keys in scripts without capitals, a role before the name, a role that takes
// turns with a person, and a speaker's name written again in lower case in the turns.
import { describe, expect, it } from "vitest";
import { foundOf } from "./found";

describe("chat turns", () => {
  it("reads speakers in scripts without capitals, after a full-width colon, when the keys take turns", () => {
    const persons = foundOf("小雨：周末那个男生怎么样？\n婷婷：还行吧，挺好的。\n小雨：哇 不错啊", "PERSON");
    expect(persons).toEqual(["小雨", "婷婷", "小雨"]);
    // A heading over a notice takes no turn: no person.
    expect(foundOf("通知：明天停水。\n请大家提前准备。", "PERSON")).toEqual([]);
  });

  it("reads the name after a chat role, and leaves the role alone", () => {
    const text = "ไรเดอร์ สมศักดิ์: สวัสดีครับ ถึงแล้วครับ\nลูกค้า: ขอบคุณค่ะ แจ้งชื่อ ณัฐธิดา ค่ะ\nไรเดอร์ สมศักดิ์: ได้ครับ";
    expect(foundOf(text, "PERSON")).toEqual(["สมศักดิ์", "ณัฐธิดา", "สมศักดิ์"]);
    const held = "Driver Ah Keong: Hello miss, I reach already\nNurul: ok wait 2 min\nDriver Ah Keong: ok la";
    expect(foundOf(held, "PERSON")).toEqual(["Ah Keong", "Nurul", "Ah Keong"]);
  });

  it("takes a role that comes back saying things as a turn, so the other key is a person", () => {
    const text =
      "Driver: Hello madam, I'm at the junction, which gate?\nEfua: Green gate opposite the pharmacy.\nDriver: Ok I'm coming.";
    expect(foundOf(text, "PERSON")).toEqual(["Efua"]);
    // A form that repeats its fields for two records is no conversation: its keys are no speakers.
    const form = "Driver: Efua Mensah\nVehicle: Toyota\nDriver: Kwame Osei\nVehicle: Nissan";
    expect(foundOf(form, "PERSON")).toEqual(["Efua Mensah", "Kwame Osei"]);
  });

  it("reads a speaker's name in lower case in the turns, and nothing else in lower case", () => {
    const text =
      "[09/03/2025, 19:02] Tolu: are we doing lunch on sunday\n[09/03/2025, 19:05] Dayo: 2:30 works. tolu you're bringing the rice\n[09/03/2025, 19:06] Tolu: fine. dayo bring drinks";
    expect(foundOf(text, "PERSON")).toEqual(["Tolu", "Dayo", "tolu", "Tolu", "dayo"]);
    // Not inside an address, a handle or a longer word.
    const joined = "Tolu: mail tolu@example.com or @tolu_22\nDayo: toluene is not a name";
    expect(foundOf(joined, "PERSON")).not.toContain("tolu");
    // A name found by a rule other than a chat's key is not read again in lower case: "Niko hapa" is Swahili for
    // "I am here", and "niko" after it is the same word.
    const swahili = "Dere Kevo: Niko hapa gate ya mall\nWambui: sawa, niko na bags.\nDere Kevo: poa";
    expect(foundOf(swahili, "PERSON")).not.toContain("niko");
  });
});
