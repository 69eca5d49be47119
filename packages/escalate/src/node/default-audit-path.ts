import { homedir } from "node:os";
import { join } from "node:path";

/** `HEARTH_ESCALATE_AUDIT` if set, else `~/.hearth/escalate-audit.jsonl`. */
export function defaultAuditPath(): string {
  return process.env.HEARTH_ESCALATE_AUDIT || join(homedir(), ".hearth", "escalate-audit.jsonl");
}
