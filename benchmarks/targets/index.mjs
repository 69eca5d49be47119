// Where suites run: a target is one runtime and one kind of hardware. Each module exports `suiteNames`,
// `machine()` and `runSuite(name, { quick, onRecord })`, and may export `start({ quick })` (which resolves to
// `{ unavailable: reason }` when the hardware or libraries it needs are missing here) and `stop()`.
export const targets = {
  "node-cpu": () => import("./node-cpu.mjs"),
  "web-wasm": () => import("./web-wasm.mjs"),
  "web-webgpu": () => import("./web-webgpu.mjs"),
  "node-cuda": () => import("./node-cuda.mjs"),
};
