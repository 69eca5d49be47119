import type { EntityType } from "./entity-type";

/** A detected span of personal data. Offsets are JavaScript string (UTF-16) indices, `end` exclusive. */
export interface Entity {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /** Confidence in [0, 1], after context words raised it. */
  readonly score: number;
  /** `text.slice(start, end)`. */
  readonly text: string;
  /** The recognizer that found it, for debugging and allow-listing. */
  readonly recognizer: string;
}
