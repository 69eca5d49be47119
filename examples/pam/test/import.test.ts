import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importIcs, importMbox, importMessages, MailFormatError, parseEmail, splitMbox } from "../src/index";
import { readMailPath } from "../src/node/read-mail-path";

const mail = (n: number, body = "Hello") =>
  `From: Ann Smith <ann${n}@example.org>\nTo: me@example.org\nSubject: Message ${n}\nDate: Thu, 22 Aug 2002 12:00:00 +0000\nMessage-ID: <m${n}@example.org>\n\n${body} ${n}\n`;

describe("mbox", () => {
  it("splits on From lines after an empty line and unescapes >From", () => {
    const text = `From a@b Thu Aug 22 2002\n${mail(1, ">From the top")}\nFrom c@d Thu Aug 22 2002\n${mail(2)}`;
    const { parts } = splitMbox(text);
    expect(parts).toHaveLength(2);
    expect(parts[0]?.raw).toContain("\nFrom the top 1");
    expect(parts[1]?.line).toBe(10);
  });

  it("keeps every good message of a corrupt mbox and names each bad one", async () => {
    const text = [
      "garbage before the first separator\x00\x01",
      "",
      "From a@b Thu Aug 22 2002",
      mail(1),
      "From junk@x Thu Aug 22 2002",
      "\x00\x01\x02 binary junk where headers should be \x7f",
      "",
      "From c@d Thu Aug 22 2002",
      mail(2),
      "From e@f Thu Aug 22 2002",
      "", // a message cut off right after its separator
      "From g@h Thu Aug 22 2002",
      mail(3),
    ].join("\n");
    const { records, problems } = await importMbox(text, { name: "box.mbox" });
    expect(records.map((r) => r.subject)).toEqual(["Message 1", "Message 2", "Message 3"]);
    expect(problems.map((p) => p.source)).toEqual(["box.mbox:1", "box.mbox#2 (line 12)", "box.mbox#4 (line 24)"]);
    for (const p of problems) expect(p.code).toBe("E_MAIL_FORMAT");
    expect(problems[1]?.message).toMatch(/does not start with mail headers/);
  });

  it("says a file that is not an mbox is not one, and returns no records", async () => {
    const { records, problems } = await importMbox("just some text\nwith lines\n", { name: "notes.txt" });
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/not an mbox file/);
  });
});

describe(".eml and MIME", () => {
  it("reads a multipart message with a broken boundary as far as it goes", async () => {
    const raw =
      'From: Bob <bob@example.org>\nSubject: Report\nContent-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: text/plain\n\nPlease send the report by Friday.\n--b1\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n%%%not base64%%%';
    const m = await parseEmail(raw);
    expect(m.subject).toBe("Report");
    expect(m.text).toContain("Please send the report by Friday.");
  });

  it("rejects a message without headers with a typed error, and keeps the good ones", async () => {
    await expect(parseEmail("\x00\x01 no headers at all \x02\n\nbody")).rejects.toBeInstanceOf(MailFormatError);
    const { records, problems } = await importMessages([
      { name: "good.eml", raw: mail(1) },
      { name: "broken.eml", raw: "\x00\x01\x02\x03" },
      { name: "empty.eml", raw: "" },
      { name: "good2.eml", raw: new TextEncoder().encode(mail(2)) },
    ]);
    expect(records.map((r) => r.subject)).toEqual(["Message 1", "Message 2"]);
    expect(problems.map((p) => p.source)).toEqual(["broken.eml", "empty.eml"]);
    expect(problems[1]?.message).toBe("The message is empty.");
  });

  it("reads a Maildir from disk (new and cur), and a folder of .eml files", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pam-maildir-"));
    for (const sub of ["new", "cur", "tmp"]) await mkdir(join(dir, sub));
    await writeFile(join(dir, "new", "1.host"), mail(1));
    await writeFile(join(dir, "cur", "2.host:2,S"), mail(2));
    await writeFile(join(dir, "cur", "3.host:2,S"), "\x00\x01 damaged");
    const maildir = await readMailPath(dir);
    expect(maildir.records.map((r) => r.subject).sort()).toEqual(["Message 1", "Message 2"]);
    expect(maildir.problems.map((p) => p.source)).toEqual(["cur/3.host:2,S"]);

    const emls = await mkdtemp(join(tmpdir(), "pam-eml-"));
    await writeFile(join(emls, "a.eml"), mail(7));
    await writeFile(join(emls, "ignored.txt"), "not mail");
    expect((await readMailPath(emls)).records.map((r) => r.subject)).toEqual(["Message 7"]);
  });

  it("gives a message the same id on every import", async () => {
    const [a, b] = await Promise.all([parseEmail(mail(5)), parseEmail(mail(5))]);
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe((await parseEmail(mail(6))).id);
  });
});

