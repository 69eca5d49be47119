import type { MailMessage } from "../mail/mail-message";
import { embeddingText } from "../triage/message-text";
import { dot, type TextEmbedder } from "../triage/text-embedder";

/** A reply to start from: a past reply of the person's or a template. */
export interface ReplyTemplate {
  readonly id: string;
  /** What kind of mail it answers, for matching. */
  readonly topic: string;
  /** The reply, with `{name}`, `{date}` and `{subject}` slots. */
  readonly text: string;
}

/** A suggested reply, slots filled. */
export interface QuickReply {
  readonly templateId: string;
  readonly score: number;
  readonly text: string;
}

/** Templates PAM starts with; the person's own sent replies join them. */
export const DEFAULT_REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: "will-do",
    topic: "a request to do something or send something",
    text: "Hi {name},\n\nWill do, you'll have it by {date}.\n\nThanks",
  },
  {
    id: "meeting-yes",
    topic: "an invitation to meet, a call or a meeting time",
    text: "Hi {name},\n\n{date} works for me. See you then.\n\nBest",
  },
  {
    id: "meeting-other",
    topic: "scheduling a meeting that does not fit",
    text: "Hi {name},\n\n{date} is difficult for me; could we find another time that week?\n\nBest",
  },
  {
    id: "thanks",
    topic: "information, an update or a report shared with me",
    text: "Hi {name},\n\nThanks for the update on {subject}.\n\nBest",
  },
  {
    id: "question",
    topic: "a question asking for my opinion or an answer",
    text: "Hi {name},\n\nGood question. Let me check and get back to you by {date}.\n\nBest",
  },
  {
    id: "paid",
    topic: "an invoice, a bill or a payment",
    text: "Hi {name},\n\nThanks, the invoice is received; payment will go out by {date}.\n\nBest",
  },
];

/** Fills `{name}`, `{date}` and `{subject}`. */
export function fillTemplate(text: string, slots: { name: string; date: string; subject: string }): string {
  return text.replaceAll("{name}", slots.name).replaceAll("{date}", slots.date).replaceAll("{subject}", slots.subject);
}

/**
 * The replies nearest to a message by embedding (or all templates in order without an embedder), with the
 * sender's first name, the message's deadline (or "tomorrow") and its subject filled in.
 */
export async function quickReplies(
  message: MailMessage,
  options: { embedder?: TextEmbedder; templates?: readonly ReplyTemplate[]; due?: string; limit?: number } = {},
): Promise<QuickReply[]> {
  const templates = options.templates ?? DEFAULT_REPLY_TEMPLATES;
  const firstName = message.fromName.split(/\s+/)[0] || message.from.split("@")[0] || "there";
  const slots = {
    name: firstName,
    date: options.due ?? "tomorrow",
    subject: message.subject.replace(/^(re|fwd?):\s*/i, "") || "this",
  };
  let scores = templates.map(() => 0);
  if (options.embedder) {
    const [query, ...vectors] = await options.embedder.embed([
      embeddingText(message),
      ...templates.map((t) => t.topic),
    ]);
    scores = vectors.map((v) => dot(query!, v));
  }
  return templates
    .map((t, i) => ({ templateId: t.id, score: scores[i] ?? 0, text: fillTemplate(t.text, slots) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, options.limit ?? 3);
}
