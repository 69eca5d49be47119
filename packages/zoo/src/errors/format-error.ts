import { ZooError } from "./zoo-error";

/** Bytes or JSON that claim to be a zoo format (weights, catalog) are not, or are of a version this package lacks. */
export class FormatError extends ZooError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_FORMAT", message, options);
  }
}