describe("ICS", () => {
  const event = (uid: string, start: string, summary: string) => {
    const value = /^\d{8}$/.test(start) ? ";VALUE=DATE" : "";
    return `BEGIN:VEVENT\r\nUID:${uid}\r\nSUMMARY:${summary}\r\nDTSTART${value}:${start}\r\nDTEND${value}:${start}\r\nEND:VEVENT\r\n`;
  };

  it("keeps every good event and names each one with an invalid date", () => {
    const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${event("1", "20240105T100000Z", "Dentist")}${event("2", "2024-13-45T99", "Broken")}${event("3", "20240107", "Holiday")}${event("4", "NOTADATE", "Worse")}END:VCALENDAR\r\n`;
    const { records, problems } = importIcs(ics, { name: "cal.ics" });
    expect(records.map((r) => [r.summary, r.start, r.allDay])).toEqual([
      ["Dentist", "2024-01-05T10:00:00.000Z", false],
      ["Holiday", "2024-01-07T00:00:00.000Z", true],
    ]);
    expect(problems.map((p) => p.source)).toEqual(['cal.ics#VEVENT 2 "Broken"', 'cal.ics#VEVENT 4 "Worse"']);
    for (const p of problems) expect(p.message).toMatch(/could not be read|not a valid date/);
  });

  it("says a file that is not iCalendar is not", () => {
    const { records, problems } = importIcs("hello", { name: "x.ics" });
    expect(records).toEqual([]);
    expect(problems[0]?.message).toMatch(/not an iCalendar file/);
  });

  describe("time zones", () => {
    const berlin = [
      "BEGIN:VTIMEZONE",
      // Outlook's name for Berlin's zone: not an IANA name, so only the VTIMEZONE can say what it means.
      "TZID:W. Europe Standard Time",
      "BEGIN:DAYLIGHT",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0200",
      "TZNAME:CEST",
      "DTSTART:19700329T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "TZOFFSETFROM:+0200",
      "TZOFFSETTO:+0100",
      "TZNAME:CET",
      "DTSTART:19701025T030000",
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
      "END:STANDARD",
      "END:VTIMEZONE",
    ].join("\r\n");
    const outlook = "W. Europe Standard Time";
    const zoned = (uid: string, tzid: string, start: string, extra = "") =>
      `BEGIN:VEVENT\r\nUID:${uid}\r\nSUMMARY:${uid}\r\nDTSTART;TZID=${tzid}:${start}\r\n${extra}END:VEVENT\r\n`;
    const machineZone = process.env.TZ;
    // The importing machine's own zone must not leak into events that name theirs.
    beforeAll(() => {
      process.env.TZ = "America/Los_Angeles";
    });
    afterAll(() => {
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    });

    it("reads TZID times with the file's VTIMEZONE, daylight saving included", () => {
      const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${berlin}\r\n${zoned("summer", outlook, "20240715T090000", `DTEND;TZID=${outlook}:20240715T103000\r\n`)}${zoned("winter", outlook, "20240115T090000", "DURATION:PT30M\r\n")}BEGIN:VEVENT\r\nUID:holiday\r\nSUMMARY:holiday\r\nDTSTART;VALUE=DATE:20240501\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
      const { records, problems } = importIcs(ics, { name: "zones.ics" });
      expect(problems).toEqual([]);
      expect(records.map((r) => [r.summary, r.start, r.end])).toEqual([
        ["summer", "2024-07-15T07:00:00.000Z", "2024-07-15T08:30:00.000Z"],
        ["winter", "2024-01-15T08:00:00.000Z", "2024-01-15T08:30:00.000Z"],
        ["holiday", "2024-05-01T00:00:00.000Z", "2024-05-02T00:00:00.000Z"],
      ]);
    });

    it("reads an IANA TZID the file does not define, and names a zone nobody knows without losing the rest", () => {
      const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${zoned("tokyo", "Asia/Tokyo", "20240115T090000")}${zoned("mars", "Mars/Olympus_Mons", "20240115T090000")}${zoned("new-york", "America/New_York", "20240310T030000")}END:VCALENDAR\r\n`;
      const { records, problems } = importIcs(ics, { name: "zones.ics" });
      expect(records.map((r) => [r.summary, r.start])).toEqual([
        ["tokyo", "2024-01-15T00:00:00.000Z"],
        // 03:00 on the morning clocks spring forward is already daylight time (UTC-4).
        ["new-york", "2024-03-10T07:00:00.000Z"],
      ]);
      expect(problems).toEqual([
        {
          source: 'zones.ics#VEVENT 2 "mars"',
          code: "E_CALENDAR_FORMAT",
          message: expect.stringMatching(/time zone "Mars\/Olympus_Mons", which the file does not define/),
        },
      ]);
    });
  });
});
