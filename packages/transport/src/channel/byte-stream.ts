/**
 * Any duplex byte stream the secure channel can run over, as a pair of web streams. In Node,
 * `Duplex.toWeb(socket)` turns a TCP socket into one; {@link webSocketByteStream} adapts a WebSocket.
 * Chunk boundaries carry no meaning: the channel frames its own messages.
 */
export interface ByteStream {
  /** Bytes from the peer. */
  readable: ReadableStream<Uint8Array>;
  /** Bytes to the peer; closing it ends the connection in this direction. */
  writable: WritableStream<Uint8Array>;
}
