import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { CorpusSample } from "./corpus";

/** A predicted span, as an analyzer's entities are. */
export interface PredictedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Span-level scores of one type, or of all types with types ignored. */
export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly f2: number;
  /** Gold spans. */
  readonly support: number;
  /** Gold spans found. */
  readonly found: number;
  /** Predicted spans. */
  readonly predicted: number;
  /** Predicted spans that were right. */
  readonly correct: number;
}

/** What {@link evaluate} returns. */
export interface Evaluation {
  /** Type-agnostic: any PII found where there is PII. */
  readonly overall: Scores;
  readonly byType: Readonly<Record<string, Scores>>;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Share of a span that must be covered to count as matched (default 0.5). */
  readonly overlap?: number;
}

function fBeta(p: number, r: number, beta: number): number {
  const b2 = beta * beta;
  return p + r === 0 ? 0 : ((1 + b2) * p * r) / (b2 * p + r);
}

function scores(support: number, found: number, predicted: number, correct: number): Scores {
  const precision = predicted === 0 ? (support === 0 ? 1 : 0) : correct / predicted;
  const recall = support === 0 ? 1 : found / support;
  return {
    precision,
    recall,
    f1: fBeta(precision, recall, 1),
    f2: fBeta(precision, recall, 2),
    support,
    found,
    predicted,
    correct,
  };
}

type Interval = readonly [number, number];

/** How much of [a, b) the sorted, merged intervals cover. */
function covered(a: number, b: number, merged: readonly Interval[]): number {
  let sum = 0;
  for (const [s, e] of merged) {
    if (s >= b) break;
    if (e > a) sum += Math.min(b, e) - Math.max(a, s);
  }
  return sum;
}

function merge(spans: readonly Interval[]): Interval[] {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * Span-level precision, recall, F1 and F2 per type and type-agnostic. A gold span is found when predictions (of its
 * type, or of any type for the type-agnostic score) cover at least `overlap` of it; a prediction is correct when
 * gold spans cover at least `overlap` of it.
 */
export function evaluate(
  samples: readonly CorpusSample[],
  predictions: readonly (readonly PredictedSpan[])[],
  options: EvaluateOptions = {},
): Evaluation {
  if (samples.length !== predictions.length) {
    throw new InvalidArgumentError("evaluate needs one list of predictions per sample.");
  }
  const overlap = options.overlap ?? 0.5;
  const counts = new Map<string, [number, number, number, number]>();
  const add = (key: string, i: 0 | 1 | 2 | 3) => {
    const c = counts.get(key) ?? [0, 0, 0, 0];
    c[i]++;
    counts.set(key, c);
  };
  samples.forEach((sample, n) => {
    const preds = predictions[n] ?? [];
    const gold = sample.spans.map((s) => ({ start: s.start_position, end: s.end_position, type: s.entity_type }));
    const types = new Set([...gold.map((g) => g.type), ...preds.map((p) => p.type)]);
    for (const key of [...types, "*"]) {
      const g = key === "*" ? gold : gold.filter((s) => s.type === key);
      const p = key === "*" ? preds : preds.filter((s) => s.type === key);
      const gm = merge(g.map((s) => [s.start, s.end] as const));
      const pm = merge(p.map((s) => [s.start, s.end] as const));
      for (const s of g) {
        add(key, 0);
        if (covered(s.start, s.end, pm) >= overlap * (s.end - s.start)) add(key, 1);
      }
      for (const s of p) {
        add(key, 2);
        if (covered(s.start, s.end, gm) >= overlap * (s.end - s.start)) add(key, 3);
      }
    }
  });
  const byType: Record<string, Scores> = {};
  for (const [key, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (key !== "*") byType[key] = scores(...c);
  }
  const all = counts.get("*") ?? [0, 0, 0, 0];
  return { overall: scores(...all), byType };
}
