/**
 * @hearth/escalate/node: the Node-only parts: the append-only JSONL audit log on disk and its default location.
 *
 * @packageDocumentation
 */

export { defaultAuditPath } from "./node/default-audit-path";
export { FileAuditLog } from "./node/file-audit-log";
