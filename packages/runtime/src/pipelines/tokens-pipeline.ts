import type { BatchingOptions } from "../batching/dynamic-batcher";
import { InferenceError } from "../errors/inference-error";
import type { LoadedModel } from "../session/load-model";
import { tokenOffsets } from "../tokenization/token-offsets";
import { labelsOf } from "./classify-pipeline";
import { EncoderRunner } from "./encoder-runner";
import { softmax } from "./tensor-math";

/** One labeled token, with its exact place in the input. */
export interface TaggedToken {
  readonly token: string;
  readonly label: string;
  readonly score: number;
  readonly start: number;
  readonly end: number;
  /** `input.slice(start, end)`. */
  readonly text: string;
}

/** An entity: consecutive words sharing a type (B-/I- prefixes removed), with its exact place in the input. */
export interface EntitySpan {
  readonly entity: string;
  /** Mean probability of the words' labels. */
  readonly score: number;
  readonly start: number;
  readonly end: number;
  /** `input.slice(start, end)`: the original characters, accents, combining marks and emoji included. */
  readonly text: string;
}

/** Options of the `tokens` (token classification) pipeline. */
export interface TokensOptions {
  /** Labels that are not entities (default `["O"]`). */
  readonly ignoreLabels?: readonly string[];
  readonly batching?: BatchingOptions;
}

/**
 * Token classification (NER and the like): each word labeled by its first token, and consecutive words of one
 * type merged into entity spans whose offsets point at the original string.
 */
export class TokensPipeline {
  readonly task = "tokens" as const;
  private readonly runner: EncoderRunner;
  private readonly ignore: ReadonlySet<string>;
  private labels: string[] | undefined;

  constructor(
    readonly model: LoadedModel,
    options: TokensOptions = {},
  ) {
    if (!model.session.outputNames.includes("logits")) {
      throw new InferenceError("The model has no logits output: it is not a token classification model.");
    }
    this.ignore = new Set(options.ignoreLabels ?? ["O"]);
    this.runner = new EncoderRunner(model, "logits", options.batching);
  }

  get batchSizes(): readonly number[] {
    return this.runner.batchSizes;
  }

  /** Every token that maps to the text, with its label, score and span. */
  async tag(text: string, options: { signal?: AbortSignal } = {}): Promise<TaggedToken[]> {
    const out = await this.runner.run(text, options.signal);
    if (out.dims.length !== 2) {
      throw new InferenceError(
        `The model's logits have shape [batch, ${out.dims.join(", ")}]; tokens needs [batch, sequence, labels].`,
      );
    }
    const numLabels = out.dims[1]!;
    if (this.labels?.length !== numLabels) this.labels = labelsOf(this.model, numLabels);
    const labels = this.labels;
    const spans = tokenOffsets(text, out.encoding, this.model.tokenizer);
    const tagged: TaggedToken[] = [];
    out.encoding.ids.forEach((_, i) => {
      const span = spans[i];
      if (!span) return;
      const probs = softmax(out.data, i * numLabels, numLabels);
      let best = 0;
      for (let k = 1; k < numLabels; k++) if (probs[k]! > probs[best]!) best = k;
      tagged.push({
        token: out.encoding.tokens[i] ?? "",
        label: labels[best]!,
        score: probs[best]!,
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
      });
    });
    return tagged;
  }

  /** The entities in `text`. */
  async run(text: string, options: { signal?: AbortSignal } = {}): Promise<EntitySpan[]> {
    const tokens = await this.tag(text, options);
    const prefix = this.model.tokenizer.continuingSubwordPrefix;
    // Words: a token continues the previous word when it is a subword piece touching it.
    const words: Array<{ label: string; score: number; start: number; end: number }> = [];
    for (const t of tokens) {
      const last = words.at(-1);
      const continues =
        last !== undefined &&
        t.start <= last.end &&
        (prefix ? t.token.startsWith(prefix) : !/^[\s\u2581\u0120]/u.test(t.token));
      if (continues) last.end = Math.max(last.end, t.end);
      else words.push({ label: t.label, score: t.score, start: t.start, end: t.end });
    }
    const entities: Array<{ entity: string; scores: number[]; start: number; end: number }> = [];
    let open: (typeof entities)[number] | undefined;
    for (const w of words) {
      if (this.ignore.has(w.label)) {
        open = undefined;
        continue;
      }
      const bio = /^([BI])-(.+)$/.exec(w.label);
      const type = bio ? bio[2]! : w.label;
      if (open && open.entity === type && bio?.[1] !== "B") {
        open.end = w.end;
        open.scores.push(w.score);
      } else {
        open = { entity: type, scores: [w.score], start: w.start, end: w.end };
        entities.push(open);
      }
    }
    return entities.map((e) => ({
      entity: e.entity,
      score: e.scores.reduce((a, b) => a + b, 0) / e.scores.length,
      start: e.start,
      end: e.end,
      text: text.slice(e.start, e.end),
    }));
  }

  dispose(): Promise<void> {
    return this.model.session.release();
  }
}
