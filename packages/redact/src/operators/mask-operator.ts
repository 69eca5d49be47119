import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { Operator } from "./operator";

/** Options of {@link maskOperator}. */
export interface MaskOptions {
  /** The mask character (default `*`). */
  readonly char?: string;
  /** Characters left visible at the end, e.g. 4 for card numbers (default 0). */
  readonly keepLast?: number;
}

/** Masks every character (code point) but the last `keepLast`; spaces and separators are masked too. */
export function maskOperator(options: MaskOptions = {}): Operator {
  const char = options.char ?? "*";
  const keep = options.keepLast ?? 0;
  if ([...char].length !== 1) throw new InvalidArgumentError("The mask character must be one character.");
  if (!Number.isInteger(keep) || keep < 0) throw new InvalidArgumentError("keepLast must be a whole number >= 0.");
  return {
    name: "mask",
    apply(e) {
      const chars = [...e.text];
      const visible = Math.min(keep, chars.length);
      return char.repeat(chars.length - visible) + chars.slice(chars.length - visible).join("");
    },
  };
}
