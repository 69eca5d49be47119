// The repository's one ONNX graph writer (the zoo's models and @hearth/runtime's test fixtures are written with it):
// what it writes loads and runs in onnxruntime and computes what its nodes say, the same calls give the same bytes,
// and the producer name it records is the zoo's unless a caller names another.
import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { float, GraphBuilder, int, toHalf } from "../src/build/onnx-graph";

/** y = LayerNorm(x * w + b) over the last axis, then fp16 weights cast back and added: exercises every writer path. */
function build(producer?: string): Uint8Array {
  const g = producer === undefined ? new GraphBuilder("check") : new GraphBuilder("check", producer);
  const x = g.input("x", "float", ["batch", 3]);
  const w = g.floats("w", [3, 3], Float32Array.from([1, 0, 0, 0, 2, 0, 0, 0, 3]));
  const y = g.node("Add", [g.node("MatMul", [x, w]), g.constant([0.5, 0.5, 0.5])]);
  const half = g.node("Cast", [g.halves("h", [3], Float32Array.from([1, 2, 3]))], { to: int(1) });
  const gamma = g.floats("gamma", [3], Float32Array.from([1, 1, 1]));
  const beta = g.floats("beta", [3], Float32Array.from([0, 0, 0]));
  const norm = g.node("LayerNormalization", [g.node("Add", [y, half]), gamma, beta], {
    axis: int(-1),
    epsilon: float(1e-5),
  });
  g.named("Identity", [norm], "y");
  g.output("y", "float", ["batch", 3]);
  return g.toBytes();
}

describe("the ONNX graph writer", () => {
  it("writes a model onnxruntime runs, with the values its nodes compute", async () => {
    const session = await ort.InferenceSession.create(build());
    expect(session.inputNames).toEqual(["x"]);
    const x = new ort.Tensor("float32", Float32Array.from([1, 1, 1, 0, 0, 0]), [2, 3]);
    const { y } = await session.run({ x });
    // Row 1: [1, 2, 3] + 0.5 + [1, 2, 3] = [2.5, 4.5, 6.5]; row 2: [1.5, 2.5, 3.5]. Both normalize alike.
    const expected = [-1.2247, 0, 1.2247];
    const data = y!.data as Float32Array;
    for (let i = 0; i < 6; i++) expect(data[i]).toBeCloseTo(expected[i % 3]!, 3);
    await session.release();
  });

  it("gives the same bytes for the same calls, and records the producer", () => {
    expect(build()).toEqual(build());
    const decode = (bytes: Uint8Array) => onnxProto.onnx.ModelProto.decode(bytes);
    expect(decode(build()).producerName).toBe("hearth-zoo");
    expect(decode(build("hearth-runtime-fixtures")).producerName).toBe("hearth-runtime-fixtures");
  });

  it("rounds float32 to half precision to nearest even", () => {
    expect(toHalf(1)).toBe(0x3c00);
    expect(toHalf(-2)).toBe(0xc000);
    expect(toHalf(65504)).toBe(0x7bff);
    expect(toHalf(1e6)).toBe(0x7c00);
    expect(toHalf(Number.NaN) & 0x7e00).toBe(0x7e00);
    expect(toHalf(2 ** -24)).toBe(0x0001);
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });
});
