// RelayHttp against a real node:http server on loopback that drops connections the way a relay closing an idle
// kept-alive connection does: the request fails before any answer.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateDeviceIdentity } from "@hearth/transport";
import { afterEach, describe, expect, it } from "vitest";
import { AUTH_HEADERS } from "../src/protocol/request-auth";
import { RelayHttp } from "../src/relay/relay-http";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that destroys the socket of the first `drops` requests and answers the others with `{ ok: true }`. */
async function droppingServer(drops: number) {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    if (seen.length <= drops) {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true }));
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("RelayHttp on a dropped connection", () => {
  it("sends the request once more, signed with a new nonce, and returns the answer", async () => {
    const { url, seen } = await droppingServer(1);
    const http = new RelayHttp(url, generateDeviceIdentity());
    await expect(http.request("POST", "/v1/x", { body: { a: 1 }, signed: true })).resolves.toEqual({ ok: true });
    expect(seen).toHaveLength(2);
    const nonces = seen.map((req) => req.headers[AUTH_HEADERS.nonce]);
    expect(nonces[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(nonces[1]).not.toBe(nonces[0]);
  });

  it("reports E_OFFLINE when the second attempt fails too, and does not try a third time", async () => {
    const { url, seen } = await droppingServer(5);
    const http = new RelayHttp(url, generateDeviceIdentity());
    await expect(http.request("GET", "/v1/x", { signed: true })).rejects.toMatchObject({ code: "E_OFFLINE" });
    expect(seen).toHaveLength(2);
  });

  it("does not retry a request its caller cancelled", async () => {
    const { url, seen } = await droppingServer(0);
    const http = new RelayHttp(url);
    const controller = new AbortController();
    controller.abort();
    await expect(http.request("GET", "/health", { signal: controller.signal })).rejects.toMatchObject({
      code: "E_OFFLINE",
      message: expect.stringMatching(/cancelled/),
    });
    expect(seen).toHaveLength(0);
  });
});
