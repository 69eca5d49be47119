import type { ProviderAttempt } from "../spec/execution-provider";
import { RuntimeError } from "./runtime-error";

/** No execution provider in the requested list could open the model. `attempts` says why each one failed. */
export class NoProviderError extends RuntimeError {
  readonly attempts: readonly ProviderAttempt[];

  constructor(attempts: readonly ProviderAttempt[]) {
    const tried = attempts.map((a) => `${a.provider} (${a.error})`).join("; ");
    super(
      "E_NO_PROVIDER",
      `No execution provider could open the model: ${tried || "none was requested"}. Add "cpu" or "wasm" to device.`,
    );
    this.attempts = attempts;
  }
}
