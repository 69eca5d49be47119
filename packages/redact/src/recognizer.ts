import type { EntityType } from "./entity-type";

/** A raw finding, before context scoring, thresholds and overlap resolution. */
export interface RecognizerResult {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly score: number;
  /**
   * Words that, found near the span, raise its score (Presidio's context enhancement). Lower-case; matched on
   * word starts in a window before and after the span.
   */
  readonly context?: readonly string[];
}

/** What a recognizer is told besides the text. */
export interface RecognizerContext {
  /** BCP 47 primary language of the text if known (`"en"`, `"de"`), used to order guesses such as phone regions. */
  readonly language?: string;
  /** Regions to try, in order, for phone numbers written without a country code. */
  readonly regions: readonly string[];
  /**
   * Leave times of day and weekday references ("3pm", "next Tuesday at 10") alone, reporting only calendar dates.
   * Set by the analyzer option `keepTimes`.
   */
  readonly keepTimes?: boolean;
}

/**
 * The recognizer spec: anything that finds spans in a string. Recognizers must run in time linear in the text:
 * no nested unbounded quantifiers, bounded look-arounds.
 */
export interface Recognizer {
  /** A stable name, reported on each entity. */
  readonly name: string;
  /** The types it can report, so an analyzer restricted to some types can skip it. */
  readonly types: readonly EntityType[];
  analyze(text: string, context: RecognizerContext): RecognizerResult[];
  /**
   * Optional: many texts at once, for recognizers with a per-call cost worth sharing (a model, a parser). Must
   * return what `analyze` returns for each text, in order.
   */
  analyzeBatch?(texts: readonly string[], context: RecognizerContext): RecognizerResult[][];
}
