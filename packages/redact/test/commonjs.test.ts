import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The package ships CommonJS next to ESM: a require() of the built package must detect what an import does.
const cjs = fileURLToPath(new URL("../dist/index.cjs", import.meta.url));
const esm = new URL("../dist/index.js", import.meta.url).href;
const TEXT = "Call Anna Weber at +44 20 7946 0958 or 030 12345678, card 4111 1111 1111 1111, from 192.168.1.20.";

function run(script: string): string {
  const out = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
  expect(out.stderr).toBe("");
  return out.stdout.trim();
}

describe("the CommonJS build", () => {
  it("finds what the ESM build finds, phones included", () => {
    const show = "JSON.stringify(createAnalyzer().analyze(TEXT).map((e) => [e.type, e.text]))";
    const fromRequire = run(
      `import { createRequire } from "node:module"; const { createAnalyzer } = createRequire(import.meta.url)(${JSON.stringify(cjs)}); const TEXT = ${JSON.stringify(TEXT)}; console.log(${show});`,
    );
    const fromImport = run(
      `const { createAnalyzer } = await import(${JSON.stringify(esm)}); const TEXT = ${JSON.stringify(TEXT)}; console.log(${show});`,
    );
    const types = (JSON.parse(fromRequire) as [string, string][]).map(([type]) => type);
    expect(types).toEqual(expect.arrayContaining(["PERSON", "PHONE", "CREDIT_CARD", "IP_ADDRESS"]));
    expect(fromRequire).toBe(fromImport);
  });
});
