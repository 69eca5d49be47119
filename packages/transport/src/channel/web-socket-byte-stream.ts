import { ChannelError } from "../errors/channel-error";
import type { ByteStream } from "./byte-stream";

const CONNECTING = 0;
const OPEN = 1;
/** WebSocket close code for a normal closure. */
const NORMAL_CLOSURE = 1000;
/** WebSocket close code for a message type the endpoint cannot accept (here: text). */
const UNSUPPORTED_DATA = 1003;

/**
 * The part of a WebSocket the adapter uses, typed structurally so that both the browser `WebSocket` and the
 * `ws` package's `WebSocket` fit without a dependency on either. Events are read defensively (`event.data`).
 */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open", listener: (event: object) => void): void;
  addEventListener(type: "message", listener: (event: object) => void): void;
  addEventListener(type: "close", listener: (event: object) => void): void;
  addEventListener(type: "error", listener: (event: object) => void): void;
}

function messageBytes(event: object): Uint8Array | undefined {
  const data: unknown = "data" in event ? event.data : undefined;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // The ws package hands out Buffers (Uint8Array views) when binaryType is left at "nodebuffer".
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
  return undefined;
}

function closeQuietly(socket: WebSocketLike, code: number): void {
  try {
    socket.close(code);
  } catch {
    // Already closing or closed.
  }
}

/**
 * Adapts a WebSocket (connecting or open) into a {@link ByteStream} for `openSecureChannel`. Binary messages
 * become chunks; a text message errors the stream with {@link ChannelError}. Closing the writable side closes the
 * whole socket, as WebSockets cannot half-close. WebSocket `send` has no backpressure: the channel's own
 * `await send()` only waits for the data to be queued.
 */
export function webSocketByteStream(socket: WebSocketLike): ByteStream {
  socket.binaryType = "arraybuffer";
  let readableDone = false;
  const readable = new ReadableStream<Uint8Array>({
    start(controller) {
      socket.addEventListener("message", (event) => {
        if (readableDone) return;
        const bytes = messageBytes(event);
        if (bytes !== undefined) {
          controller.enqueue(bytes);
          return;
        }
        readableDone = true;
        controller.error(new ChannelError("The WebSocket peer sent a text message; the channel expects binary data."));
        closeQuietly(socket, UNSUPPORTED_DATA);
      });
      socket.addEventListener("close", () => {
        if (readableDone) return;
        readableDone = true;
        controller.close();
      });
      socket.addEventListener("error", () => {
        if (readableDone) return;
        readableDone = true;
        controller.error(new ChannelError("The WebSocket failed."));
      });
    },
    cancel() {
      readableDone = true;
      closeQuietly(socket, NORMAL_CLOSURE);
    },
  });

  const opened = new Promise<void>((resolve, reject) => {
    if (socket.readyState === OPEN) return resolve();
    if (socket.readyState !== CONNECTING) return reject(new ChannelError("The WebSocket is already closed."));
    socket.addEventListener("open", () => resolve());
    socket.addEventListener("close", () => reject(new ChannelError("The WebSocket closed before it opened.")));
  });
  // Avoid an unhandled rejection when nothing is ever written.
  opened.catch(() => undefined);
  const writable = new WritableStream<Uint8Array>({
    async write(chunk) {
      await opened;
      if (socket.readyState !== OPEN) throw new ChannelError("The WebSocket is closed.");
      socket.send(chunk);
    },
    close() {
      closeQuietly(socket, NORMAL_CLOSURE);
    },
    abort() {
      closeQuietly(socket, NORMAL_CLOSURE);
    },
  });
  return { readable, writable };
}
