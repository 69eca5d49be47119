import ICAL from "ical.js";
import { CalendarFormatError } from "../errors/calendar-format-error";
import type { ImportResult } from "../import-problem";
import { stableId } from "../stable-id";
import type { CalendarEvent } from "./calendar-event";

const EVENT_BLOCK = /BEGIN:VEVENT\r?\n[\s\S]*?END:VEVENT/g;

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

function toEvent(vevent: ICAL.Component): CalendarEvent {
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  if (!start) throw new CalendarFormatError("The event has no DTSTART.");
  const startDate = start.toJSDate();
  if (Number.isNaN(startDate.getTime())) throw new CalendarFormatError("The event's DTSTART is not a date.");
  const endDate = event.endDate ? event.endDate.toJSDate() : startDate;
  if (Number.isNaN(endDate.getTime())) throw new CalendarFormatError("The event's DTEND is not a date.");
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
  // Whole-file parsing fails on the first bad value anywhere, so events are cut out and parsed one by one.
  const blocks = text.match(EVENT_BLOCK) ?? [];
  blocks.forEach((block, i) => {
    try {
      checkRawDates(block);
      const wrapped = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${block}\r\nEND:VCALENDAR\r\n`;
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
