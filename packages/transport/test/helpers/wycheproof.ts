import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface WycheproofTest {
  tcId: number;
  comment: string;
  flags: string[];
  result: "valid" | "invalid" | "acceptable";
  [field: string]: unknown;
}

export interface WycheproofGroup {
  tests: WycheproofTest[];
  [field: string]: unknown;
}

/** The test groups of one Wycheproof vector file kept in test/fixtures. */
export function loadWycheproof(name: string): WycheproofGroup[] {
  const url = new URL(`../fixtures/wycheproof-${name}_test.json`, import.meta.url);
  const file = JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as {
    testGroups: WycheproofGroup[];
    numberOfTests: number;
  };
  const count = file.testGroups.reduce((n, g) => n + g.tests.length, 0);
  if (count !== file.numberOfTests || count === 0)
    throw new Error(`${name}: expected ${file.numberOfTests} tests, found ${count}`);
  return file.testGroups;
}

export const hex = (value: unknown): Uint8Array => Uint8Array.from(Buffer.from(String(value), "hex"));
