import { RuntimeError } from "./runtime-error";

/** The session, pipeline or worker was disposed before or during the call. */
export class DisposedError extends RuntimeError {
  constructor(what: string) {
    super("E_DISPOSED", `The ${what} was disposed: create a new one.`);
  }
}
