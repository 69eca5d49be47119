import nlp from "compromise";
import datesPlugin from "compromise-dates";
import type { Task } from "../documents/document-shapes";
import type { MailMessage } from "../mail/mail-message";
import { stableId } from "../stable-id";

nlp.plugin(datesPlugin);

// What compromise-dates adds to a document; its types describe it loosely, so the part used here is named.
interface DatesView {
  dates(options: { today: string; timezone: string }): { json(): { dates?: { start?: string } }[] };
}

// A request, an obligation or a reminder, in words people write in mail.
const REQUEST =
  /\b(please|pls|could you|can you|would you|will you|would it be possible|need you to|i need|we need|you need to|you should|make sure|don't forget|do not forget|remember to|let me know|get back to me|send me|reply|review|confirm|deadline|due|asap|by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|end of (the )?(day|week|month)))\b/i;
// Quoted replies, signatures and list footers: never the sender's own request.
const NOISE = /^(>|--|_{3,})|unsubscribe|mailing list|https?:\/\/|^\s*(on .* wrote:)/i;
const MAX_TITLE = 140;
const MAX_TASKS_PER_MESSAGE = 3;

function cleanTitle(sentence: string): string {
  const title = sentence.replace(/\s+/g, " ").trim();
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

/** The sender's own lines: quoted text and signatures cut, so a task is what this message asks. */
function ownText(text: string): string {
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    if (/^-- ?$/.test(line) || /^_{5,}/.test(line)) break;
    if (/^\s*>/.test(line) || /wrote:\s*$/.test(line)) continue;
    lines.push(line);
  }
  return lines.join("\n").slice(0, 4000);
}

/**
 * Finds the requests in a message with compromise: each sentence that asks for something becomes a task, with
 * its deadline (compromise-dates, read relative to the message's date: "by Friday" in a mail of Thursday is the
 * next day) and the people it names, linked to the message. At most three per message, in reading order.
 */
export function extractTasks(message: MailMessage, options: { now?: Date } = {}): Task[] {
  const createdAt = (options.now ?? new Date()).toISOString();
  const doc = nlp(ownText(message.text));
  const sentences = doc.sentences().out("array") as string[];
  const tasks: Task[] = [];
  for (const sentence of sentences) {
    if (tasks.length >= MAX_TASKS_PER_MESSAGE) break;
    const words = sentence.split(/\s+/).length;
    if (words < 4 || words > 60 || NOISE.test(sentence) || !REQUEST.test(sentence)) continue;
    const one = nlp(sentence);
    const found = (one as unknown as DatesView)
      .dates({ today: message.date.slice(0, 10), timezone: "UTC" })
      .json()
      .map((d) => d.dates?.start)
      .find((d): d is string => typeof d === "string");
    const people = (one.people().out("array") as string[])
      .map((p) => p.replace(/[^\p{L}\p{M}' .-]/gu, "").trim())
      .filter((p) => p.length > 1);
    if (message.fromName && !people.includes(message.fromName)) people.push(message.fromName);
    const title = cleanTitle(sentence);
    tasks.push({
      id: stableId("t", `${message.id}\n${title}`),
      title,
      ...(found ? { due: found.slice(0, 10) } : {}),
      people,
      messageId: message.id,
      done: false,
      createdAt,
      origin: "extracted",
    });
  }
  return tasks;
}
