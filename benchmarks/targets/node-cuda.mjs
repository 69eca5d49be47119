// Node on an NVIDIA GPU through onnxruntime-node's CUDA execution provider. It needs the provider library that
// onnxruntime-node's install script downloads (kept off in this repository, see docs/benchmarks.md), the CUDA and
// cuDNN libraries it links to, and a driver. When any of those is missing the result says "unavailable", with the
// reason, and the run succeeds: a machine without a GPU is a fact to record, not an error.
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { detectCuda } from "@hearth/runtime/node";
import { TINY_DECODER_ID } from "@hearth/zoo";
import { catalogPath } from "@hearth/zoo/node";
import { describeMachine } from "../lib/machine.mjs";
import { compare, PLANS } from "../lib/measure.mjs";

export const suiteNames = ["inference"];

const require = createRequire(import.meta.url);
let state = { ran: false, notes: [] };

function onnxruntimeFolder() {
  return dirname(dirname(realpathSync(require.resolve("onnxruntime-node"))));
}

function onnxruntimeVersion() {
  try {
    return require("onnxruntime-node/package.json").version;
  } catch {
    return null;
  }
}

// Reasons name files inside onnxruntime-node; say so relative to the package, not to this machine's folders.
function portable(text) {
  try {
    return text.replaceAll(onnxruntimeFolder(), "onnxruntime-node");
  } catch {
    return text;
  }
}

/** The GPU and driver, as nvidia-smi reports them, when it is there. */
function gpuName() {
  const out = spawnSync("nvidia-smi", ["--query-gpu=name,driver_version", "--format=csv,noheader"], {
    encoding: "utf8",
    timeout: 10_000,
  });
  return out.status === 0 ? out.stdout.trim().split("\n")[0] : undefined;
}

// Opening a session loads the provider and, through it, CUDA and cuDNN: a missing one can abort the process, so the
// attempt runs in a child. It prints "ok" or the error.
const PROBE = `
const ort = require("onnxruntime-node");
ort.InferenceSession.create(process.argv[1], { executionProviders: ["cuda"] })
  .then(async (s) => { await s.release(); console.log("ok"); })
  .catch((e) => { console.log(String(e && e.message || e).split("\\n")[0]); process.exitCode = 1; });
`;

export function probeSession(model) {
  const out = spawnSync(process.execPath, ["-e", PROBE, model], {
    cwd: dirname(fileURLToPath(import.meta.url)),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (out.status === 0 && out.stdout.trim() === "ok") return undefined;
  const said = out.stdout.trim() || out.stderr.trim().split("\n").at(-1) || `exit code ${out.status}`;
  return `onnxruntime-node could not open a session on CUDA: ${said}`;
}

export async function start() {
  const cuda = detectCuda();
  if (!cuda.available) return { unavailable: portable(cuda.reason) };
  const model = join(catalogPath(), ...TINY_DECODER_ID.split("/"), "onnx", "model.onnx");
  if (!existsSync(model)) return { unavailable: "the zoo's tiny-decoder is not built (run pnpm build)" };
  const failed = probeSession(model);
  if (failed) return { unavailable: portable(failed) };
  return {};
}

export async function runSuite(name, { quick, onRecord }) {
  const { run } = await import("../cuda/inference.mjs");
  const records = [];
  const plan = quick ? PLANS.quick : PLANS.full;
  await run({
    quick,
    note: (text) => state.notes.push(text),
    measure: async (spec) => {
      const made = await compare({ suite: name, ...spec, plan: spec.plan ?? plan });
      for (const record of made) onRecord(record);
      records.push(...made);
    },
  });
  state.ran = true;
  return records;
}

export function machine() {
  const result = describeMachine({ executionProvider: state.ran ? "cuda" : "none", onnxruntime: onnxruntimeVersion() });
  const gpu = gpuName();
  const notes = [...state.notes, ...(gpu ? [`GPU: ${gpu}.`] : [])];
  if (notes.length > 0) result.notes = notes;
  return result;
}

export async function stop() {
  state = { ran: false, notes: [] };
}
