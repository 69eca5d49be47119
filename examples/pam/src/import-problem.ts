/** One record an import could not read: where it was, and why, in words a person can act on. */
export interface ImportProblem {
  /** Where: a file name, `mailbox.mbox#12` for the twelfth message, `cal.ics#VEVENT 3`. */
  readonly source: string;
  readonly code: string;
  readonly message: string;
}

/** What an import gives back: every good record, and a problem for each bad one (never a lost good record). */
export interface ImportResult<T> {
  readonly records: T[];
  readonly problems: ImportProblem[];
}
