/** A message as PAM keeps it: the parts triage, tasks, search and replies need, not the raw bytes. */
export interface MailMessage {
  /** Stable across devices and re-imports (from the Message-ID, else the content). */
  readonly id: string;
  readonly messageId?: string;
  readonly from: string;
  readonly fromName: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** ISO 8601; the import time's date when the message has none or an unreadable one. */
  readonly date: string;
  /** Plain text body (from the HTML part when there is no text part), at most {@link MAX_BODY_CHARS}. */
  readonly text: string;
  /** True when the message announces itself as a list or bulk mail (List-Id, List-Unsubscribe, Precedence). */
  readonly bulk: boolean;
}

/** Bodies are cut here: enough for triage and tasks, small enough to sync a large mailbox. */
export const MAX_BODY_CHARS = 8000;
