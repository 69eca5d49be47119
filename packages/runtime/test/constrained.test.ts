// JSON-schema constrained decoding on the fixture decoder with random weights: for 100 seeds the output parses and
// matches the schema (checked by a small validator below), and the grammar refuses what the schema forbids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compileSchema,
  type GeneratePipeline,
  InvalidArgumentError,
  initialState,
  isComplete,
  type JsonSchema,
  minCompletionLength,
  SchemaError,
  stepGrammar,
} from "../src/index";
import { pipeline } from "../src/node";
import { fixtureModels } from "./helpers/fixture-models";

const models = fixtureModels();
let gen: GeneratePipeline;
beforeAll(async () => {
  gen = await pipeline("generate", models.decoder);
});
afterAll(async () => {
  await gen.dispose();
  models.cleanup();
});

const schema: JsonSchema = {
  type: "object",
  properties: {
    name: { type: "string", maxLength: 12 },
    age: { type: "integer" },
    score: { type: "number" },
    active: { type: "boolean" },
    status: { enum: ["open", "closed", 42, null] },
    tags: { type: "array", items: { type: "string" }, maxItems: 3 },
    items: {
      type: "array",
      minItems: 1,
      items: { type: "object", properties: { id: { type: "integer" }, title: { type: "string" } }, required: ["id"] },
    },
    note: { type: ["string", "null"] },
  },
  required: ["name", "age", "items"],
};

/** A small validator for the subset the decoder supports: enough to catch any wrong output. */
function validate(value: unknown, s: JsonSchema, path = "$"): string[] {
  if (s.const !== undefined) return value === s.const ? [] : [`${path}: not the const`];
  if (s.enum) return s.enum.some((e) => e === value) ? [] : [`${path}: ${JSON.stringify(value)} not in enum`];
  const types = typeof s.type === "string" ? [s.type] : (s.type ?? []);
  const errors: string[] = [];
  const ok = types.some((t) => {
    switch (t) {
      case "object":
        if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
        for (const r of s.required ?? []) if (!(r in value)) errors.push(`${path}: missing ${r}`);
        for (const [k, v] of Object.entries(value)) {
          const ps = s.properties?.[k];
          if (!ps) errors.push(`${path}: unexpected ${k}`);
          else errors.push(...validate(v, ps, `${path}.${k}`));
        }
        return true;
      case "array":
        if (!Array.isArray(value)) return false;
        if (s.minItems !== undefined && value.length < s.minItems) errors.push(`${path}: too few items`);
        if (s.maxItems !== undefined && value.length > s.maxItems) errors.push(`${path}: too many items`);
        for (const [i, v] of value.entries()) errors.push(...validate(v, s.items!, `${path}[${i}]`));
        return true;
      case "string":
        if (typeof value !== "string") return false;
        if (s.maxLength !== undefined && [...value].length > s.maxLength) errors.push(`${path}: too long`);
        if (s.minLength !== undefined && [...value].length < s.minLength) errors.push(`${path}: too short`);
        return true;
      case "integer":
        return typeof value === "number" && Number.isInteger(value);
      case "number":
        return typeof value === "number" && Number.isFinite(value);
      case "boolean":
        return typeof value === "boolean";
      case "null":
        return value === null;
      default:
        return false;
    }
  });
  return ok ? errors : [`${path}: ${JSON.stringify(value)} is not ${types.join("|")}`];
}

describe("JSON-schema constrained decoding", () => {
  it("gives schema-valid JSON for 100 seeds, with random weights", async () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const result = await gen.run('{"', { schema, maxTokens: 60, temperature: 1, seed });
      let value: unknown;
      expect(() => {
        value = JSON.parse(result.text);
      }, result.text).not.toThrow();
      expect(validate(value, schema), result.text).toEqual([]);
      expect(result.tokenIds.length).toBeLessThanOrEqual(60);
      seen.add(result.text);
    }
    // Sampling explores: the 100 documents are not all the same.
    expect(seen.size).toBeGreaterThan(50);
  });

  it("gives schema-valid JSON greedily and under top-k/top-p, and closes within a tight budget", async () => {
    for (const options of [{}, { temperature: 0.7, topK: 5, seed: 1 }, { temperature: 1.3, topP: 0.8, seed: 2 }]) {
      for (const maxTokens of [38, 45, 200]) {
        const result = await gen.run("hello", { ...options, schema, maxTokens });
        expect(validate(JSON.parse(result.text), schema), result.text).toEqual([]);
        expect(result.tokenIds.length).toBeLessThanOrEqual(maxTokens);
      }
    }
  });

  it("refuses a budget below the shortest document, and schema features it cannot enforce", async () => {
    const shortest = minCompletionLength(initialState(compileSchema(schema)));
    expect(shortest).toBe('{"name":"","age":0,"items":[{"id":0}]}'.length);
    await expect(gen.run("x", { schema, maxTokens: shortest - 1 })).rejects.toBeInstanceOf(InvalidArgumentError);
    for (const bad of [
      { type: "string", pattern: "^a" },
      { $ref: "#/x" },
      { type: "array" },
      { type: "object", required: ["x"] },
    ]) {
      expect(() => compileSchema(bad as JsonSchema)).toThrow(SchemaError);
    }
  });

  it("accepts exactly the prefixes of matching documents", () => {
    const root = compileSchema(schema);
    const feed = (text: string) => {
      let s = initialState(root) as ReturnType<typeof initialState> | null;
      for (const ch of text) s = s && stepGrammar(s, ch);
      return s;
    };
    const good =
      '{"age":-12,"name":"A\\u00e9\\"","items":[{"title":"t","id":0}],"status":42,"score":1.5e+3,"note":null}';
    for (let i = 0; i <= good.length; i++) expect(feed(good.slice(0, i)), good.slice(0, i)).not.toBeNull();
    expect(isComplete(feed(good)!)).toBe(true);
    for (const bad of [
      '{"age":1.5', // integer
      '{"age":01', // leading zero
      '{"name":"abcdefghijklm', // maxLength 12
      '{"nope"', // unknown property
      '{"age":1,"age"', // repeated property
      '{"age":1}', // missing required
      '{"items":[]', // minItems 1
      '{"age":1234567890123456', // more digits than a double holds exactly
      '{"score":1e123', // exponent past two digits
    ]) {
      expect(feed(bad), bad).toBeNull();
    }
    expect(feed('{"status":"op')).not.toBeNull();
    expect(feed('{"status":"opx')).toBeNull();
    expect(feed('{ "age"')).toBeNull(); // compact: no whitespace
  });
});
