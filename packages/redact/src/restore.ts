import { canonicalKey, placeholderRegex } from "./placeholder-pattern";
import type { Vault } from "./vault";

/**
 * Puts the original values back where a model echoed placeholders. Unknown placeholders (`[PERSON_9]` when the
 * vault has no such key) stay visible as they were, so a reader sees that something was redacted.
 */
export function restore(text: string, vault: Vault): string {
  const regex = placeholderRegex(vault.types);
  if (!regex) return text;
  return text.replace(regex, (match, t1?: string, n1?: string, t2?: string, n2?: string) => {
    const type = t1 ?? t2;
    const n = n1 ?? n2;
    if (type === undefined || n === undefined) return match;
    return vault.valueOf(canonicalKey(type, n)) ?? match;
  });
}
