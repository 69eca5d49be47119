// Sessions on real onnxruntime-node and onnxruntime-web (wasm, in Node) over real model files: provider fallback
// and its report, dtype variants, and typed errors for missing, truncated and malformed files.
import { copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  ModelFileMissingError,
  ModelInvalidError,
  memoryModelSource,
  NoProviderError,
  type RuntimeError,
} from "../src/index";
import { createSession, detectCapabilities, detectCuda } from "../src/node";
import { createSession as createWebSession } from "../src/web";
import { GraphBuilder } from "./fixtures/onnx-graph";
import { fixtureModels, folderFiles } from "./helpers/fixture-models";

const models = fixtureModels();
afterAll(() => models.cleanup());

const ids = (n: number) => ({
  type: "int64" as const,
  data: BigInt64Array.from({ length: n }, (_, i) => BigInt(i + 5)),
  dims: [1, n],
});
const feeds = (n: number) => ({
  input_ids: ids(n),
  attention_mask: { type: "int64" as const, data: new BigInt64Array(n).fill(1n), dims: [1, n] },
  token_type_ids: { type: "int64" as const, data: new BigInt64Array(n), dims: [1, n] },
});

/** A copy of the encoder folder to damage. */
function copyEncoder(name: string): string {
  const dir = join(models.root, name);
  cpSync(models.encoder, dir, { recursive: true });
  return dir;
}

