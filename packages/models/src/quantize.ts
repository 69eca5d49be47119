/**
 * @hearth/models/quantize: an ONNX quantizer in TypeScript over the model's protobuf: int8 per-channel (QDQ),
 * dynamic int8 (MatMulInteger), 4-bit block-wise (MatMulNBits) and fp16 weight storage. Runs anywhere; the error
 * report against float32 runs models through onnxruntime-node (`measureQuantizationError` in `@hearth/models/node`).
 *
 * @packageDocumentation
 */
export { toHalfBits } from "./quantize/half";
export {
  QUANTIZE_MODES,
  type QuantizedWeight,
  type QuantizeMode,
  type QuantizeOptions,
  type QuantizeReport,
  quantizeModel,
} from "./quantize/quantize-model";
