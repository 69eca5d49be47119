import { ZooError } from "./zoo-error";

/** A training data package is missing or not in the shape the build expects. */
export class DatasetError extends ZooError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_DATASET", message, options);
  }
}
