import { ModelsError } from "./models-error";

/** The quantizer refused a graph it cannot handle; the input was left untouched. */
export class QuantizeError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_QUANTIZE", message, options);
  }
}
