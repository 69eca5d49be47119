import type { MailMessage } from "../mail/mail-message";

/** `subject + "\n" + body`, the input hearth/email-triage was trained on (cut to keep runs small). */
export function triageText(message: Pick<MailMessage, "subject" | "text">, maxChars = 6000): string {
  return `${message.subject}\n${message.text}`.slice(0, maxChars);
}

/** What the embedder sees of a message: the subject and the start of the body carry the topic. */
export function embeddingText(message: Pick<MailMessage, "subject" | "text">): string {
  return `${message.subject}. ${message.text.slice(0, 1200)}`;
}
