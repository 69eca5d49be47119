import { PamError } from "./pam-error";

/** An ICS file or one of its events could not be read (not iCalendar, an invalid date). */
export class CalendarFormatError extends PamError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_CALENDAR_FORMAT", message, options);
  }
}
