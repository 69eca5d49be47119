import { minValueLength, type PropertyNode, type SchemaNode } from "./json-schema";

type ObjectNode = Extract<SchemaNode, { kind: "object" }>;
type ArrayNode = Extract<SchemaNode, { kind: "array" }>;
type StringNode = Extract<SchemaNode, { kind: "string" }>;
type NumberPhase = "sign" | "zero" | "int" | "dot" | "frac" | "e" | "esign" | "exp";

/** One level of the parse: a value not started yet, a literal, string, number, object or array in progress. */
export type Frame =
  | { readonly t: "value"; readonly node: SchemaNode }
  | { readonly t: "lit"; readonly values: readonly string[]; readonly pos: number; readonly key: boolean }
  | { readonly t: "str"; readonly node: StringNode; readonly len: number; readonly esc: number }
  | { readonly t: "num"; readonly integer: boolean; readonly phase: NumberPhase; readonly digits: number }
  | {
      readonly t: "obj";
      readonly node: ObjectNode;
      readonly used: readonly string[];
      readonly phase: "start" | "comma" | "key" | "colon" | "value" | "after";
      readonly pending?: PropertyNode;
    }
  | {
      readonly t: "arr";
      readonly node: ArrayNode;
      readonly count: number;
      readonly phase: "start" | "comma" | "value" | "after";
    };

/**
 * The parse state: a stack of frames, innermost last; empty once the document is closed. States are immutable,
 * so trying a token never disturbs the state it was tried from.
 */
export type GrammarState = readonly Frame[];

const DIGIT = /^[0-9]$/;
const HEX = /^[0-9a-fA-F]$/;
const COMPLETE_NUMBER: ReadonlySet<NumberPhase> = new Set(["zero", "int", "frac", "exp"]);
// Digit limits that keep every number finite and every integer exact in a double: JSON allows more, but a parser
// turning 1e400 into Infinity, or a 20-digit id into a rounded one, would break the schema's promise.
const MAX_INT_DIGITS = 15;
const MAX_FRACTION_DIGITS = 15;
const MAX_EXPONENT_DIGITS = 2;

/** The state before the first character of a document matching `root`. */
export function initialState(root: SchemaNode): GrammarState {
  return [{ t: "value", node: root }];
}

/** Feeds one character (a code point); null when no document matching the schema continues that way. */
export function step(stack: GrammarState, ch: string): GrammarState | null {
  const top = stack.at(-1);
  if (!top) return null;
  const below = stack.slice(0, -1);
  switch (top.t) {
    case "value":
      return startValue(below, top.node, ch);
    case "lit": {
      const next = top.values.filter((v) => v.slice(top.pos, top.pos + ch.length) === ch);
      if (next.length > 0) {
        const f = { ...top, values: next, pos: top.pos + ch.length };
        return next.every((v) => v.length === f.pos) ? complete(below, f) : [...below, f];
      }
      if (!top.key && top.values.some((v) => v.length === top.pos)) return passOn(below, top, ch);
      return null;
    }
    case "str":
      return stepString(below, top, ch);
    case "num":
      return stepNumber(below, top, ch);
    case "obj":
      return stepObject(below, top, ch);
    case "arr":
      return stepArray(below, top, ch);
  }
}

function startValue(below: Frame[], node: SchemaNode, ch: string): GrammarState | null {
  switch (node.kind) {
    case "object":
      return ch === "{" ? [...below, { t: "obj", node, used: [], phase: "start" }] : null;
    case "array":
      return ch === "[" ? [...below, { t: "arr", node, count: 0, phase: "start" }] : null;
    case "string":
      return ch === '"' ? [...below, { t: "str", node, len: 0, esc: 0 }] : null;
    case "number":
      if (ch === "-") return [...below, { t: "num", integer: node.integer, phase: "sign", digits: 0 }];
      if (ch === "0") return [...below, { t: "num", integer: node.integer, phase: "zero", digits: 1 }];
      return DIGIT.test(ch) ? [...below, { t: "num", integer: node.integer, phase: "int", digits: 1 }] : null;
    case "literal":
      return step([...below, { t: "lit", values: node.values, pos: 0, key: false }], ch);
    case "union": {
      for (const option of node.options) {
        const s = startValue(below, option, ch);
        if (s) return s;
      }
      return null;
    }
  }
}

/** A finished child hands a character it cannot take to its parent. */
function passOn(below: Frame[], done: Frame, ch: string): GrammarState | null {
  const parent = complete(below, done);
  return parent && parent.length > 0 ? step(parent, ch) : null;
}

