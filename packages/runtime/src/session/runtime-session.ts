import type { ExecutionProvider, ProviderAttempt } from "../spec/execution-provider";
import type { ModelSession } from "../spec/inference-backend";
import type { ModelDtype } from "./model-dtype";

/** A model session plus how it was opened: which provider ran it, which ones failed first, which file. */
export interface RuntimeSession extends ModelSession {
  /** The provider that actually runs the model. */
  readonly provider: ExecutionProvider;
  /** Providers tried before it, in order, with the reason each one was passed over. */
  readonly attempts: readonly ProviderAttempt[];
  /** The model file inside the folder, e.g. `onnx/model_quantized.onnx`. */
  readonly file: string;
  readonly dtype: ModelDtype;
  /** Size of the model file: what the session pool counts against its memory budget. */
  readonly byteLength: number;
}
