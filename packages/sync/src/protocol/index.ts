// The wire protocol between sync clients and the relay: what both sides import. No I/O here.

export { ProtocolError } from "../errors/protocol-error";
export { SyncError, type SyncErrorCode } from "../errors/sync-error";
export type { AppendAnswer } from "./append-answer";
export type { LogEntry, StoredEntry } from "./log-entry";
export {
  AUTH_HEADERS,
  REQUEST_CLOCK_SKEW_MS,
  type RequestAuth,
  readRequestAuth,
  type SignedRequest,
  signRequest,
  verifyRequest,
} from "./request-auth";
export { type LiveMessage, RELAY_API_VERSION, routes } from "./routes";
export {
  checkId,
  decodeWireEntry,
  encodeWireEntry,
  fromBase64,
  ID_PATTERN,
  MAX_ENTRY_BYTES,
  toBase64,
  type WireEntry,
} from "./wire";
