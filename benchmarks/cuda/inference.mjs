// The node-cuda target's suite: @hearth/runtime/node's session on CUDA against onnxruntime-node's own
// InferenceSession on CUDA with the same tensors (goal <= 1.05x: the wrapper must cost nothing on a GPU either), and
// against the same call on the CPU (informational: what the GPU buys for this model). The models are the runtime's
// test encoder at batch 1 and 32. Every session is checked to run on the provider asked for.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession } from "@hearth/runtime/node";
import * as ort from "onnxruntime-node";
import { writeRuntimeFixtures } from "../lib/runtime-fixtures.mjs";

const RAW_GOAL = 1.05;

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`inference suite (cuda): ${what}; the measure would be meaningless.`);
}

/** int64 ids, mask and types of `rows` sequences of `length` tokens, as both the runtime and onnxruntime take them. */
function tensors(rows, length) {
  const n = rows * length;
  const ids = BigInt64Array.from({ length: n }, (_, i) => BigInt(5 + (i % 50)));
  const dims = [rows, length];
  return {
    input_ids: { type: "int64", data: ids, dims },
    attention_mask: { type: "int64", data: new BigInt64Array(n).fill(1n), dims },
    token_type_ids: { type: "int64", data: new BigInt64Array(n), dims },
  };
}

function maxDiff(a, b) {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

export async function run({ measure }) {
  const root = mkdtempSync(join(tmpdir(), "hearth-bench-cuda-"));
  try {
    const { encoder } = await writeRuntimeFixtures(root);
    const file = join(encoder, "onnx", "model.onnx");
    const ours = await createSession(encoder, { device: "cuda" });
    sanityCheck(ours.provider === "cuda", `the runtime opened the encoder on ${ours.provider}`);
    const options = (provider) => ({ executionProviders: [provider], graphOptimizationLevel: "all" });
    const rawCuda = await ort.InferenceSession.create(file, options("cuda"));
    const rawCpu = await ort.InferenceSession.create(file, options("cpu"));
    for (const rows of [1, 32]) {
      const host = tensors(rows, 16);
      const feeds = {};
      for (const [name, t] of Object.entries(host)) {
        if (rawCuda.inputNames.includes(name)) feeds[name] = new ort.Tensor(t.type, t.data, t.dims);
      }
      const mine = {};
      for (const name of Object.keys(feeds)) mine[name] = host[name];
      const a = (await ours.run(mine, ["last_hidden_state"])).last_hidden_state.data;
      const b = (await rawCuda.run(feeds, ["last_hidden_state"])).last_hidden_state.data;
      const c = (await rawCpu.run(feeds, ["last_hidden_state"])).last_hidden_state.data;
      sanityCheck(maxDiff(a, b) < 1e-4 && maxDiff(a, c) < 1e-3, "CUDA and CPU outputs differ");
      await measure({
        name: `encoder session.run, batch ${rows} x 16 tokens, same tensors`,
        unit: "ms",
        opsPerCall: rows,
        ours: () => ours.run(mine, ["last_hidden_state"]),
        baselines: [
          {
            name: "InferenceSession.run on cuda",
            fn: () => rawCuda.run(feeds, ["last_hidden_state"]),
            maxRatio: RAW_GOAL,
          },
          { name: "InferenceSession.run on cpu", fn: () => rawCpu.run(feeds, ["last_hidden_state"]) },
        ],
      });
    }
    await ours.release();
    await rawCuda.release();
    await rawCpu.release();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
