import type { MailMessage } from "../mail/mail-message";
import type { Category } from "./categories";

/** A rule's verdict: the category and how sure the rule is (0..1). */
export interface RuleVerdict {
  readonly category: Category;
  readonly strength: number;
}

const RULES: readonly [Category, RegExp, number][] = [
  [/* travel */ "travel", /\b(flight|airline|boarding pass|itinerary|hotel|reservation|airport|train ticket)\b/i, 0.7],
  ["finance", /\b(invoice|receipt|payment|bank|statement|refund|tax|iban|wire transfer|paypal)\b/i, 0.6],
  [
    "action",
    /\b(please|could you|can you|would you|let me know|asap|deadline|by (monday|tuesday|wednesday|thursday|friday|tomorrow|end of day))\b/i,
    0.5,
  ],
  ["personal", /\b(birthday|dinner|family|weekend|love|miss you|party)\b/i, 0.4],
];

/**
 * The rules half of categorization: an unsubscribe footer on list mail leans towards newsletter, then
 * keyword rules. Also the whole of it when no embedding model fits the device.
 */
export function ruleCategory(message: Pick<MailMessage, "subject" | "text" | "bulk">): RuleVerdict {
  // Most list mail is discussion a person takes part in, so the header only leans towards newsletter and the
  // embeddings decide; an explicit unsubscribe footer or a request in the text still counts below.
  if (message.bulk && /\bunsubscribe\b/i.test(message.text.slice(-1500)))
    return { category: "newsletter", strength: 0.5 };
  const text = `${message.subject}\n${message.text.slice(0, 3000)}`;
  for (const [category, pattern, strength] of RULES) if (pattern.test(text)) return { category, strength };
  return { category: "fyi", strength: 0.2 };
}
