import onnxProto from "onnx-proto";
import { QuantizeError } from "../errors/quantize-error";

const { onnx } = onnxProto;

export type ModelProto = onnxProto.onnx.IModelProto;
export type GraphProto = onnxProto.onnx.IGraphProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;

/** TensorProto.DataType values used here. */
export const DataType = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7, float16: 10 } as const;
export const AttrType = onnx.AttributeProto.AttributeType;

type LongLike = number | { toNumber(): number };
/** protobufjs decodes int64 as a number or a Long, depending on what is installed. */
export const num = (v: LongLike | null | undefined): number =>
  v === null || v === undefined ? 0 : typeof v === "number" ? v : v.toNumber();

export function decodeModel(bytes: Uint8Array): ModelProto {
  let model: ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (cause) {
    throw new QuantizeError(`The input is not an ONNX model (protobuf decoding failed); nothing was written.`, {
      cause,
    });
  }
  if (!model.graph?.node || model.graph.node.length === 0) {
    throw new QuantizeError("The input has no graph: it is not an ONNX model, or an empty one.");
  }
  return model;
}

export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

/** The opset of the default ("" / ai.onnx) domain. */
export function defaultOpset(model: ModelProto): number {
  const entry = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === "ai.onnx");
  return num(entry?.version as LongLike | undefined);
}

export const dimsOf = (t: TensorProto): number[] => (t.dims ?? []).map((d) => num(d as LongLike));
export const elementCount = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

/** A float32 initializer's values, from raw_data or float_data. */
export function floatValues(t: TensorProto): Float32Array {
  const n = elementCount(dimsOf(t));
  if (t.rawData && t.rawData.byteLength > 0) {
    const copy = new Uint8Array(t.rawData);
    return new Float32Array(copy.buffer, copy.byteOffset, n);
  }
  return Float32Array.from(t.floatData ?? []);
}

/**
 * A node the quantizer adds. Its name comes from its first output, which is unique in a graph, so quantizing the
 * same model twice gives the same bytes (a process-wide counter did not).
 */
export function makeNode(
  opType: string,
  inputs: string[],
  outputs: string[],
  attrs: AttributeProto[] = [],
  domain = "",
): NodeProto {
  return {
    opType,
    input: inputs,
    output: outputs,
    attribute: attrs,
    name: `hearth_q_${opType}_${outputs[0]}`,
    ...(domain ? { domain } : {}),
  };
}

export const intAttr = (name: string, i: number): AttributeProto => ({ name, type: AttrType.INT, i });

export function tensor(name: string, dataType: number, dims: number[], raw: Uint8Array): TensorProto {
  return { name, dataType, dims, rawData: raw };
}

export const bytesOf = (a: Float32Array | Int8Array | Uint8Array | Uint16Array | BigInt64Array): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
