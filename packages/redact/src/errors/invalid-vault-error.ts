import { RedactError } from "./redact-error";

/** A serialized vault is not one this version understands, or is damaged. */
export class InvalidVaultError extends RedactError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("E_VAULT", message, options);
  }
}
