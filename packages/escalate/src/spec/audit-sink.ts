import type { EntityCount } from "./anonymizer";

/** One request that left the device, as the audit log keeps it. Values of redacted entities are never kept. */
export interface AuditRecord {
  /** Format version of the record; readers refuse versions they do not know. */
  readonly v: 1;
  /** ISO 8601 time the request was about to be sent. */
  readonly time: string;
  readonly provider: string;
  readonly model: string;
  readonly url: string;
  readonly conversation: string;
  /** 1 for the first attempt, higher for retries: each attempt left the device. */
  readonly attempt: number;
  readonly stream: boolean;
  /** The exact body sent (already redacted), as UTF-8 text. */
  readonly body: string;
  /** Redacted entity types and counts for this request. */
  readonly redacted: readonly EntityCount[];
}

/** Where audit records go. `append` resolves once the record is durable; the request waits for it. */
export interface AuditSink {
  append(record: AuditRecord): Promise<void>;
  /** Every record, oldest first. */
  read(): Promise<AuditRecord[]>;
}
