/** Element types the runtime moves between pipelines and backends. */
export type TensorElementType = "float32" | "float16" | "int64" | "int32" | "int8" | "uint8" | "bool";

/** Typed array behind a {@link HostTensor}; float16 is carried as raw bits in a Uint16Array. */
export type TensorData = Float32Array | Uint16Array | BigInt64Array | Int32Array | Int8Array | Uint8Array;

/**
 * A tensor in host memory, independent of any onnxruntime build: each backend converts to and from its own
 * `Tensor` class (the Node, web and React Native builds each carry their own, and they do not mix).
 */
export interface HostTensor {
  readonly type: TensorElementType;
  readonly data: TensorData;
  readonly dims: readonly number[];
}

/** Named inputs or outputs of one model run. */
export type TensorMap = Record<string, HostTensor>;