describe("createSession on Node", () => {
  it("opens on cpu by default and says what was passed over and why", async () => {
    const session = await createSession(models.encoder);
    expect(session.provider).toBe("cpu");
    expect(session.file).toBe("onnx/model.onnx");
    const skipped = session.attempts.map((a) => a.provider);
    expect(skipped).toContain("cuda");
    for (const a of session.attempts) expect(a.error.length).toBeGreaterThan(10);
    const out = await session.run(feeds(6));
    expect(out.last_hidden_state?.dims).toEqual([1, 6, 32]);
    await session.release();
  });

  it("falls back from an explicit provider list and reports each attempt", async () => {
    const session = await createSession(models.encoder, { device: ["cuda", "coreml", "cpu"] });
    expect(session.provider).toBe("cpu");
    expect(session.attempts.map((a) => a.provider)).toEqual(["cuda", "coreml"]);
    const cuda = session.attempts[0]!;
    // No GPU libraries here: the reason names the missing provider library (or the unsupported platform).
    expect(cuda.error).toMatch(/libonnxruntime_providers_cuda|no CUDA build/);
    await session.release();
  });

  it("reports CUDA, cores and memory in the capabilities", async () => {
    const caps = await detectCapabilities();
    expect(caps.platform).toBe("node");
    expect(caps.cores).toBeGreaterThan(0);
    expect(caps.memoryBytes).toBeGreaterThan(0);
    const cuda = caps.providers.find((p) => p.provider === "cuda");
    expect(cuda).toEqual(detectCuda());
    expect(cuda?.available).toBe(false);
    expect(caps.providers.find((p) => p.provider === "cpu")?.available).toBe(true);
  });

  it("throws NoProviderError with every attempt when no listed provider can run", async () => {
    const error = await createSession(models.encoder, { device: ["cuda", "dml"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoProviderError);
    expect((error as NoProviderError).code).toBe("E_NO_PROVIDER");
    expect((error as NoProviderError).attempts.map((a) => a.provider)).toEqual(["cuda", "dml"]);
  });

  it("chooses the file by dtype, first present one of a list", async () => {
    const fp16 = await createSession(models.encoder, { dtype: "fp16" });
    expect(fp16.file).toBe("onnx/model_fp16.onnx");
    const q = await createSession(models.encoder, { dtype: ["q4", "int8", "fp32"] });
    expect(q.file).toBe("onnx/model_int8.onnx");
    expect(q.dtype).toBe("int8");
    const q8 = await createSession(models.encoder, { dtype: "q8" });
    expect(q8.file).toBe("onnx/model_quantized.onnx");
    // Same weights in three storage formats: outputs agree loosely (fp16 and int8 round the weights).
    const a = (await fp16.run(feeds(5))).last_hidden_state!.data as Float32Array;
    const b = (await q.run(feeds(5))).last_hidden_state!.data as Float32Array;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    expect(diff).toBeLessThan(0.5);
    await Promise.all([fp16.release(), q.release(), q8.release()]);
  });

  it("names a missing model file", async () => {
    const error = await createSession(models.encoder, { dtype: "q4" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileMissingError);
    expect((error as ModelFileMissingError).code).toBe("E_MODEL_MISSING");
    expect((error as ModelFileMissingError).file).toBe("onnx/model_q4.onnx");
    expect((error as Error).message).toContain("onnx/model_q4.onnx");
  });

  it("gives E_MODEL_INVALID for a truncated model file, at any cut", async () => {
    const dir = copyEncoder("truncated");
    const full = readFileSync(join(models.encoder, "onnx/model.onnx"));
    for (const fraction of [0, 0.001, 0.3, 0.5, 0.9, 0.999]) {
      writeFileSync(join(dir, "onnx/model.onnx"), full.subarray(0, Math.floor(full.length * fraction)));
      const error = await createSession(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelInvalidError);
      expect((error as RuntimeError).code).toBe("E_MODEL_INVALID");
      expect((error as ModelInvalidError).file).toBe("onnx/model.onnx");
    }
  });

  it("gives E_MODEL_INVALID for garbage bytes and for a well-formed file onnxruntime rejects", async () => {
    const dir = copyEncoder("garbage");
    writeFileSync(join(dir, "onnx/model.onnx"), new TextEncoder().encode("<html>404 not found</html>"));
    expect(await createSession(dir).catch((e: unknown) => (e as RuntimeError).code)).toBe("E_MODEL_INVALID");

    // Valid protobuf, but the graph uses an operator no onnxruntime has: only the native loader can tell.
    const g = new GraphBuilder("bad");
    const x = g.input("x", "float", [1]);
    g.named("NoSuchOperator", [x], "y");
    g.output("y", "float", [1]);
    writeFileSync(join(dir, "onnx/model.onnx"), g.toBytes());
    const error = await createSession(dir, { device: ["cuda", "cpu"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelInvalidError);
    expect((error as Error).message).toMatch(/NoSuchOperator/);
  });

  it("names a missing config.json or tokenizer.json when a pipeline loads the folder", async () => {
    const { pipeline } = await import("../src/node");
    const dir = copyEncoder("no-tokenizer");
    rmSync(join(dir, "tokenizer.json"));
    const error = await pipeline("embed", dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileMissingError);
    expect((error as ModelFileMissingError).file).toBe("tokenizer.json");
    const dir2 = copyEncoder("no-config");
    rmSync(join(dir2, "config.json"));
    copyFileSync(join(models.encoder, "tokenizer.json"), join(dir2, "tokenizer.json"));
    expect(await pipeline("embed", dir2).catch((e: unknown) => (e as ModelFileMissingError).file)).toBe("config.json");
  });
});

describe("createSession with onnxruntime-web (wasm) in Node", () => {
  it("opens model bytes from memory on wasm, webgpu being absent in Node, and says so", async () => {
    const session = await createWebSession(folderFiles(models.encoder), { device: ["webgpu", "wasm"] });
    expect(session.provider).toBe("wasm");
    expect(session.attempts).toHaveLength(1);
    expect(session.attempts[0]?.provider).toBe("webgpu");
    expect(session.attempts[0]?.error).toMatch(/navigator\.gpu/);
    const out = await session.run(feeds(4));
    expect(out.last_hidden_state?.dims).toEqual([1, 4, 32]);
    await session.release();
  });

  it("gives E_MODEL_INVALID for truncated bytes", async () => {
    const files = folderFiles(models.encoder);
    const model = files["onnx/model.onnx"]!;
    const source = memoryModelSource({ ...files, "onnx/model.onnx": model.subarray(0, model.length >> 1) });
    expect(await createWebSession(source).catch((e: unknown) => (e as RuntimeError).code)).toBe("E_MODEL_INVALID");
  });
});
