import { InvalidResponseError } from "../errors/invalid-response-error";

/** A parsed JSON object whose fields are read defensively. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Parses a JSON object or throws {@link InvalidResponseError} (never quoting the text: it may hold user content). */
export function parseJsonRecord(text: string, provider: string, what: string): JsonRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidResponseError(`${provider} sent ${what} that is not JSON.`, { cause: error });
  }
  if (!isRecord(value)) throw new InvalidResponseError(`${provider} sent ${what} that is not a JSON object.`);
  return value;
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringField(record: JsonRecord | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === "string" ? value : undefined;
}

export function numberField(record: JsonRecord | undefined, key: string): number | undefined {
  const value = record?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function recordField(record: JsonRecord | undefined, key: string): JsonRecord | undefined {
  const value = record?.[key];
  return isRecord(value) ? value : undefined;
}

export function arrayField(record: JsonRecord | undefined, key: string): readonly unknown[] {
  const value = record?.[key];
  return Array.isArray(value) ? value : [];
}
