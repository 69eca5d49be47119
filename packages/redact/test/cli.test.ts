// The built CLI, run as a user runs it: JSONL through detect, and a redact/restore round trip with a vault file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES } from "../src/index";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function run(args: string[], input: string) {
  return spawnSync(process.execPath, [cli, ...args], { input, encoding: "utf8", timeout: 50_000 });
}

describe("hearth-redact", () => {
  it("detect answers thousands of JSONL lines, one line each, with UTF-16 offsets and canonical types", () => {
    const texts = [
      "Call Anna Schmidt at +49 30 1234567 😀",
      "nothing to see here",
      "Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00",
      "Zoë wrote from zoe@example.org on 12 March 2024",
    ];
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, text: texts[i % texts.length] }));
    lines.splice(7, 0, "not json");
    const result = run(["detect"], `${lines.join("\n")}\n`);
    expect(result.status).toBe(0);
    const out = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3001);
    expect(out[7]).toMatchObject({ id: null, entities: [] });
    expect(out[7].error).toBeTypeOf("string");
    const first = out[0];
    expect(first.id).toBe(0);
    for (const e of first.entities) expect(texts[0]!.slice(e.start, e.end)).toBe(e.text);
    expect(first.entities.map((e: { type: string }) => e.type)).toEqual(["PERSON", "PHONE"]);
    for (const line of out) for (const e of line.entities) expect(ENTITY_TYPES as readonly string[]).toContain(e.type);
    expect(out.at(-1).id).toBe(2999);
  });

  it("redacts with a vault file across turns and restores a model's answer", () => {
    const vault = join(mkdtempSync(join(tmpdir(), "hearth-redact-")), "vault.json");
    const first = run(["redact", "--vault", vault], "I'm Anna Schmidt, reach me at anna@example.org.");
    expect(first.status).toBe(0);
    expect(first.stdout).toBe("I'm [PERSON_1], reach me at [EMAIL_1].");
    const second = run(["redact", "--vault", vault], "Anna Schmidt again, with Tom Becker.");
    expect(second.stdout).toBe("[PERSON_1] again, with [PERSON_2].");
    expect(JSON.parse(readFileSync(vault, "utf8")).version).toBe(1);
    const restored = run(["restore", "--vault", vault], "Dear [Person_1], I told [PERSON 2] and [PERSON_3].");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toBe("Dear Anna Schmidt, I told Tom Becker and [PERSON_3].");
  });

  it("fails with a clear message on a damaged vault or a missing option", () => {
    const dir = mkdtempSync(join(tmpdir(), "hearth-redact-"));
    const bad = join(dir, "vault.json");
    spawnSync("sh", ["-c", `printf '{"version": 9}' > '${bad}'`]);
    const result = run(["restore", "--vault", bad], "x");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("E_VAULT");
    expect(run(["restore"], "x").status).toBe(2);
  });
});
