/** A calendar event as PAM keeps it. */
export interface CalendarEvent {
  readonly id: string;
  readonly uid: string;
  readonly summary: string;
  /** ISO 8601 start and end (an all-day event starts at midnight UTC). */
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  readonly location: string;
}
