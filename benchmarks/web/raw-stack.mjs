// The raw stack in the page, as the node-cpu inference suite has it on Node (see suites/inference.mjs): the tokenizer
// straight from @huggingface/tokenizers, an onnxruntime-web InferenceSession on the same model bytes with the options
// the runtime passes, and plain loops for pooling, softmax and greedy decoding.
import { Tokenizer } from "@huggingface/tokenizers";
import * as ort from "onnxruntime-web";

export { ort };

export function cosine(a, b) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

function normalize(v) {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return v;
}

function argmax(data, from, to) {
  let best = from;
  for (let i = from + 1; i < to; i++) if (data[i] > data[best]) best = i;
  return best - from;
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** A model folder served at `base` (ending in "/"), opened on exactly `provider`: no fallback to hide a failure. */
export async function rawModel(base, provider, file = "model.onnx") {
  const json = async (name) => (await fetchOk(`${base}${name}`)).json();
  const config = await json("config.json");
  const tokenizer = new Tokenizer(await json("tokenizer.json"), await json("tokenizer_config.json"));
  const bytes = new Uint8Array(await (await fetchOk(`${base}onnx/${file}`)).arrayBuffer());
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: [provider],
    graphOptimizationLevel: "all",
  });
  const padId = config.pad_token_id ?? 0;
  const encode = (t) => tokenizer.encode(t, { add_special_tokens: true, return_token_type_ids: true });
  const feeds = (encodings) => {
    const length = Math.max(1, ...encodings.map((e) => e.ids.length));
    const n = encodings.length * length;
    const ids = new BigInt64Array(n).fill(BigInt(padId));
    const mask = new BigInt64Array(n);
    const types = new BigInt64Array(n);
    for (const [r, e] of encodings.entries()) {
      for (const [c, id] of e.ids.entries()) {
        ids[r * length + c] = BigInt(id);
        mask[r * length + c] = 1n;
        types[r * length + c] = BigInt(e.token_type_ids?.[c] ?? 0);
      }
    }
    const dims = [encodings.length, length];
    const out = { input_ids: new ort.Tensor("int64", ids, dims) };
    if (session.inputNames.includes("attention_mask")) out.attention_mask = new ort.Tensor("int64", mask, dims);
    if (session.inputNames.includes("token_type_ids")) out.token_type_ids = new ort.Tensor("int64", types, dims);
    return { feeds: out, length };
  };
  return { config, tokenizer, session, encode, feeds };
}

/** Tensors on the GPU (webgpu) come back to the host the way the runtime brings them: getData(). */
async function hostData(tensor) {
  return tensor.location === "cpu" ? tensor.data : await tensor.getData(true);
}

export async function rawEmbed(raw, input) {
  const encodings = input.map(raw.encode);
  const { feeds, length } = raw.feeds(encodings);
  const pooledOutput = raw.session.outputNames.includes("sentence_embedding");
  const name = pooledOutput ? "sentence_embedding" : "last_hidden_state";
  const out = (await raw.session.run(feeds, [name]))[name];
  const data = await hostData(out);
  const hidden = out.dims.at(-1);
  return encodings.map((e, r) => {
    if (pooledOutput) return normalize(data.slice(r * hidden, (r + 1) * hidden));
    const v = new Float32Array(hidden);
    const base = r * length * hidden;
    for (let t = 0; t < e.ids.length; t++) for (let h = 0; h < hidden; h++) v[h] += data[base + t * hidden + h];
    for (let h = 0; h < hidden; h++) v[h] /= e.ids.length;
    return normalize(v);
  });
}

export async function rawClassify(raw, input) {
  const { feeds } = raw.feeds(input.map(raw.encode));
  const out = (await raw.session.run(feeds, ["logits"])).logits;
  const logits = await hostData(out);
  const labels = out.dims.at(-1);
  return input.map((_, r) => {
    const from = r * labels;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = from; i < from + labels; i++) max = Math.max(max, logits[i]);
    let sum = 0;
    for (let i = from; i < from + labels; i++) sum += Math.exp(logits[i] - max);
    const k = argmax(logits, from, from + labels);
    return { label: raw.config.id2label[k], score: Math.exp(logits[from + k] - max) / sum };
  });
}

/** Greedy decoding with the KV cache (Optimum input names), `count` new tokens. */
export async function rawGenerate(raw, prompt, count) {
  const { config, session } = raw;
  const layers = config.n_layer;
  const heads = config.n_head;
  const headDim = config.n_embd / heads;
  const sequence = [...raw.tokenizer.encode(prompt, { add_special_tokens: true }).ids];
  let past = {};
  for (let l = 0; l < layers; l++) {
    for (const kv of ["key", "value"]) {
      past[`past_key_values.${l}.${kv}`] = new ort.Tensor("float32", new Float32Array(0), [1, heads, 0, headDim]);
    }
  }
  const generated = [];
  for (let step = 0; step < count; step++) {
    const fresh = step === 0 ? sequence : sequence.slice(-1);
    const total = sequence.length;
    const n = fresh.length;
    const feeds = {
      input_ids: new ort.Tensor("int64", BigInt64Array.from(fresh, BigInt), [1, n]),
      attention_mask: new ort.Tensor("int64", new BigInt64Array(total).fill(1n), [1, total]),
      position_ids: new ort.Tensor(
        "int64",
        BigInt64Array.from({ length: n }, (_, i) => BigInt(total - n + i)),
        [1, n],
      ),
      ...past,
    };
    const out = await session.run(feeds);
    const vocab = out.logits.dims.at(-1);
    const id = argmax(await hostData(out.logits), (n - 1) * vocab, n * vocab);
    past = {};
    for (let l = 0; l < layers; l++) {
      for (const kv of ["key", "value"]) past[`past_key_values.${l}.${kv}`] = out[`present.${l}.${kv}`];
    }
    sequence.push(id);
    generated.push(id);
  }
  return generated;
}

/** The runtime's own tensors for the same ids (what its session wrapper takes), from raw feeds. */
export function hearthFeeds(ortFeeds) {
  const out = {};
  for (const [name, t] of Object.entries(ortFeeds)) out[name] = { type: t.type, data: t.data, dims: [...t.dims] };
  return out;
}
