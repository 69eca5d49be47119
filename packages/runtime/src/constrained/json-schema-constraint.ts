import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { LoadedModel } from "../session/load-model";
import type { TextTokenizer } from "../tokenization/text-tokenizer";
import { type GrammarState, initialState, isComplete, minCompletionLength, step } from "./json-grammar";
import { compileSchema, type JsonSchema, type SchemaNode } from "./json-schema";
import type { TokenConstraint } from "./token-constraint";

const surfaceCache = new WeakMap<TextTokenizer, ReadonlyArray<readonly [number, readonly string[]]>>();

/**
 * Each token's text as code points, for tokens that decode on their own. Tokens holding part of a multi-byte
 * character cannot be checked against the grammar alone and are left out of constrained decoding.
 */
function tokenSurfaces(tokenizer: TextTokenizer): ReadonlyArray<readonly [number, readonly string[]]> {
  const cached = surfaceCache.get(tokenizer);
  if (cached) return cached;
  const strict = new TextDecoder("utf-8", { fatal: true });
  const out: Array<readonly [number, readonly string[]]> = [];
  for (let id = 0; id < tokenizer.vocabSize; id++) {
    const bytes = tokenizer.tokenBytes(id);
    if (!bytes || bytes.length === 0) continue;
    try {
      out.push([id, [...strict.decode(bytes)]]);
    } catch {
      // Part of a UTF-8 sequence: skipped.
    }
  }
  surfaceCache.set(tokenizer, out);
  return out;
}

function feed(state: GrammarState, chars: readonly string[]): GrammarState | null {
  let s: GrammarState | null = state;
  for (const ch of chars) {
    s = step(s, ch);
    if (!s) return null;
  }
  return s;
}

/**
 * Constrained decoding to a JSON schema: before each step, only tokens that keep the output a prefix of a compact
 * JSON document (no whitespace between tokens; numbers of at most 15 integer and 15 fraction digits and a two-digit
 * exponent, so they parse to finite, exact doubles) matching the schema are allowed, and only those after which the
 * shortest completion still fits in the remaining token budget. So the output is schema-valid JSON when
 * generation ends, with random weights too, provided the vocabulary has each ASCII character as a token of its own
 * (every byte-level BPE vocabulary does).
 */
export class JsonSchemaConstraint implements TokenConstraint {
  private state: GrammarState;
  private readonly surfaces: ReadonlyArray<readonly [number, readonly string[]]>;
  private readonly byId = new Map<number, readonly string[]>();

  constructor(root: SchemaNode, tokenizer: TextTokenizer) {
    this.state = initialState(root);
    this.surfaces = tokenSurfaces(tokenizer);
    for (const [id, chars] of this.surfaces) this.byId.set(id, chars);
  }

  /** Characters still needed, at the least, to close the document. */
  get minRemainingChars(): number {
    return minCompletionLength(this.state);
  }

  get complete(): boolean {
    return isComplete(this.state);
  }

  get finished(): boolean {
    return this.state.length === 0;
  }

  allowedTokens(remaining: number): number[] {
    const allowed: number[] = [];
    for (const [id, chars] of this.surfaces) {
      const next = feed(this.state, chars);
      if (next && minCompletionLength(next) <= remaining) allowed.push(id);
    }
    return allowed;
  }

  accept(id: number): void {
    const chars = this.byId.get(id);
    const next = chars && feed(this.state, chars);
    if (!next) throw new InvalidArgumentError(`Token ${id} does not continue the JSON document.`);
    this.state = next;
  }
}

/**
 * A `constraint` for `generate` that keeps the output valid JSON for `schema` (object/properties/required,
 * string, number, integer, boolean, null, enum, const, array of items). Throws SchemaError for schema features
 * it cannot enforce.
 */
export function jsonSchemaConstraint(schema: JsonSchema): (model: LoadedModel) => JsonSchemaConstraint {
  const root = compileSchema(schema);
  return (model) => new JsonSchemaConstraint(root, model.tokenizer);
}
