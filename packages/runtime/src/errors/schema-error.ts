import { RuntimeError } from "./runtime-error";

/** A JSON schema given for constrained decoding uses something the decoder does not support. */
export class SchemaError extends RuntimeError {
  /** JSON pointer to the offending part of the schema. */
  readonly pointer: string;

  constructor(pointer: string, message: string) {
    super("E_SCHEMA", `Unsupported JSON schema at ${pointer || "/"}: ${message}`);
    this.pointer = pointer;
  }
}
