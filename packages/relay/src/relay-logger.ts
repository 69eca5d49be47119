/** Severity of a {@link RelayLogRecord}. */
export type RelayLogLevel = "debug" | "info" | "warn" | "error";

/**
 * One structured log record. Request records carry the route template (never the concrete path), the status, the
 * time taken and sizes; no record ever carries entry content, grants, keys or signatures.
 */
export interface RelayLogRecord {
  level: RelayLogLevel;
  msg: string;
  method?: string;
  /** Route template, e.g. `/v1/spaces/:space/docs/:doc/entries`. */
  route?: string;
  status?: number;
  /** Milliseconds from the first byte of the request to the answer. */
  ms?: number;
  space?: string;
  device?: string;
  /** Entries appended, fetched or pushed. */
  entries?: number;
  /** Envelope bytes appended, fetched or pushed. */
  bytes?: number;
  /** Entries of an append answered as compacted (at or below their device's compaction mark): not stored. */
  compacted?: number;
  /** Stable error code of a failed request. */
  code?: string;
  /** Error class and message of an unexpected failure (ours: they hold no content). */
  error?: string;
  /** Anything else a specific record adds (port, url, connection counts). */
  [field: string]: unknown;
}

/** Receives every log record; the relay itself never prints. */
export type RelayLogger = (record: RelayLogRecord) => void;
