import { TooLargeError } from "./too-large-error";

/**
 * A body so far over the limit that the relay stopped reading it: answered with 413 like any {@link TooLargeError},
 * then the connection is closed.
 */
export class BodyAbandonedError extends TooLargeError {}
