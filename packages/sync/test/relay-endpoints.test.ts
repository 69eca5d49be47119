// Several relay URLs: the client talks to one and moves to the next when it does not answer. Real HTTP servers on
// loopback stand for the relays (one that is gone, one shutting down with 503, one that answers); the relay's own
// tests run the same with real relay processes over one PostgreSQL database.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { RelayEndpoints, RelayHttp } from "../src/index";

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

async function serve(status: number, body: unknown): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits };
}

/** A URL nothing listens on (a relay that died). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe("several relay URLs", () => {
  it("moves to the next relay when one cannot be reached or answers 503, and stays there", async () => {
    const dead = await deadUrl();
    const closing = await serve(503, { error: { code: "E_STORAGE", message: "shutting down" } });
    const healthy = await serve(200, { ok: true });
    const http = new RelayHttp([dead, closing.url, healthy.url]);
    expect(http.origin).toBe(dead);
    await expect(http.request("GET", "/health")).rejects.toMatchObject({ code: "E_OFFLINE" });
    expect(http.origin).toBe(closing.url);
    await expect(http.request("GET", "/health")).rejects.toMatchObject({ code: "E_RELAY" });
    expect(http.origin).toBe(healthy.url);
    expect(await http.request("GET", "/health")).toEqual({ ok: true });
    expect(await http.request("GET", "/health")).toEqual({ ok: true });
    expect(http.origin).toBe(healthy.url);
    expect(healthy.hits()).toBe(2);
    expect(closing.hits()).toBe(1);
  });

  it("does not move on for an answer that another relay would give alike (403, 409)", async () => {
    const forbidden = await serve(403, { error: { code: "E_FORBIDDEN", message: "removed" } });
    const other = await serve(200, { ok: true });
    const http = new RelayHttp([forbidden.url, other.url]);
    await expect(http.request("GET", "/health")).rejects.toMatchObject({ code: "E_FORBIDDEN" });
    expect(http.origin).toBe(forbidden.url);
  });

  it("goes round: after the last relay comes the first again", () => {
    const endpoints = new RelayEndpoints(["http://a.test", "http://b.test/", "http://a.test/x"]);
    expect(endpoints.origins).toEqual(["http://a.test", "http://b.test"]);
    endpoints.failed("http://a.test");
    expect(endpoints.origin).toBe("http://b.test");
    // A late failure report about the relay already left behind changes nothing.
    endpoints.failed("http://a.test");
    expect(endpoints.origin).toBe("http://b.test");
    endpoints.failed("http://b.test");
    expect(endpoints.origin).toBe("http://a.test");
  });

  it("refuses an empty list and a URL that is not http(s) with E_RELAY", () => {
    expect(() => new RelayEndpoints([])).toThrow(expect.objectContaining({ code: "E_RELAY" }));
    expect(() => new RelayEndpoints(["http://ok.test", "ftp://relay.test"])).toThrow(
      expect.objectContaining({ code: "E_RELAY" }),
    );
  });
});
