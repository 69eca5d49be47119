import type { Entity } from "./entity";
import type { Operator } from "./operators/operator";

/** What {@link redact} returns. */
export interface RedactResult {
  readonly text: string;
  /** The entities replaced, with offsets into the original text. */
  readonly entities: readonly Entity[];
}

/**
 * Replaces each entity's span with the operator's output. `entities` must be disjoint, as an analyzer returns them;
 * overlapping ones are skipped after the first.
 */
export function redact(text: string, entities: readonly Entity[], operator: Operator): RedactResult {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  const used: Entity[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    parts.push(text.slice(at, e.start), operator.apply(e));
    used.push(e);
    at = e.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(""), entities: used };
}
