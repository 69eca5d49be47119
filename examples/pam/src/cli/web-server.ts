import { constants } from "node:fs";
import { type FileHandle, open, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream";
import { fileURLToPath } from "node:url";
import { catalogPath } from "@hearth/zoo/node";
import { WebAppMissingError } from "../errors/web-app-missing-error";

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  /** Port on loopback (0: any free port). */
  readonly port?: number;
  readonly host?: string;
  /** The relay the page offers when it joins or starts a space. */
  readonly relayUrl?: string;
  /** Bytes the page's models may use, to see the fallbacks. */
  readonly memoryBudget?: number;
  /** The built app (default: dist/web beside this module). */
  readonly appDir?: string;
  /** The model catalog to serve (default: the zoo's local catalog). */
  readonly catalogDir?: string;
}

/** A running `pam web`. */
export interface WebServer {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".md": "text/markdown; charset=utf-8",
};

// Resolves a URL path inside a folder, or undefined when it would step outside it.
function inside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, decoded));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

async function openFile(path: string): Promise<{ file: FileHandle; size: number } | undefined> {
  let file: FileHandle;
  try {
    // Non-blocking, so that a FIFO (refused below) cannot hold the request open.
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const s = await file.stat();
    if (s.isFile()) return { file, size: s.size };
  } catch {}
  await file.close();
  return undefined;
}

async function isFile(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves PAM's web app (the Vite build in dist/web), `/config.json` (the relay to offer), and the model catalog
 * under `/models/`, on loopback. The app syncs with the relay directly (it allows any origin), so this server
 * holds no data of the person's.
 */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const here = dirname(fileURLToPath(import.meta.url));
  const appDir = normalize(options.appDir ?? join(here, "web"));
  const catalogDir = normalize(options.catalogDir ?? catalogPath());
  if ((await isFile(join(appDir, "index.html"))) === undefined) {
    throw new WebAppMissingError(`The web app is not built (${appDir} has no index.html): run the package's build.`);
  }
  const config = JSON.stringify({
    ...(options.relayUrl ? { relayUrl: options.relayUrl } : {}),
    modelsUrl: new URL("models/", "http://x/").pathname,
    ...(options.memoryBudget !== undefined ? { memoryBudget: options.memoryBudget } : {}),
  });

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/config.json") {
      res.writeHead(200, { "content-type": TYPES[".json"]!, "cache-control": "no-store" }).end(config);
      return;
    }
    const models = path.startsWith("/models/");
    const file = models
      ? inside(catalogDir, path.slice("/models/".length))
      : inside(appDir, path === "/" ? "index.html" : path.slice(1));
    // Opened before it is measured, so a file removed or replaced meanwhile is either served whole or not found.
    const handle = file ? await openFile(file) : undefined;
    if (!file || !handle) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const { size } = handle;
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": String(size),
      // Vite names built assets by content hash; everything else (the page, the models) is checked each time.
      "cache-control": path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    });
    if (req.method === "HEAD") {
      await handle.file.close();
      res.end();
      return;
    }
    // A read that fails midway (a disk error) cannot be told with a status any more: pipeline ends the connection,
    // so the client sees a broken response rather than a short file, and closes the file; the server keeps serving.
    pipeline(handle.file.createReadStream(), res, () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
