import { type DeviceIdentity, type DevicePublicKeys, deviceIdOf } from "@hearth/transport";
import { ProtocolError } from "../errors/protocol-error";
import type { AppendAnswer } from "../protocol/append-answer";
import type { LogEntry } from "../protocol/log-entry";
import { routes } from "../protocol/routes";
import { checkId, decodeWireEntry, fromBase64, MAX_ENTRY_BYTES, toBase64, type WireEntry } from "../protocol/wire";
import type { RelayUrls } from "./relay-endpoints";
import { type FetchLike, RelayHttp } from "./relay-http";

/** A device of a space as the relay lists it; the id is checked against the keys. */
export interface DeviceRecord extends DevicePublicKeys {
  /** The device that enrolled it; undefined for the founder. */
  enrolledBy?: string;
  removed: boolean;
}

/** An entry as fetched: decoded and shape-checked, not yet verified. */
export type FetchedEntry = LogEntry & { position?: number };

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ProtocolError(`The relay's answer to ${what} is not a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ProtocolError(`The relay's answer to ${what} lacks its list.`);
  return value;
}

function count(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new ProtocolError(`The relay's answer to ${what} has a bad number.`);
  }
  return value;
}

function bytes(value: unknown, field: string, length?: number): Uint8Array {
  if (typeof value !== "string") throw new ProtocolError(`Field ${field} must be base64.`);
  const out = fromBase64(value, field);
  if (length !== undefined && out.length !== length) throw new ProtocolError(`Field ${field} must be ${length} bytes.`);
  return out;
}

/**
 * Reads the answer to an append of `sent` entries. Every position 0 is a compacted entry; its mark comes from
 * `compacted`, or is 0 from a relay that answers the position alone. `ProtocolError` for anything inconsistent.
 */
export function parseAppendAnswer(value: unknown, sent: number): Required<AppendAnswer> {
  const answer = object(value, "append");
  const positions = array(answer.positions, "append").map((p) => count(p, "append"));
  if (positions.length !== sent) {
    throw new ProtocolError("The relay answered a different number of positions than entries were sent.");
  }
  const marks = new Map<number, number>();
  for (const item of answer.compacted === undefined ? [] : array(answer.compacted, "append")) {
    const v = object(item, "append");
    const index = count(v.index, "append");
    if (index >= sent || positions[index] !== 0) {
      throw new ProtocolError("The relay listed as compacted an entry it did not answer with position 0.");
    }
    marks.set(index, count(v.mark, "append"));
  }
  const compacted: { index: number; mark: number }[] = [];
  positions.forEach((position, index) => {
    if (position === 0) compacted.push({ index, mark: marks.get(index) ?? 0 });
  });
  return { positions, compacted };
}

/** Parses one device of `GET devices`; throws {@link ProtocolError} if its id does not belong to its keys. */
export function parseDeviceRecord(value: unknown): DeviceRecord {
  const v = object(value, "devices");
  const deviceId = checkId(v.deviceId, "deviceId");
  const signingPublicKey = bytes(v.signingPublicKey, "signingPublicKey", 32);
  const agreementPublicKey = bytes(v.agreementPublicKey, "agreementPublicKey", 32);
  if (deviceIdOf(signingPublicKey, agreementPublicKey) !== deviceId) {
    throw new ProtocolError(`The relay lists device ${deviceId} with keys that do not belong to it.`);
  }
  const record: DeviceRecord = { deviceId, signingPublicKey, agreementPublicKey, removed: v.removed === true };
  if (typeof v.enrolledBy === "string") record.enrolledBy = v.enrolledBy;
  return record;
}

/**
 * Every relay route of {@link routes} as a typed call: builds the request, signs it where the route needs it and
 * validates the answer (untrusted JSON) before anything else reads it.
 */
export class RelayApi {
  readonly http: RelayHttp;
  readonly maxEntryBytes: number;

  constructor(
    relayUrl: RelayUrls,
    identity?: DeviceIdentity,
    options: { fetch?: FetchLike; maxEntryBytes?: number } = {},
  ) {
    this.http = new RelayHttp(relayUrl, identity, options.fetch);
    this.maxEntryBytes = options.maxEntryBytes ?? MAX_ENTRY_BYTES;
  }

