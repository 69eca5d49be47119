import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAuditLog } from "../src/audit/audit-record-format";
import { auditRequests } from "../src/audit/audit-request";
import { MemoryAuditLog } from "../src/audit/memory-audit-log";
import { FileAuditLog } from "../src/node/file-audit-log";

const request = (attempt: number) => ({
  provider: "anthropic",
  model: "m",
  url: "http://127.0.0.1:1/v1/messages",
  body: new TextEncoder().encode(`{"messages":[{"role":"user","content":"hi [PERSON_1] ✓ ${attempt}"}]}`),
  attempt,
  stream: false,
});

describe("audit log", () => {
  it("appends one JSONL line per attempt to a file, readable back, values never present", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "escalate-audit-")), "nested", "audit.jsonl");
    const log = new FileAuditLog(path);
    expect(await log.read()).toEqual([]);
    const hook = auditRequests(log, {
      conversation: "c",
      redacted: [{ type: "PERSON", count: 1 }],
      now: () => new Date("2025-01-01T00:00:00Z"),
    });
    await Promise.all([hook(request(1)), hook(request(2)), hook(request(3))]);
    const records = await log.read();
    expect(records.map((r) => r.attempt).sort()).toEqual([1, 2, 3]);
    expect(records[0]).toMatchObject({
      v: 1,
      time: "2025-01-01T00:00:00.000Z",
      redacted: [{ type: "PERSON", count: 1 }],
    });
    expect(records.find((r) => r.attempt === 2)?.body).toBe(new TextDecoder().decode(request(2).body));
    expect(readFileSync(path, "utf8").split("\n")).toHaveLength(4);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("refuses lines it does not understand, naming the line", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "escalate-audit-")), "audit.jsonl");
    writeFileSync(path, '{"v":1}\n');
    await expect(new FileAuditLog(path).read()).rejects.toMatchObject({ code: "E_AUDIT_FORMAT" });
    expect(() => parseAuditLog("\n{oops")).toThrow(/line 2/);
    expect(() => parseAuditLog('{"v":9}')).toThrow(expect.objectContaining({ code: "E_AUDIT_FORMAT" }));
  });

  it("keeps a memory log and hands it to the app to persist", async () => {
    const saved: string[] = [];
    const log = new MemoryAuditLog((jsonl) => {
      saved.push(jsonl);
    });
    await auditRequests(log, { conversation: "c", redacted: [] })(request(1));
    expect(saved).toHaveLength(1);
    expect(parseAuditLog(saved[0] ?? "")).toEqual(await log.read());
  });
});
