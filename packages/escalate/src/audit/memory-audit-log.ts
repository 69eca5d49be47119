import type { AuditRecord, AuditSink } from "../spec/audit-sink";
import { formatAuditLine, parseAuditLog } from "./audit-record-format";

/**
 * An audit log kept in memory, optionally persisted by the app through `persist` (say, to IndexedDB or a synced
 * document) after every append. Browser-safe; on Node use `FileAuditLog` from `@hearth/escalate/node`.
 */
export class MemoryAuditLog implements AuditSink {
  private text = "";

  constructor(private readonly persist?: (jsonl: string) => void | Promise<void>) {}

  async append(record: AuditRecord): Promise<void> {
    this.text += formatAuditLine(record);
    await this.persist?.(this.text);
  }

  async read(): Promise<AuditRecord[]> {
    return parseAuditLog(this.text);
  }

  /** The log as JSONL. */
  toJSONL(): string {
    return this.text;
  }
}
