import * as Automerge from "@automerge/automerge";
import { toBase64 } from "../protocol/wire";

/**
 * A document as plain, indented JSON for the user to read or take elsewhere: counters become numbers, byte
 * arrays base64 strings, dates ISO strings. Not a backup: history and sync state are left out.
 */
export function exportJson(doc: Automerge.Doc<unknown>): string {
  return JSON.stringify(
    Automerge.toJS(doc),
    (_key, value: unknown) => {
      if (value instanceof Uint8Array) return toBase64(value);
      if (Automerge.isCounter(value)) return value.value;
      return value;
    },
    2,
  );
}
