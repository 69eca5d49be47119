import { ModelsError } from "./models-error";

/** A server answered with something that is not the file: a status other than 200/206, or an HTML page. */
export class HttpError extends ModelsError {
  /** The HTTP status (200 for an HTML page served as success). */
  readonly status: number;
  /** The URL asked for. */
  readonly url: string;
  /** 5xx, 408 and 429 may pass; 4xx and HTML pages will not. */
  readonly retryable: boolean;

  constructor(
    message: string,
    details: { status: number; url: string; retryable: boolean },
    options?: { cause?: unknown },
  ) {
    super("E_HTTP", message, options);
    this.status = details.status;
    this.url = details.url;
    this.retryable = details.retryable;
  }
}
