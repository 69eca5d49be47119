// Part of `pnpm test`: without Chromium the browser project cannot run. Under CI that is a failure; on a
// developer's machine the node tests still run and this line says how to get the rest.
import { findChromium, installHint } from "./chromium.mjs";

if (!findChromium()) {
  if (process.env.CI) {
    console.error(`error: ${installHint}`);
    process.exit(1);
  }
  console.warn(`warning: browser tests will not run. ${installHint}`);
}
