// Chromium, headless, on onnxruntime-web's wasm backend (SIMD, and threads since the page is cross-origin isolated):
// inference, crypto and sync timed inside the page. See lib/web-target.mjs.
import { createWebTarget } from "../lib/web-target.mjs";

const target = createWebTarget({
  provider: "wasm",
  suiteNames: ["crypto", "sync", "inference"],
  launches: [{ name: "wasm", args: [] }],
});

export const { suiteNames, start, runSuite, machine, stop } = target;
