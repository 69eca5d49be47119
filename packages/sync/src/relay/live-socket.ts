import type { DeviceIdentity } from "@hearth/transport";
import { OfflineError } from "../errors/offline-error";
import { ProtocolError } from "../errors/protocol-error";
import { signRequest } from "../protocol/request-auth";
import { routes } from "../protocol/routes";
import { decodeWireEntry } from "../protocol/wire";
import type { FetchedEntry } from "./relay-api";

/**
 * The part of a WebSocket the live connection uses, typed structurally so that both the browser `WebSocket` and
 * the `ws` package's `WebSocket` fit without a dependency on either.
 */
export interface LiveWebSocket {
  readonly readyState: number;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open", listener: (event: object) => void): void;
  addEventListener(type: "message", listener: (event: object) => void): void;
  addEventListener(type: "close", listener: (event: object) => void): void;
  addEventListener(type: "error", listener: (event: object) => void): void;
}

/** A WebSocket class: the browser's global `WebSocket`, or `WebSocket` from the `ws` package in Node. */
export type WebSocketConstructor = new (url: string) => LiveWebSocket;

/** Entries the relay pushed for one document. */
export interface LivePush {
  documentId: string;
  entries: FetchedEntry[];
}

/** Handlers of an open live connection. */
export interface LiveHandlers {
  onPush(push: LivePush): void;
  /** The relay sent something that is not a valid live message. */
  onInvalid(error: ProtocolError): void;
  /** The connection ended (not called after {@link LiveConnection.close}). */
  onClose(): void;
}

/** An open live connection. */
export interface LiveConnection {
  close(): void;
}

function messageText(event: object): string | undefined {
  const data: unknown = "data" in event ? event.data : undefined;
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (ArrayBuffer.isView(data))
    return new TextDecoder().decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return undefined;
}

/** Parses one live message; throws {@link ProtocolError} for anything but a valid one. */
export function parseLiveMessage(text: string, maxEntryBytes?: number): LivePush | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ProtocolError("The relay pushed a live message that is not JSON.", { cause });
  }
  const v = value as { type?: unknown; documentId?: unknown; entries?: unknown; message?: unknown } | null;
  if (v?.type === "error") return { error: typeof v.message === "string" ? v.message.slice(0, 300) : "unknown" };
  if (v?.type !== "entries" || typeof v.documentId !== "string" || !Array.isArray(v.entries)) {
    throw new ProtocolError("The relay pushed a live message this client does not understand.");
  }
  return { documentId: v.documentId, entries: v.entries.map((e) => decodeWireEntry(e, maxEntryBytes)) };
}

/**
 * Opens the live WebSocket of a space (`/v1/spaces/:space/live`, auth in the query, signed over GET and the path)
 * and resolves once it is open. Rejects with {@link OfflineError} if it cannot open within `timeoutMs` or the
 * signal aborts.
 */
export function openLiveSocket(options: {
  origin: string;
  spaceId: string;
  identity: DeviceIdentity;
  WebSocket: WebSocketConstructor;
  handlers: LiveHandlers;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxEntryBytes?: number;
}): Promise<LiveConnection> {
  const path = routes.live(options.spaceId);
  const auth = signRequest(options.identity, { method: "GET", target: path });
  const query = new URLSearchParams({ ...auth }).toString();
  const url = `${options.origin.replace(/^http/, "ws")}${path}?${query}`;
  return new Promise((resolve, reject) => {
    let socket: LiveWebSocket;
    try {
      socket = new options.WebSocket(url);
    } catch (cause) {
      reject(new OfflineError("Could not open the live connection to the relay.", { cause }));
      return;
    }
    let open = false;
    let closedByUs = false;
    const close = () => {
      closedByUs = true;
      try {
        socket.close(1000);
      } catch {
        // Already closed.
      }
    };
    const fail = (message: string) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      close();
      reject(new OfflineError(message));
    };
    const onAbort = () => fail("The live connection was cancelled: the client paused or closed.");
    const timer = setTimeout(
      () => fail("The relay's live connection did not open in time."),
      options.timeoutMs ?? 15_000,
    );
    options.signal?.addEventListener("abort", onAbort, { once: true });
    socket.addEventListener("open", () => {
      open = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve({ close });
    });
    socket.addEventListener("message", (event) => {
      if (closedByUs) return;
      const text = messageText(event);
      try {
        if (text === undefined) throw new ProtocolError("The relay pushed a binary live message.");
        const message = parseLiveMessage(text, options.maxEntryBytes);
        if ("error" in message) return; // the connection closes next; the reconnect will say why
        options.handlers.onPush(message);
      } catch (error) {
        if (error instanceof ProtocolError) options.handlers.onInvalid(error);
      }
    });
    socket.addEventListener("error", () => {
      if (!open) fail("The relay refused or dropped the live connection.");
    });
    socket.addEventListener("close", () => {
      if (!open) fail("The relay closed the live connection before it opened.");
      else if (!closedByUs) {
        closedByUs = true;
        options.handlers.onClose();
      }
    });
  });
}
