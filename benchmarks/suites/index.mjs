// Every suite, by the name `--suite` takes. A suite exports `description` and
// `run({ quick, measure, measureValue, unavailable })`, and calls `measure` once per timed operation with ours and its
// baselines (`measureValue` for one-shot figures such as bytes stored, or figures of a fixed-time load run); a suite
// that cannot run here (a server it needs is not installed) calls `unavailable(reason)` instead. Each target decides
// how (and whether) it runs a suite.
export const suites = {
  crypto: () => import("./crypto.mjs"),
  sync: () => import("./sync.mjs"),
  relay: () => import("./relay.mjs"),
  "relay-postgres": () => import("./relay-postgres.mjs"),
  inference: () => import("./inference.mjs"),
  models: () => import("./models.mjs"),
  redaction: () => import("./redaction.mjs"),
  escalation: () => import("./escalation.mjs"),
};
