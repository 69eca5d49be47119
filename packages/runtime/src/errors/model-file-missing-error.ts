import { RuntimeError } from "./runtime-error";

/** A file the model folder must hold is not there (or the server answered 404). */
export class ModelFileMissingError extends RuntimeError {
  /** The file inside the model folder, e.g. `tokenizer.json`. */
  readonly file: string;

  constructor(file: string, location: string, options?: { cause?: unknown }) {
    super(
      "E_MODEL_MISSING",
      `The model folder has no ${file} (looked at ${location}): check the folder or URL, and the dtype you asked for.`,
      options,
    );
    this.file = file;
  }
}
