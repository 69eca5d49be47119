// The repository's one ONNX graph writer, over onnx-proto's protobuf classes: initializers, nodes, typed inputs and
// outputs with symbolic dimensions. Serialization is deterministic: the same calls give the same bytes, which the
// zoo's reproducible builds rely on. @hearth/runtime's test fixtures write their models with it too (they read this
// file from source: the zoo depends on the runtime, so the runtime cannot depend on the zoo as a package).
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** ONNX element types used by the fixtures (TensorProto.DataType). */
export const ElemType = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7, bool: 9, float16: 10 } as const;
export type ElemTypeName = keyof typeof ElemType;

type AttributeValue =
  | { kind: "int"; value: number }
  | { kind: "ints"; value: number[] }
  | { kind: "float"; value: number }
  | { kind: "string"; value: string };

export const int = (value: number): AttributeValue => ({ kind: "int", value });
export const ints = (value: number[]): AttributeValue => ({ kind: "ints", value });
export const float = (value: number): AttributeValue => ({ kind: "float", value });
export const str = (value: string): AttributeValue => ({ kind: "string", value });

function attribute(name: string, a: AttributeValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  switch (a.kind) {
    case "int":
      return { name, type: T.INT, i: a.value };
    case "ints":
      return { name, type: T.INTS, ints: a.value };
    case "float":
      return { name, type: T.FLOAT, f: a.value };
    case "string":
      return { name, type: T.STRING, s: new TextEncoder().encode(a.value) };
  }
}

/** IEEE 754 half precision from a float32 value (round to nearest even), as raw 16 bits. */
export function toHalf(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0] ?? 0;
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    const m = (mant | 0x800000) >>> (1 - e);
    const rounded = (m + 0xfff + ((m >>> 13) & 1)) >>> 13;
    return sign | rounded;
  }
  const rounded = (mant + 0xfff + ((mant >>> 13) & 1)) >>> 13;
  return (sign | (e << 10)) + rounded;
}

/** Builds one graph; `toBytes()` serializes the whole ModelProto. */
export class GraphBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly inputs: onnxProto.onnx.IValueInfoProto[] = [];
  private readonly outputs: onnxProto.onnx.IValueInfoProto[] = [];
  private counter = 0;

  /** `producerName` is recorded in the file (the zoo's models say "hearth-zoo"; changing it changes their bytes). */
  constructor(
    private readonly name: string,
    private readonly producerName = "hearth-zoo",
  ) {}

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  input(name: string, type: ElemTypeName, dims: (number | string)[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  output(name: string, type: ElemTypeName, dims: (number | string)[]): void {
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** A float32 initializer. */
  floats(name: string, dims: number[], data: Float32Array): string {
    this.initializers.push({
      name,
      dims,
      dataType: ElemType.float,
      rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
    return name;
  }

  /** A float16 initializer from float32 values. */
  halves(name: string, dims: number[], data: Float32Array): string {
    const raw = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) raw[i] = toHalf(data[i] ?? 0);
    this.initializers.push({ name, dims, dataType: ElemType.float16, rawData: new Uint8Array(raw.buffer) });
    return name;
  }

  /** An int8 initializer. */
  int8s(name: string, dims: number[], data: Int8Array): string {
    this.initializers.push({
      name,
      dims,
      dataType: ElemType.int8,
      rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    });
    return name;
  }

  /** An int64 initializer (a scalar when dims is []). */
  int64s(name: string, dims: number[], values: number[]): string {
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.initializers.push({ name, dims, dataType: ElemType.int64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** A float scalar or vector constant with a generated name. */
  constant(values: number[], dims: number[] = values.length === 1 ? [] : [values.length]): string {
    return this.floats(this.fresh("const"), dims, Float32Array.from(values));
  }

  /** An int64 constant with a generated name. */
  constantInt64(values: number[], dims: number[] = [values.length]): string {
    return this.int64s(this.fresh("const_i64"), dims, values);
  }

  /** Adds a node and returns its output names. */
  nodeN(opType: string, inputs: string[], outputCount: number, attrs: Record<string, AttributeValue> = {}): string[] {
    const outputs = Array.from({ length: outputCount }, () => this.fresh(opType.toLowerCase()));
    this.nodes.push({
      opType,
      name: this.fresh(`${opType}_node`),
      input: inputs,
      output: outputs,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return outputs;
  }

  /** Adds a node with one output and returns its name. */
  node(opType: string, inputs: string[], attrs: Record<string, AttributeValue> = {}): string {
    return this.nodeN(opType, inputs, 1, attrs)[0]!;
  }

  /** Adds a node whose single output gets an exact name (for graph outputs). */
  named(opType: string, inputs: string[], output: string, attrs: Record<string, AttributeValue> = {}): string {
    this.nodes.push({
      opType,
      name: this.fresh(`${opType}_node`),
      input: inputs,
      output: [output],
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  toBytes(opset = 17): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: this.producerName,
      producerVersion: "1",
      opsetImport: [{ domain: "", version: opset }],
      graph: {
        name: this.name,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, type: ElemTypeName, dims: (number | string)[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: ElemType[type],
        shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}
