import { RuntimeError } from "./runtime-error";

/** onnxruntime failed while running a loaded model, or the model's outputs do not fit the pipeline. */
export class InferenceError extends RuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_INFERENCE", message, options);
  }
}
