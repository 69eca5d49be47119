import { RuntimeError } from "./runtime-error";

/** A model file is not a loadable ONNX model: truncated, corrupted, not ONNX, or rejected by onnxruntime. */
export class ModelInvalidError extends RuntimeError {
  /** The file inside the model folder, e.g. `onnx/model.onnx`. */
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super("E_MODEL_INVALID", message, options);
    this.file = file;
  }
}
