import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { ReasonCode, RoutingTask } from "../spec/router";

/** One confidence signal of the local model, mapped onto [0, 1], with what it was measured from. */
export interface ConfidenceSignal {
  /** The reason code used when this signal is below the floor. */
  readonly code: Extract<ReasonCode, "low-local-confidence" | "low-classifier-margin" | "low-generation-logprob">;
  /** In [0, 1]. */
  readonly confidence: number;
  /** The signal as measured, in words, for a reason's message. */
  readonly describe: string;
}

/** What {@link localConfidence} found: each signal, and the lowest of them (undefined when none is known). */
export interface LocalConfidence {
  readonly signals: readonly ConfidenceSignal[];
  readonly confidence: number | undefined;
}

/**
 * Reads a task's local-confidence signals (the app's own `localConfidence`, a classifier margin, the mean token
 * log-probability of a local draft) onto one [0, 1] scale: the margin as it is, the log-probability as its
 * geometric-mean token probability. The task's confidence is the lowest signal: one unsure signal is enough to doubt
 * the local answer. Out-of-range signals throw {@link InvalidArgumentError}.
 */
export function localConfidence(
  task: Pick<RoutingTask, "localConfidence" | "classifierMargin" | "meanTokenLogprob">,
): LocalConfidence {
  const signals: ConfidenceSignal[] = [];
  const { localConfidence: given, classifierMargin: margin, meanTokenLogprob: logprob } = task;
  if (given !== undefined) {
    if (!(given >= 0 && given <= 1)) throw new InvalidArgumentError("localConfidence must lie within [0, 1].");
    signals.push({ code: "low-local-confidence", confidence: given, describe: `local confidence ${given.toFixed(2)}` });
  }
  if (margin !== undefined) {
    if (!(margin >= 0 && margin <= 1)) throw new InvalidArgumentError("classifierMargin must lie within [0, 1].");
    signals.push({
      code: "low-classifier-margin",
      confidence: margin,
      describe: `classifier margin ${margin.toFixed(2)}`,
    });
  }
  if (logprob !== undefined) {
    if (!(logprob <= 0)) throw new InvalidArgumentError("meanTokenLogprob must be a number <= 0.");
    const p = Math.exp(logprob);
    signals.push({
      code: "low-generation-logprob",
      confidence: p,
      describe: `mean token log-probability ${logprob.toFixed(2)} (per-token probability ${p.toFixed(2)})`,
    });
  }
  const confidence = signals.length === 0 ? undefined : Math.min(...signals.map((s) => s.confidence));
  return { signals, confidence };
}
