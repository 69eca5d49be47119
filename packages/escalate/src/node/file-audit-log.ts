import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { formatAuditLine, parseAuditLog } from "../audit/audit-record-format";
import type { AuditRecord, AuditSink } from "../spec/audit-sink";

/**
 * An append-only JSONL audit log on disk. Each record is one `O_APPEND` write followed by `fsync`, so it is on
 * disk before the request it describes is sent, and concurrent writers never interleave within a line.
 */
export class FileAuditLog implements AuditSink {
  constructor(readonly path: string) {}

  async append(record: AuditRecord): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    // 0o600: the log holds redacted text, still personal enough to keep from other users of the machine.
    const file = await open(this.path, "a", 0o600);
    try {
      await file.write(formatAuditLine(record));
      await file.sync();
    } finally {
      await file.close();
    }
  }

  async read(): Promise<AuditRecord[]> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return parseAuditLog(text);
  }
}
