// Every suite, by the name `--suite` takes. A suite exports `description` and `run({ quick, measure, measureValue })`,
// and calls `measure` once per timed operation with ours and its baselines (`measureValue` for one-shot figures such
// as bytes stored); each target decides how (and whether) it runs it.
export const suites = {
  crypto: () => import("./crypto.mjs"),
  sync: () => import("./sync.mjs"),
  relay: () => import("./relay.mjs"),
  inference: () => import("./inference.mjs"),
  models: () => import("./models.mjs"),
  redaction: () => import("./redaction.mjs"),
  escalation: () => import("./escalation.mjs"),
};
