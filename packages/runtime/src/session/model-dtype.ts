/**
 * Weight formats of a model folder in the Hugging Face / Optimum layout, named as transformers.js names them. Each
 * maps to a file `onnx/<name><suffix>.onnx`: fp32 -> model.onnx, q8 -> model_quantized.onnx, and so on.
 */
export type ModelDtype = "fp32" | "fp16" | "q8" | "int8" | "uint8" | "q4" | "q4f16" | "bnb4";

const SUFFIX: Record<ModelDtype, string> = {
  fp32: "",
  fp16: "_fp16",
  q8: "_quantized",
  int8: "_int8",
  uint8: "_uint8",
  q4: "_q4",
  q4f16: "_q4f16",
  bnb4: "_bnb4",
};

/** Every dtype, for validating options. */
export const MODEL_DTYPES = Object.keys(SUFFIX) as ModelDtype[];

/** The path inside the folder of the `fileName` model in `dtype`: `onnx/model_fp16.onnx`. */
export function modelFilePath(dtype: ModelDtype, fileName = "model"): string {
  return `onnx/${fileName}${SUFFIX[dtype]}.onnx`;
}
