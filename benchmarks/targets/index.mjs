// Where suites run: a target is one runtime and one kind of hardware. Each module exports `suiteNames`,
// `machine()` and `runSuite(name, { quick, onRecord })`.
export const targets = {
  "node-cpu": () => import("./node-cpu.mjs"),
};

// Known but not built yet, so that asking for one says so rather than calling it unknown.
export const plannedTargets = ["web-wasm", "web-webgpu", "node-cuda"];
