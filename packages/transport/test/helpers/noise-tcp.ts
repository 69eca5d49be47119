// A real TCP connection on 127.0.0.1, exposed as two ByteStreams through Duplex.toWeb.
import { once } from "node:events";
import { connect, createServer, type Socket } from "node:net";
import { Duplex } from "node:stream";
import type { ByteStream } from "../../src/channel/byte-stream";

export interface TcpPair {
  client: ByteStream;
  server: ByteStream;
  /** Destroys both sockets; safe to call more than once. */
  destroy(): void;
  /** Destroys the client socket only, as if the client process vanished. */
  destroyClient(): void;
}

function toByteStream(socket: Socket): ByteStream {
  const { readable, writable } = Duplex.toWeb(socket);
  return {
    readable: readable as unknown as ReadableStream<Uint8Array>,
    writable: writable as unknown as WritableStream<Uint8Array>,
  };
}

export async function tcpPair(): Promise<TcpPair> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  const accepted = once(server, "connection") as Promise<[Socket]>;
  const clientSocket = connect(address.port, "127.0.0.1");
  await once(clientSocket, "connect");
  const [serverSocket] = await accepted;
  server.close();
  for (const socket of [clientSocket, serverSocket]) {
    socket.setNoDelay(true);
    // A reset from a peer that tore the channel down is expected in these tests.
    socket.on("error", () => undefined);
  }
  return {
    client: toByteStream(clientSocket),
    server: toByteStream(serverSocket),
    destroy() {
      clientSocket.destroy();
      serverSocket.destroy();
    },
    destroyClient() {
      clientSocket.destroy();
    },
  };
}
