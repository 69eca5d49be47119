// The page side of the web targets: the runner (in Node) opens this page in headless Chromium, then calls
// `hearthBench.run(suite, options)` for each suite. Every operation is timed here, in the page, with the same
// interleaved rounds as in Node (lib/measure.mjs); each record goes back to Node as soon as it is made.
import { compare, PLANS, valueRecords } from "../lib/measure.mjs";

// Loaded on demand, so a run of one suite does not parse the others' libraries (transformers.js is large).
const suites = {
  crypto: () => import("./crypto.mjs"),
  sync: () => import("./sync.mjs"),
  inference: () => import("./inference.mjs"),
};

/** What WebGPU this page gets: the adapter Chromium grants (GPUAdapterInfo), or why there is none. */
async function webgpu() {
  if (!navigator.gpu) return { available: false, reason: "navigator.gpu is missing: WebGPU is off in this browser" };
  try {
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) return { available: false, reason: "navigator.gpu.requestAdapter() returned null: no adapter" };
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
    const described = {};
    for (const key of ["vendor", "architecture", "device", "description"]) {
      if (typeof info[key] === "string" && info[key] !== "") described[key] = info[key];
    }
    const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter;
    return {
      available: true,
      adapter: described,
      ...(typeof fallback === "boolean" ? { isFallbackAdapter: fallback } : {}),
    };
  } catch (error) {
    return { available: false, reason: `navigator.gpu.requestAdapter() failed: ${error}` };
  }
}

globalThis.hearthBench = {
  suiteNames: Object.keys(suites),

  async environment() {
    return {
      userAgent: navigator.userAgent,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      cores: navigator.hardwareConcurrency,
      webgpu: await webgpu(),
    };
  },

  /**
   * Runs one suite. `options`: `quick`, `provider` ("wasm" or "webgpu", for inference), `assets` (URLs of what the
   * runner serves), `plan` (instead of lib/measure.mjs's PLANS, for a target whose operations are slow). Resolves with what the suite learned about where it ran: `{ notes, facts }`.
   */
  async run(name, options) {
    const suite = await suites[name]();
    const plan = options.plan ?? (options.quick ? PLANS.quick : PLANS.full);
    const notes = [];
    const facts = {};
    const send = async (records) => {
      for (const record of records) await globalThis.hearthRecord(record);
      return records;
    };
    await suite.run({
      ...options,
      measure: async (spec) => send(await compare({ suite: name, ...spec, plan: spec.plan ?? plan })),
      measureValue: async (spec) => send(valueRecords({ suite: name, ...spec })),
      note: (text) => notes.push(text),
      fact: (key, value) => {
        facts[key] = value;
      },
    });
    return { notes, facts };
  },
};
