import { SchemaError } from "../errors/schema-error";

/** The subset of JSON Schema constrained decoding supports. */
export interface JsonSchema {
  readonly type?: JsonSchemaType | readonly JsonSchemaType[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly const?: string | number | boolean | null;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Accepted and ignored: the decoder only ever writes declared properties, valid under any value of it. */
  readonly additionalProperties?: boolean | JsonSchema;
  readonly [annotation: string]: unknown;
}

/** JSON Schema's type names. */
export type JsonSchemaType = "object" | "array" | "string" | "number" | "integer" | "boolean" | "null";

/** A compiled schema node: what the grammar walks. */
export type SchemaNode =
  | { readonly kind: "object"; readonly properties: readonly PropertyNode[] }
  | { readonly kind: "array"; readonly items: SchemaNode; readonly minItems: number; readonly maxItems: number }
  | { readonly kind: "string"; readonly minLength: number; readonly maxLength: number }
  | { readonly kind: "number"; readonly integer: boolean }
  | { readonly kind: "literal"; readonly values: readonly string[] }
  | { readonly kind: "union"; readonly options: readonly SchemaNode[] };

/** One property of an object node; `key` is its JSON text with quotes (`"name"`). */
export interface PropertyNode {
  readonly name: string;
  readonly key: string;
  readonly schema: SchemaNode;
  readonly required: boolean;
}

// Keywords that constrain values in ways the grammar does not enforce: refusing them beats emitting invalid JSON.
const UNSUPPORTED = [
  "$ref",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "pattern",
  "patternProperties",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "uniqueItems",
  "contains",
  "prefixItems",
  "dependentRequired",
  "dependentSchemas",
  "minProperties",
  "maxProperties",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
];

/** Compiles a JSON schema to grammar nodes; throws SchemaError for anything it cannot enforce. */
export function compileSchema(schema: JsonSchema | boolean, pointer = ""): SchemaNode {
  if (schema === false) throw new SchemaError(pointer, "false matches nothing.");
  if (schema === true) throw new SchemaError(pointer, "true (any value) is not supported: give a type.");
  if (typeof schema !== "object" || schema === null) throw new SchemaError(pointer, "a schema must be an object.");
  for (const k of UNSUPPORTED) if (k in schema) throw new SchemaError(pointer, `the "${k}" keyword is not supported.`);
  if (schema.const !== undefined) return { kind: "literal", values: [JSON.stringify(schema.const)] };
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0)
      throw new SchemaError(pointer, "enum must be a non-empty array.");
    for (const v of schema.enum) {
      if (typeof v === "object" && v !== null)
        throw new SchemaError(pointer, "enum values must be strings, numbers, booleans or null.");
    }
    return { kind: "literal", values: [...new Set(schema.enum.map((v) => JSON.stringify(v)))] };
  }
  const types = schema.type === undefined ? undefined : typeof schema.type === "string" ? [schema.type] : schema.type;
  if (!types || types.length === 0) throw new SchemaError(pointer, "a type (or enum/const) is required.");
  const options = types.map((t) => compileType(schema, t, pointer));
  if (options.length === 1) return options[0]!;
  const firsts = options.map(firstChars);
  for (let i = 0; i < firsts.length; i++) {
    for (let j = i + 1; j < firsts.length; j++) {
      if ([...firsts[i]!].some((c) => firsts[j]!.has(c))) throw new SchemaError(pointer, "its types overlap.");
    }
  }
  return { kind: "union", options };
}

function compileType(schema: JsonSchema, type: JsonSchemaType, pointer: string): SchemaNode {
  const count = (name: string, fallback: number): number => {
    const v = schema[name];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
      throw new SchemaError(pointer, `${name} must be a non-negative integer.`);
    return v;
  };
  switch (type) {
    case "object": {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      for (const r of required) {
        if (!Object.hasOwn(props, r))
          throw new SchemaError(pointer, `required property "${r}" has no schema in properties.`);
      }
      return {
        kind: "object",
        properties: Object.entries(props).map(([name, s]) => ({
          name,
          key: JSON.stringify(name),
          schema: compileSchema(s, `${pointer}/properties/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`),
          required: required.has(name),
        })),
      };
    }
    case "array": {
      if (schema.items === undefined) throw new SchemaError(pointer, "arrays need an items schema.");
      const minItems = count("minItems", 0);
      const maxItems = count("maxItems", Number.POSITIVE_INFINITY);
      if (maxItems < minItems) throw new SchemaError(pointer, "maxItems is below minItems.");
      return { kind: "array", items: compileSchema(schema.items, `${pointer}/items`), minItems, maxItems };
    }
    case "string": {
      const minLength = count("minLength", 0);
      const maxLength = count("maxLength", Number.POSITIVE_INFINITY);
      if (maxLength < minLength) throw new SchemaError(pointer, "maxLength is below minLength.");
      return { kind: "string", minLength, maxLength };
    }
    case "number":
    case "integer":
      return { kind: "number", integer: type === "integer" };
    case "boolean":
      return { kind: "literal", values: ["true", "false"] };
    case "null":
      return { kind: "literal", values: ["null"] };
    default:
      throw new SchemaError(pointer, `unknown type "${String(type)}".`);
  }
}

/** Characters a value of this node can start with. */
export function firstChars(node: SchemaNode): Set<string> {
  switch (node.kind) {
    case "object":
      return new Set(["{"]);
    case "array":
      return new Set(["["]);
    case "string":
      return new Set(['"']);
    case "number":
      return new Set([..."-0123456789"]);
    case "literal":
      return new Set(node.values.map((v) => v[0]!));
    case "union":
      return new Set(node.options.flatMap((o) => [...firstChars(o)]));
  }
}

/** Length of the shortest JSON text matching the node. */
export function minValueLength(node: SchemaNode): number {
  switch (node.kind) {
    case "object": {
      const req = node.properties.filter((p) => p.required);
      return 2 + req.reduce((s, p) => s + p.key.length + 1 + minValueLength(p.schema), 0) + Math.max(0, req.length - 1);
    }
    case "array":
      return 2 + node.minItems * minValueLength(node.items) + Math.max(0, node.minItems - 1);
    case "string":
      return 2 + node.minLength;
    case "number":
      return 1;
    case "literal":
      return Math.min(...node.values.map((v) => v.length));
    case "union":
      return Math.min(...node.options.map(minValueLength));
  }
}
