import { AuditFormatError } from "../errors/audit-format-error";
import type { AuditRecord } from "../spec/audit-sink";

/** One record as one JSONL line (with its newline). */
export function formatAuditLine(record: AuditRecord): string {
  return `${JSON.stringify(record)}\n`;
}

const STRING_FIELDS = ["time", "provider", "model", "url", "conversation", "body"] as const;

/**
 * Parses one JSONL line into a record, refusing versions and shapes it does not know with
 * {@link AuditFormatError} (`line` is 1-based, for the message).
 */
export function parseAuditLine(line: string, lineNumber: number): AuditRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new AuditFormatError(`Audit log line ${lineNumber} is not JSON: the file was edited or truncated.`, {
      cause: error,
    });
  }
  if (typeof value !== "object" || value === null) {
    throw new AuditFormatError(`Audit log line ${lineNumber} is not a JSON object.`);
  }
  const record = value as Record<string, unknown>;
  if (record.v !== 1) {
    throw new AuditFormatError(
      `Audit log line ${lineNumber} has format version ${String(record.v)}; this version reads 1. Upgrade @hearth/escalate.`,
    );
  }
  for (const key of STRING_FIELDS) {
    if (typeof record[key] !== "string") {
      throw new AuditFormatError(`Audit log line ${lineNumber} lacks the text field "${key}".`);
    }
  }
  if (typeof record.attempt !== "number" || typeof record.stream !== "boolean" || !Array.isArray(record.redacted)) {
    throw new AuditFormatError(`Audit log line ${lineNumber} lacks attempt, stream or redacted.`);
  }
  return record as unknown as AuditRecord;
}

/** Parses a whole JSONL text; blank lines are skipped. */
export function parseAuditLog(text: string): AuditRecord[] {
  const records: AuditRecord[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    records.push(parseAuditLine(line, i + 1));
  }
  return records;
}