  /** `POST /v1/spaces`: founds a space from its genesis; resolves with the id the relay derived. */
  async createSpace(genesis: Uint8Array, signal?: AbortSignal): Promise<string> {
    const answer = object(
      await this.http.request("POST", routes.createSpace(), { body: { genesis: toBase64(genesis) }, signal }),
      "createSpace",
    );
    return checkId(answer.spaceId, "spaceId");
  }

  /** `GET devices`: every device the space has had, removed ones included. */
  async devices(spaceId: string, signal?: AbortSignal): Promise<DeviceRecord[]> {
    const answer = object(await this.http.request("GET", routes.devices(spaceId), { signed: true, signal }), "devices");
    return array(answer.devices, "devices").map(parseDeviceRecord);
  }

  /** `POST devices`: enrolls the device an enrollment grant names. */
  async enroll(spaceId: string, grant: Uint8Array, signal?: AbortSignal): Promise<void> {
    await this.http.request("POST", routes.devices(spaceId), {
      body: { grant: toBase64(grant) },
      signed: true,
      signal,
    });
  }

  /** `DELETE devices/:device`: the device can no longer read or append. */
  async removeDevice(spaceId: string, deviceId: string, signal?: AbortSignal): Promise<void> {
    await this.http.request("DELETE", routes.device(spaceId, checkId(deviceId, "deviceId")), { signed: true, signal });
  }

  /** `GET /v1/devices/:device/grants`: every grant sealed to the device, oldest first. */
  async grantsFor(deviceId: string, signal?: AbortSignal): Promise<{ spaceId: string; grant: Uint8Array }[]> {
    const answer = object(
      await this.http.request("GET", routes.grantsFor(checkId(deviceId, "deviceId")), { signal }),
      "grants",
    );
    return array(answer.grants, "grants").map((item) => {
      const v = object(item, "grants");
      return { spaceId: checkId(v.spaceId, "spaceId"), grant: bytes(v.grant, "grant") };
    });
  }

  /** `POST grants`: key grants after a rotation, one per remaining device. */
  async postGrants(spaceId: string, grants: Uint8Array[], signal?: AbortSignal): Promise<void> {
    await this.http.request("POST", routes.grants(spaceId), {
      body: { grants: grants.map(toBase64) },
      signed: true,
      signal,
    });
  }

  /** `GET docs`: the documents of the space with the highest position of each. */
  async docs(spaceId: string, signal?: AbortSignal): Promise<{ documentId: string; head: number }[]> {
    const answer = object(await this.http.request("GET", routes.docs(spaceId), { signed: true, signal }), "docs");
    return array(answer.docs, "docs").map((item) => {
      const v = object(item, "docs");
      return { documentId: checkId(v.documentId, "documentId"), head: count(v.head, "docs") };
    });
  }

  /**
   * `POST entries`: appends entries of one document; resolves with their positions, in order (0 for an entry the
   * relay did not store because it sits at or below its compaction mark: see {@link RelayApi.appendEntries}).
   */
  async append(spaceId: string, documentId: string, entries: WireEntry[], signal?: AbortSignal): Promise<number[]> {
    return (await this.appendEntries(spaceId, documentId, entries, signal)).positions;
  }

  /**
   * `POST entries`, with the whole answer: the positions and the entries the relay did not store because they sit
   * at or below its compaction mark, with the mark (an older relay that does not list them answers position 0
   * alone: they are taken as compacted with mark 0). Such entries must be re-sent above the mark, not dropped.
   */
  async appendEntries(
    spaceId: string,
    documentId: string,
    entries: WireEntry[],
    signal?: AbortSignal,
  ): Promise<Required<AppendAnswer>> {
    const answer = await this.http.request("POST", routes.entries(spaceId, documentId), {
      body: { entries },
      signed: true,
      signal,
    });
    return parseAppendAnswer(answer, entries.length);
  }

  /** `GET entries?after=N&limit=M`: the entries after a cursor (starting with a snapshot when one covers more). */
  async fetchEntries(
    spaceId: string,
    documentId: string,
    after: number,
    limit: number,
    signal?: AbortSignal,
  ): Promise<{ entries: FetchedEntry[]; head: number }> {
    const target = `${routes.entries(spaceId, documentId)}?after=${after}&limit=${limit}`;
    const answer = object(await this.http.request("GET", target, { signed: true, signal }), "entries");
    const entries = array(answer.entries, "entries").map((e) => decodeWireEntry(e, this.maxEntryBytes));
    return { entries, head: count(answer.head, "entries") };
  }
}
