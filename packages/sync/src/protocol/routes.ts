/**
 * The relay's HTTP API, version 1. Every route but `health`, `createSpace` and `grantsFor` needs a request signed by
 * a device enrolled in the space (see request-auth). Bodies are JSON; bytes are base64.
 *
 * | route | method | body / answer |
 * | --- | --- | --- |
 * | `/health` | GET | `{ ok: true, version }` |
 * | `/v1/spaces` | POST | `{ genesis }` -> 201 `{ spaceId }`; the founder becomes the first device |
 * | `/v1/spaces/:space/devices` | GET | `{ devices: [{ deviceId, signingPublicKey, agreementPublicKey, enrolledBy, removed }] }` |
 * | `/v1/spaces/:space/devices` | POST | `{ grant }` (an enrollment grant signed by an enrolled device) -> 201 |
 * | `/v1/spaces/:space/devices/:device` | DELETE | removes a device; it can no longer read or append |
 * | `/v1/devices/:device/grants` | GET | `{ grants: [{ spaceId, grant }] }`: enrollment and key grants sealed to that device, in every space (no auth: they are ciphertext; a new device does not know its space yet) |
 * | `/v1/spaces/:space/grants` | POST | `{ grants: [base64] }`: key grants after a rotation, one per remaining device |
 * | `/v1/spaces/:space/docs` | GET | `{ docs: [{ documentId, head }] }` |
 * | `/v1/spaces/:space/docs/:doc/entries` | POST | `{ entries: WireEntry[] }` -> `AppendAnswer` `{ positions, compacted }`; idempotent per (device, seq) of a stored entry; one at or below its device's compaction mark is not stored: position 0 and listed in `compacted` with the mark (the field only when there are such entries) |
 * | `/v1/spaces/:space/docs/:doc/entries?after=N&limit=M` | GET | `{ entries: WireEntry[], head }`; starts at the newest snapshot covering more than N |
 * | `/v1/spaces/:space/live` | GET (WebSocket) | auth in the query; server pushes `{ type: "entries", documentId, entries }` |
 */
export const RELAY_API_VERSION = 1;

export const routes = {
  health: () => "/health",
  createSpace: () => "/v1/spaces",
  devices: (space: string) => `/v1/spaces/${space}/devices`,
  device: (space: string, device: string) => `/v1/spaces/${space}/devices/${device}`,
  grantsFor: (device: string) => `/v1/devices/${device}/grants`,
  grants: (space: string) => `/v1/spaces/${space}/grants`,
  docs: (space: string) => `/v1/spaces/${space}/docs`,
  entries: (space: string, doc: string) => `/v1/spaces/${space}/docs/${doc}/entries`,
  live: (space: string) => `/v1/spaces/${space}/live`,
} as const;

/** A message the relay pushes over the live WebSocket. */
export type LiveMessage =
  | { type: "entries"; documentId: string; entries: import("./wire").WireEntry[] }
  | { type: "error"; code: string; message: string };
