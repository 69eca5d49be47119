import { type AnalyzeOptions, type Analyzer, type AnalyzerOptions, createAnalyzer } from "./analyzer";
import { replaceOperator } from "./operators/replace-operator";
import { type RedactResult, redact } from "./redact";
import { restore } from "./restore";
import { restoreStream } from "./restore-stream";
import type { Vault } from "./vault";

/** Detect, replace with the vault's placeholders, and restore: the round trip before and after a cloud model. */
export interface Redactor {
  readonly analyzer: Analyzer;
  /** Replaces every entity with its placeholder from `vault`, adding new values to it. */
  redact(text: string, vault: Vault, options?: AnalyzeOptions): RedactResult;
  /** {@link restore} with this redactor's vault semantics. */
  restore(text: string, vault: Vault): string;
  /** {@link restoreStream}. */
  restoreStream(
    chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
    vault: Vault,
  ): AsyncGenerator<string>;
}

/** Builds a {@link Redactor}; the analyzer is built once, so keep the redactor for the whole conversation. */
export function createRedactor(options: AnalyzerOptions = {}): Redactor {
  const analyzer = createAnalyzer(options);
  return {
    analyzer,
    redact: (text, vault, opts) => redact(text, analyzer.analyze(text, opts), replaceOperator(vault)),
    restore,
    restoreStream,
  };
}
