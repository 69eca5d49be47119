// Every suite, by the name `--suite` takes. A suite exports `description` and `run({ quick, measure })`, and calls
// `measure` once per operation with ours and its baselines; each target decides how (and whether) it runs it.
export const suites = {
  crypto: () => import("./crypto.mjs"),
};
