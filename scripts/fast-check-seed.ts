// Property tests draw their cases from one seed. Under CI the seed is fixed, so a run on the same commit draws the
// same cases and a red CI can be replayed; elsewhere it is random, so every local run explores new cases. Either way
// fast-check prints the seed of a failing run, and HEARTH_FC_SEED=<seed> replays it.
import fc from "fast-check";

const CI_SEED = 20_261_121;
const fromEnv = process.env.HEARTH_FC_SEED;
const seed = fromEnv ? Number(fromEnv) : process.env.CI ? CI_SEED : undefined;
if (seed !== undefined) {
  if (!Number.isSafeInteger(seed)) throw new Error(`HEARTH_FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`);
  fc.configureGlobal({ seed });
}
