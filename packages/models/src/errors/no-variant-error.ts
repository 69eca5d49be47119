import { ModelsError } from "./models-error";

/** No variant of the model fits this device (providers, memory budget, preference); the message lists why each was passed over. */
export class NoVariantError extends ModelsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_NO_VARIANT", message, options);
  }
}