/** Pops a finished frame and moves its parent on. */
function complete(below: Frame[], done: Frame): GrammarState | null {
  const parent = below.at(-1);
  if (!parent) return [];
  const rest = below.slice(0, -1);
  if (parent.t === "obj" && parent.phase === "key" && done.t === "lit") {
    const key = done.values.find((v) => v.length === done.pos);
    const pending = parent.node.properties.find((p) => p.key === key);
    if (!pending) return null;
    return [...rest, { ...parent, phase: "colon", pending, used: [...parent.used, pending.name] }];
  }
  if (parent.t === "obj" && parent.phase === "value") return [...rest, { ...parent, phase: "after" }];
  if (parent.t === "arr" && parent.phase === "value")
    return [...rest, { ...parent, count: parent.count + 1, phase: "after" }];
  return null;
}

function stepString(below: Frame[], s: Extract<Frame, { t: "str" }>, ch: string): GrammarState | null {
  if (s.esc === -1) {
    if (ch === "u") return [...below, { ...s, esc: 4 }];
    return '"\\/bfnrt'.includes(ch) ? [...below, { ...s, esc: 0, len: s.len + 1 }] : null;
  }
  if (s.esc > 0) {
    if (!HEX.test(ch)) return null;
    return [...below, s.esc === 1 ? { ...s, esc: 0, len: s.len + 1 } : { ...s, esc: s.esc - 1 }];
  }
  if (ch === '"') return s.len >= s.node.minLength ? complete(below, s) : null;
  if (s.len >= s.node.maxLength) return null;
  if (ch === "\\") return [...below, { ...s, esc: -1 }];
  if (ch < " ") return null;
  return [...below, { ...s, len: s.len + 1 }];
}

function stepNumber(below: Frame[], n: Extract<Frame, { t: "num" }>, ch: string): GrammarState | null {
  const to = (phase: NumberPhase, digits = 0): GrammarState => [...below, { ...n, phase, digits }];
  const digit = DIGIT.test(ch);
  const more = (limit: number): GrammarState | null => (n.digits < limit ? to(n.phase, n.digits + 1) : null);
  const exponent = (ch === "e" || ch === "E") && !n.integer;
  switch (n.phase) {
    case "sign":
      return ch === "0" ? to("zero", 1) : digit ? to("int", 1) : null;
    case "zero":
      if (ch === "." && !n.integer) return to("dot");
      if (exponent) return to("e");
      return digit ? null : passOn(below, n, ch);
    case "int":
      if (digit) return more(MAX_INT_DIGITS);
      if (ch === "." && !n.integer) return to("dot");
      if (exponent) return to("e");
      return passOn(below, n, ch);
    case "dot":
      return digit ? to("frac", 1) : null;
    case "frac":
      if (digit) return more(MAX_FRACTION_DIGITS);
      if (exponent) return to("e");
      return passOn(below, n, ch);
    case "e":
      return ch === "+" || ch === "-" ? to("esign") : digit ? to("exp", 1) : null;
    case "esign":
      return digit ? to("exp", 1) : null;
    case "exp":
      return digit ? more(MAX_EXPONENT_DIGITS) : passOn(below, n, ch);
  }
}

const missingRequired = (o: Extract<Frame, { t: "obj" }>): PropertyNode[] =>
  o.node.properties.filter((p) => p.required && !o.used.includes(p.name));
const unused = (o: Extract<Frame, { t: "obj" }>): PropertyNode[] =>
  o.node.properties.filter((p) => !o.used.includes(p.name));

function stepObject(below: Frame[], o: Extract<Frame, { t: "obj" }>, ch: string): GrammarState | null {
  const startKey = (): GrammarState | null => {
    const keys = unused(o).map((p) => p.key);
    if (keys.length === 0) return null;
    return [...below, { ...o, phase: "key" }, { t: "lit", values: keys, pos: 1, key: true }];
  };
  switch (o.phase) {
    case "start":
      if (ch === '"') return startKey();
      return ch === "}" && missingRequired(o).length === 0 ? complete(below, o) : null;
    case "comma":
      return ch === '"' ? startKey() : null;
    case "colon":
      return ch === ":" && o.pending
        ? [...below, { ...o, phase: "value" }, { t: "value", node: o.pending.schema }]
        : null;
    case "after":
      if (ch === ",") return unused(o).length > 0 ? [...below, { ...o, phase: "comma" }] : null;
      return ch === "}" && missingRequired(o).length === 0 ? complete(below, o) : null;
    default:
      return null;
  }
}

