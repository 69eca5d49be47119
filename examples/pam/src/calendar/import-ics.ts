import ICAL from "ical.js";
import { CalendarFormatError } from "../errors/calendar-format-error";
import type { ImportResult } from "../import-problem";
import { stableId } from "../stable-id";
import type { CalendarEvent } from "./calendar-event";

const EVENT_BLOCK = /BEGIN:VEVENT\r?\n[\s\S]*?END:VEVENT/g;
const TIMEZONE_BLOCK = /BEGIN:VTIMEZONE\r?\n[\s\S]*?END:VTIMEZONE/g;

// ical.js reads "20241345T990000Z" without complaint and rolls it over into another date; a calendar that says
// month 13 is wrong, and silently moving the event would be worse than naming it. So the raw values are checked.
const DATE_PROPERTY = /^(DTSTART|DTEND|DUE|RECURRENCE-ID)[^:\r\n]*:(.*)$/gm;
const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

function checkRawDates(block: string): void {
  for (const [, name, raw] of block.matchAll(DATE_PROPERTY)) {
    const m = DATE_VALUE.exec((raw ?? "").trim());
    const [y, mo, d, h, mi, se] = (m?.slice(1) ?? []).map((x) => (x === undefined ? 0 : Number(x)));
    const ok =
      m !== null &&
      mo! >= 1 &&
      mo! <= 12 &&
      d! >= 1 &&
      d! <= new Date(Date.UTC(y!, mo!, 0)).getUTCDate() &&
      h! <= 23 &&
      mi! <= 59 &&
      se! <= 60;
    if (!ok)
      throw new CalendarFormatError(`The event's ${name} "${(raw ?? "").trim().slice(0, 40)}" is not a valid date.`);
  }
}

// Milliseconds a zone is ahead of UTC at an instant, from the platform's time zone database.
function zoneOffset(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - at;
}

// A wall-clock time in an IANA zone the file names without defining (some calendars leave VTIMEZONE out).
function inIanaZone(time: ICAL.Time, tzid: string, name: string): Date {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  try {
    // Twice: the offset at the first guess may differ from the offset at the answer across a DST change.
    const guess = wall - zoneOffset(tzid, wall);
    return new Date(wall - zoneOffset(tzid, guess));
  } catch {
    throw new CalendarFormatError(
      `The event's ${name} is in time zone "${tzid}", which the file does not define (no VTIMEZONE) and this device does not know; export the calendar with its time zones.`,
    );
  }
}

// The instant a DTSTART/DTEND stands for. A TZID is read with the file's VTIMEZONE (ical.js applies its rules,
// daylight saving included), else as an IANA zone name; a date is midnight UTC; a floating time is the importing
// device's local time.
function instant(vevent: ICAL.Component, time: ICAL.Time, name: "DTSTART" | "DTEND"): Date {
  const tzid = vevent.getFirstProperty(name.toLowerCase())?.getParameter("tzid");
  if (!time.isDate && typeof tzid === "string" && time.zone?.tzid !== tzid) return inIanaZone(time, tzid, name);
  const date = time.isDate ? new Date(Date.UTC(time.year, time.month - 1, time.day)) : time.toJSDate();
  if (Number.isNaN(date.getTime())) throw new CalendarFormatError(`The event's ${name} is not a date.`);
  return date;
}

function toEvent(vevent: ICAL.Component): CalendarEvent {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  if (!start) throw new CalendarFormatError("The event has no DTSTART.");
  const startDate = instant(vevent, start, "DTSTART");
  // Without DTEND, ical.js derives the end from DURATION (or the start), in the start's zone.
  const endDate = event.endDate
    ? instant(vevent, event.endDate, vevent.hasProperty("dtend") ? "DTEND" : "DTSTART")
    : startDate;
  const uid = event.uid || `${event.summary}@${startDate.toISOString()}`;
  return {
    id: stableId("e", uid),
    uid,
    summary: event.summary ?? "",
    start: startDate.toISOString(),
    end: endDate.toISOString(),
    allDay: start.isDate,
    location: event.location ?? "",
  };
}

function describe(error: unknown): string {
  const detail = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 120) : undefined;
  return `The event could not be read${detail ? ` (${detail})` : ""}; fix or remove it in the source calendar.`;
}

/**
 * Reads the events of an ICS file with ical.js. Each VEVENT is read on its own, so one with an invalid date
 * becomes a problem naming it while every other event is kept; a file that is not iCalendar is one problem.
 */
export function importIcs(text: string, options: { name?: string } = {}): ImportResult<CalendarEvent> {
  const name = options.name ?? "calendar.ics";
  const result: ImportResult<CalendarEvent> = { records: [], problems: [] };
  if (!/BEGIN:VCALENDAR/i.test(text)) {
    result.problems.push({
      source: name,
      code: "E_CALENDAR_FORMAT",
      message: "This is not an iCalendar file (no BEGIN:VCALENDAR); export the calendar as .ics and try again.",
    });
    return result;
  }
  // Whole-file parsing fails on the first bad value anywhere, so events are cut out and parsed one by one, each
  // with the file's time zone definitions beside it so its TZIDs resolve.
  const blocks = text.match(EVENT_BLOCK) ?? [];
  const zones = (text.match(TIMEZONE_BLOCK) ?? []).join("\r\n");
  blocks.forEach((block, i) => {
    try {
      checkRawDates(block);
      const wrapped = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${zones ? `${zones}\r\n` : ""}${block}\r\nEND:VCALENDAR\r\n`;
      const calendar = new ICAL.Component(ICAL.parse(wrapped));
      const vevent = calendar.getFirstSubcomponent("vevent");
      if (!vevent) throw new CalendarFormatError("The event block is empty.");
      result.records.push(toEvent(vevent));
    } catch (error) {
      const summary = /SUMMARY[^:]*:(.*)/.exec(block)?.[1]?.trim();
      result.problems.push({
        source: `${name}#VEVENT ${i + 1}${summary ? ` "${summary.slice(0, 40)}"` : ""}`,
        code: "E_CALENDAR_FORMAT",
        message: error instanceof CalendarFormatError ? error.message : describe(error),
      });
    }
  });
  return result;
}
