import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { Usage } from "../spec/language-model";

/** A daily allowance of cloud use, in tokens, in cost, or both. */
export interface BudgetLimits {
  /** Most input + output tokens per day. */
  readonly tokensPerDay?: number;
  /** Most spend per day, in the currency of `pricing`. */
  readonly costPerDay?: number;
  /** Price per million tokens, for the cost limit. */
  readonly pricing?: { readonly inputPerMTok: number; readonly outputPerMTok: number };
  /** Clock (for tests and for apps that persist the budget). */
  readonly now?: () => Date;
}

/** What has been spent on one day; persist it to keep the budget across restarts. */
export interface BudgetState {
  readonly day: string;
  readonly tokens: number;
  readonly cost: number;
}

/** Tracks cloud spend per local calendar day and says whether another call fits. */
export class DailyBudget {
  private state: BudgetState;
  private readonly now: () => Date;

  constructor(
    private readonly limits: BudgetLimits,
    state?: BudgetState,
  ) {
    for (const key of ["tokensPerDay", "costPerDay"] as const) {
      const v = limits[key];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new InvalidArgumentError(`${key} must be >= 0.`);
    }
    if (limits.costPerDay !== undefined && limits.pricing === undefined) {
      throw new InvalidArgumentError("costPerDay needs pricing (inputPerMTok, outputPerMTok).");
    }
    this.now = limits.now ?? (() => new Date());
    this.state = state ?? { day: this.today(), tokens: 0, cost: 0 };
  }

  private today(): string {
    const d = this.now();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }

  private current(): BudgetState {
    const day = this.today();
    if (this.state.day !== day) this.state = { day, tokens: 0, cost: 0 };
    return this.state;
  }

  private costOf(inputTokens: number, outputTokens: number): number {
    const p = this.limits.pricing;
    return p ? (inputTokens * p.inputPerMTok + outputTokens * p.outputPerMTok) / 1e6 : 0;
  }

  /** Whether a call estimated at `inputTokens` + `outputTokens` still fits today's allowance. */
  fits(inputTokens: number, outputTokens = 0): boolean {
    const s = this.current();
    const { tokensPerDay, costPerDay } = this.limits;
    if (tokensPerDay !== undefined && s.tokens + inputTokens + outputTokens > tokensPerDay) return false;
    if (costPerDay !== undefined && s.cost + this.costOf(inputTokens, outputTokens) > costPerDay) return false;
    return true;
  }

  /** Records what a call used (as the provider reported it). */
  record(usage: Usage): void {
    const s = this.current();
    const input = usage.inputTokens ?? 0;
    const output = usage.outputTokens ?? 0;
    this.state = { day: s.day, tokens: s.tokens + input + output, cost: s.cost + this.costOf(input, output) };
  }

  /** Today's spend, to persist. */
  snapshot(): BudgetState {
    return { ...this.current() };
  }
}