function stepArray(below: Frame[], a: Extract<Frame, { t: "arr" }>, ch: string): GrammarState | null {
  switch (a.phase) {
    case "start":
      if (ch === "]") return a.node.minItems === 0 ? complete(below, a) : null;
      return a.node.maxItems >= 1 ? startValue([...below, { ...a, phase: "value" }], a.node.items, ch) : null;
    case "comma":
      return startValue([...below, { ...a, phase: "value" }], a.node.items, ch);
    case "after":
      if (ch === ",") return a.count < a.node.maxItems ? [...below, { ...a, phase: "comma" }] : null;
      return ch === "]" && a.count >= a.node.minItems ? complete(below, a) : null;
    default:
      return null;
  }
}

/** True when the text so far is a whole document (a top-level number or literal may still grow). */
export function isComplete(stack: GrammarState): boolean {
  if (stack.length === 0) return true;
  if (stack.length > 1) return false;
  const top = stack[0]!;
  if (top.t === "num") return COMPLETE_NUMBER.has(top.phase);
  if (top.t === "lit") return !top.key && top.values.some((v) => v.length === top.pos);
  return false;
}

// What closing an object costs once the properties in `used` are written: the missing required ones, then "}".
function objectRest(node: ObjectNode, used: readonly string[]): number {
  let cost = 1;
  for (const p of node.properties) {
    if (p.required && !used.includes(p.name)) cost += 1 + p.key.length + 1 + minValueLength(p.schema);
  }
  return cost;
}

function propertyCost(p: PropertyNode): number {
  return p.key.length + 1 + minValueLength(p.schema);
}

/**
 * The length of the shortest text that completes the document from this state. Exact, so that writing its first
 * character always lowers it by one: what lets decoding close the document within a token budget.
 */
export function minCompletionLength(stack: GrammarState): number {
  let total = 0;
  let i = stack.length - 1;
  const top = stack[i];
  if (!top) return 0;
  switch (top.t) {
    case "value":
      total += minValueLength(top.node);
      break;
    case "lit":
      if (top.key) {
        const parent = stack[i - 1] as Extract<Frame, { t: "obj" }>;
        let best = Number.POSITIVE_INFINITY;
        for (const v of top.values) {
          const p = parent.node.properties.find((q) => q.key === v)!;
          best = Math.min(
            best,
            v.length - top.pos + 1 + minValueLength(p.schema) + objectRest(parent.node, [...parent.used, p.name]),
          );
        }
        total += best;
        i -= 1;
      } else {
        total += Math.min(...top.values.map((v) => v.length - top.pos));
      }
      break;
    case "str": {
      const pending = top.esc === -1 ? 1 : Math.max(top.esc, 0);
      const len = top.len + (top.esc !== 0 ? 1 : 0);
      total += pending + Math.max(0, top.node.minLength - len) + 1;
      break;
    }
    case "num":
      total += COMPLETE_NUMBER.has(top.phase) ? 0 : 1;
      break;
    case "obj": {
      const missing = missingRequired(top);
      if (top.phase === "start") {
        total += missing.length === 0 ? 1 : missing.reduce((s, p) => s + propertyCost(p), 0) + missing.length;
      } else if (top.phase === "comma") {
        total +=
          missing.length > 0
            ? missing.reduce((s, p) => s + propertyCost(p), 0) + missing.length
            : Math.min(...unused(top).map(propertyCost)) + 1;
      } else if (top.phase === "colon") {
        total += 1 + minValueLength(top.pending!.schema) + objectRest(top.node, top.used);
      } else {
        total += objectRest(top.node, top.used);
      }
      break;
    }
    case "arr": {
      const itemCost = minValueLength(top.node.items);
      const { minItems } = top.node;
      if (top.phase === "start") total += minItems === 0 ? 1 : minItems * itemCost + minItems;
      else if (top.phase === "after") total += Math.max(0, minItems - top.count) * (1 + itemCost) + 1;
      else total += itemCost + Math.max(0, minItems - top.count - 1) * (1 + itemCost) + 1;
      break;
    }
  }
  for (let j = i - 1; j >= 0; j--) {
    const f = stack[j]!;
    if (f.t === "obj") total += objectRest(f.node, f.used);
    else if (f.t === "arr")
      total += Math.max(0, f.node.minItems - f.count - 1) * (1 + minValueLength(f.node.items)) + 1;
  }
  return total;
}
