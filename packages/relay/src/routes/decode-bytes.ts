import { fromBase64, ProtocolError } from "@hearth/sync/protocol";

/** A required base64 field of a JSON body, decoded; `ProtocolError` naming the field otherwise. */
export function decodeBytes(value: unknown, field: string): Uint8Array {
  if (typeof value !== "string" || value.length === 0)
    throw new ProtocolError(`Field ${field} must be a base64 string.`);
  try {
    return fromBase64(value, field);
  } catch (error) {
    // atob refuses some strings the pattern lets through (a length of 4n + 1) with a DOMException.
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`Field ${field} is not base64.`, { cause: error });
  }
}
