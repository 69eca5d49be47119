// Where Debian's Chromium lives, shared by vitest's browser project and the benchmark runner.
import { existsSync } from "node:fs";

const candidates = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/** The Chromium executable to drive, or undefined when none is installed. */
export function findChromium() {
  return candidates.find((p) => p && existsSync(p));
}

/** Flags for a headless Chromium on a machine with a closed network and no GPU. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const installHint =
  "Chromium is needed for the browser tests: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).";
