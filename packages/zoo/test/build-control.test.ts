import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../src/build/build-catalog";
import { AbortedError, EMAIL_TRIAGE_ID, InvalidArgumentError, type Progress } from "../src/index";

describe("buildCatalog", () => {
  it("reports progress as { phase, loaded, total } and stops on abort without writing anything", () => {
    const out = mkdtempSync(join(tmpdir(), "hearth-zoo-abort-"));
    const controller = new AbortController();
    const seen: Progress[] = [];
    const run = () =>
      buildCatalog(out, {
        models: [EMAIL_TRIAGE_ID],
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          // Abort after the first training epoch.
          if (p.phase === "email-triage: train") controller.abort();
        },
      });
    expect(run).toThrow(AbortedError);
    expect(seen.map((p) => p.phase)).toEqual(["email-triage: data", "email-triage: data", "email-triage: train"]);
    for (const p of seen) expect(p.loaded).toBeLessThanOrEqual(p.total);
    expect(readdirSync(out)).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  }, 60_000);

  it("refuses an unknown model id before doing any work", () => {
    const root = mkdtempSync(join(tmpdir(), "hearth-zoo-bad-"));
    const out = join(root, "catalog");
    expect(() => buildCatalog(out, { models: ["hearth/nope"] })).toThrow(InvalidArgumentError);
    expect(existsSync(out)).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});
