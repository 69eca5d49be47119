// `pam web`'s server on loopback: the built app, the config the page reads, the zoo's catalog, and nothing else.

import { mkdir, mkdtemp, symlink } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWebServer, type WebServer } from "../src/cli/web-server";
import { WebAppMissingError } from "../src/index";

const appDir = fileURLToPath(new URL("../dist/web", import.meta.url));
let server: WebServer;

// A raw GET, so paths like /models/../ reach the server as written (fetch would normalize them).
function get(path: string, on = server): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(on.url);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => {
        body += d.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  server = await startWebServer({ appDir, relayUrl: "http://127.0.0.1:4000", memoryBudget: 1024 });
});
afterAll(() => server.close());

it("serves the built app and the config the page reads", async () => {
  const page = await get("/");
  expect(page.status).toBe(200);
  expect(page.type).toContain("text/html");
  expect(page.body).toMatch(/<script type="module"[^>]+src="\.\/assets\/index-/);
  const config = await get("/config.json");
  expect(JSON.parse(config.body)).toEqual({
    relayUrl: "http://127.0.0.1:4000",
    modelsUrl: "/models/",
    memoryBudget: 1024,
  });
});

it("serves the zoo's catalog under /models/", async () => {
  const manifest = await get("/models/hearth/email-triage/hearth-manifest.json");
  expect(manifest.status).toBe(200);
  expect(JSON.parse(manifest.body)).toMatchObject({ id: "hearth/email-triage", schema: 1 });
});

it("serves nothing outside the app and the catalog", async () => {
  for (const path of [
    "/models/../../package.json",
    "/..%2f..%2fpackage.json",
    "/%2e%2e/%2e%2e/package.json",
    "/nope.js",
  ])
    expect((await get(path)).status, path).toBe(404);
});

it("says the app is not built rather than serving nothing", async () => {
  const empty = await mkdtemp(join(tmpdir(), "pam-web-"));
  await expect(startWebServer({ appDir: empty })).rejects.toBeInstanceOf(WebAppMissingError);
  await expect(startWebServer({ appDir: empty })).rejects.toMatchObject({ code: "E_WEB_APP_MISSING" });
});

it("a file that fails while it is read ends that response and keeps the server up", async () => {
  // Linux's memory file of a process: a regular file by stat, whose first read fails (EIO), as a failing disk would.
  const catalogDir = await mkdtemp(join(tmpdir(), "pam-web-"));
  await mkdir(join(catalogDir, "broken"));
  await symlink("/proc/self/mem", join(catalogDir, "broken", "model.onnx"));
  const broken = await startWebServer({ appDir, catalogDir });
  try {
    await expect(get("/models/broken/model.onnx", broken)).rejects.toThrow(/socket hang up|ECONNRESET|aborted/);
    expect((await get("/", broken)).status).toBe(200);
    expect((await get("/models/missing.onnx", broken)).status).toBe(404);
  } finally {
    await broken.close();
  }
});
