import { decodeWireEntry, type LogEntry, ProtocolError } from "@hearth/sync/protocol";
import { encodeEntryContext, readEnvelopeHeader } from "@hearth/transport";
import { entrySigningBytes } from "../crypto/signing-bytes";
import { ForbiddenError } from "../errors/forbidden-error";
import { TooLargeError } from "../errors/too-large-error";
import type { Route } from "../http/router";
import type { DeviceRecord } from "../store/relay-store";
import { toWireEntry } from "../to-wire-entry";
import type { RouteDeps } from "./route-deps";

/** Most entries one append may carry. */
export const MAX_ENTRIES_PER_APPEND = 500;
/** Entries a fetch returns when it names no limit, and the most it returns. */
export const DEFAULT_FETCH_LIMIT = 500;
export const MAX_FETCH_LIMIT = 1000;

function count(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = query.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ProtocolError(`Query parameter ${name} must be an integer from ${min} to ${max}.`);
  }
  return value;
}

/**
 * One entry of an append, checked as far as the relay can without a content key: shape and size, that it is for
 * this document and by the signer, that its envelope header names its epoch, and that its signature verifies with
 * the signer's key over the envelope and the entry context.
 */
async function checkEntry(
  value: unknown,
  i: number,
  documentId: string,
  signer: DeviceRecord,
  deps: RouteDeps,
): Promise<LogEntry> {
  const where = `Entry ${i}`;
  const maxBase64 = Math.ceil(deps.maxEntryBytes / 3) * 4;
  const envelopeText = (value as { envelope?: unknown } | null)?.envelope;
  if (typeof envelopeText === "string" && envelopeText.length > maxBase64) {
    throw new TooLargeError(`${where}: the envelope is larger than ${deps.maxEntryBytes} bytes; split the change.`);
  }
  let entry: LogEntry & { position?: number };
  try {
    entry = decodeWireEntry(value, deps.maxEntryBytes);
  } catch (error) {
    throw new ProtocolError(`${where}: ${error instanceof Error ? error.message : "malformed"}`, { cause: error });
  }
  if (entry.envelope.length > deps.maxEntryBytes) {
    throw new TooLargeError(`${where}: the envelope is larger than ${deps.maxEntryBytes} bytes; split the change.`);
  }
  delete entry.position;
  if (entry.documentId !== documentId) throw new ProtocolError(`${where} is for another document than the path's.`);
  if (entry.deviceId !== signer.deviceId) {
    throw new ForbiddenError(`${where} is by device ${entry.deviceId}; a device appends only its own entries.`);
  }
  if (entry.kind === "change" && entry.covers !== undefined) {
    throw new ProtocolError(`${where}: only snapshot entries carry covers.`);
  }
  let epoch: number;
  try {
    epoch = readEnvelopeHeader(entry.envelope).epoch;
  } catch (error) {
    throw new ProtocolError(`${where}: the envelope is not a sealed envelope of a known version.`, { cause: error });
  }
  if (epoch !== entry.epoch)
    throw new ProtocolError(`${where}: the envelope is sealed under epoch ${epoch}, not ${entry.epoch}.`);
  const context = encodeEntryContext(entry);
  const signed = entrySigningBytes(entry.envelope, context);
  if (!(await deps.verifier.verifies(signer.signingPublicKey, signed, entry.signature))) {
    throw new ProtocolError(
      `${where} (seq ${entry.seq}): the signature does not verify with the device's key over this envelope and context.`,
    );
  }
  return entry;
}

/** Appending to and reading a document's log, and the list of documents. */
export function entryRoutes(deps: RouteDeps): Route[] {
  const { store, hub, compactor } = deps;
  return [
    {
      method: "GET",
      template: "/v1/spaces/:space/docs",
      auth: "space",
      handle: async ({ params }) => ({ status: 200, body: { docs: await store.listDocuments(params.space ?? "") } }),
    },
    {
      method: "POST",
      template: "/v1/spaces/:space/docs/:doc/entries",
      auth: "space",
      handle: async ({ params, body, device, now, log }) => {
        const spaceId = params.space ?? "";
        const documentId = params.doc ?? "";
        if (!device) throw new ForbiddenError("This route needs an enrolled device.");
        const list = body.entries;
        if (!Array.isArray(list) || list.length === 0) {
          throw new ProtocolError("Field entries must be a non-empty array of entries.");
        }
        if (list.length > MAX_ENTRIES_PER_APPEND) {
          throw new TooLargeError(`At most ${MAX_ENTRIES_PER_APPEND} entries per append; split the batch.`);
        }
        // Verified in parallel on the thread pool; the first failure in batch order is the one reported.
        const checked = await Promise.allSettled(
          list.map((value, i) => checkEntry(value, i, documentId, device, deps)),
        );
        const entries = checked.map((result) => {
          if (result.status === "rejected") throw result.reason;
          return result.value;
        });
        log.entries = entries.length;
        log.bytes = entries.reduce((n, entry) => n + entry.envelope.length, 0);
        const result = await store.appendEntries(spaceId, documentId, entries, now);
        if (result.compacted.length > 0) log.compacted = result.compacted.length;
        hub.publish(spaceId, documentId, result.appended);
        if (result.newSnapshot) compactor.snapshotAdded(spaceId, documentId);
        // `compacted` only when there are any: the usual answer stays what it always was.
        const { positions, compacted } = result;
        return { status: 200, body: compacted.length > 0 ? { positions, compacted } : { positions } };
      },
    },
    {
      method: "GET",
      template: "/v1/spaces/:space/docs/:doc/entries",
      auth: "space",
      handle: async ({ params, query, log }) => {
        const after = count(query, "after", 0, 0, Number.MAX_SAFE_INTEGER);
        const limit = count(query, "limit", DEFAULT_FETCH_LIMIT, 1, MAX_FETCH_LIMIT);
        const page = await store.fetchEntries(params.space ?? "", params.doc ?? "", {
          after,
          limit,
          maxBytes: deps.maxFetchBytes,
        });
        log.entries = page.entries.length;
        log.bytes = page.entries.reduce((n, entry) => n + entry.envelope.length, 0);
        return { status: 200, body: { entries: page.entries.map(toWireEntry), head: page.head } };
      },
    },
  ];
}
