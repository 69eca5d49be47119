import { RuntimeError } from "./runtime-error";

/** An option or input is out of range or of the wrong shape. */
export class InvalidArgumentError extends RuntimeError {
  constructor(message: string) {
    super("E_ARGUMENT", message);
  }
}
