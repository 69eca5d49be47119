// The Node side of the web targets: bundles the page's code (benchmarks/web/) with esbuild, serves it and the files
// it needs on loopback from a node:http server, and drives headless Chromium on it through playwright-core.
//
// The server sends COOP/COEP (and CORP on every file), so the page is cross-origin isolated: SharedArrayBuffer
// exists, onnxruntime-web may use wasm threads, and performance.now() is precise to 5 µs instead of 100 µs.
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { chromiumArgs, findChromium, installHint } from "../../scripts/chromium.mjs";

const WEB_DIR = fileURLToPath(new URL("../web/", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".onnx": "application/octet-stream",
  ".map": "application/json",
};

const ISOLATION_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cross-origin-resource-policy": "same-origin",
  "cache-control": "no-store",
};

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Hearth benchmarks</title></head>
<body><script type="module" src="/bench/page.js"></script></body></html>
`;

/**
 * The real folder of a package as Node would find it from `from` (default: this package), walking up node_modules
 * folders: some packages export neither their package.json nor a CommonJS entry, so require.resolve cannot tell.
 */
function packageFolder(name, from = fileURLToPath(new URL("..", import.meta.url))) {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${from})`);
  }
}

// Automerge's browser entry imports its .wasm as an ES module (for webpack); the base64 entry inlines it instead,
// which any bundler can take.
const automergeBase64 = {
  name: "automerge-base64",
  setup(b) {
    b.onResolve({ filter: /^@automerge\/automerge$/ }, () => ({
      path: join(packageFolder("@automerge/automerge"), "dist", "mjs", "entrypoints", "fullfat_base64.js"),
    }));
  },
};

/** The page's code, bundled for the browser: path (under /bench/) -> contents. */
export async function bundlePage() {
  const out = await build({
    entryPoints: { page: join(WEB_DIR, "page.mjs") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: "/bench",
    write: false,
    logLevel: "silent",
    // onnxruntime-web's "extern wasm" build loads its .mjs and .wasm from env.wasm.wasmPaths (which we serve) rather
    // than from this bundle's own URL, where its worker threads would load the whole page again.
    conditions: ["onnxruntime-web-use-extern-wasm"],
    plugins: [automergeBase64],
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const files = new Map();
  for (const file of out.outputFiles) files.set(`/bench/${relative("/bench", file.path).split(sep).join("/")}`, file);
  return files;
}

/**
 * A static server on 127.0.0.1: the page, its bundle, and folders mounted under URL prefixes. Only files under a
 * mounted folder are served; anything else is a 404.
 */
export async function startServer(bundle) {
  const mounts = new Map();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const send = (status, type, body) => {
      response.writeHead(status, { ...ISOLATION_HEADERS, "content-type": type });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    if (path === "/" || path === "/index.html") return send(200, TYPES[".html"], PAGE);
    const bundled = bundle.get(path);
    if (bundled) return send(200, TYPES[".js"], bundled.contents);
    for (const [prefix, folder] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = resolve(folder, `.${path.slice(prefix.length - 1)}`);
      if (!file.startsWith(folder + sep)) break;
      let stat;
      try {
        stat = statSync(file);
      } catch {
        break;
      }
      if (!stat.isFile()) break;
      response.writeHead(200, {
        ...ISOLATION_HEADERS,
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": stat.size,
      });
      if (request.method === "HEAD") return response.end();
      return createReadStream(file).pipe(response);
    }
    return send(404, "text/plain", "not found");
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    /** Serves `folder` at `/prefix/`; returns that URL path. */
    mount(prefix, folder) {
      const at = `/${prefix}/`;
      mounts.set(at, resolve(folder));
      return at;
    },
    close: () => new Promise((done) => server.close(done)),
  };
}

/** onnxruntime-web's files for the page: ours (the version @hearth/runtime pins) and the build transformers.js bundles. */
export function onnxruntimeWebFolders() {
  const runtime = packageFolder("@hearth/runtime");
  const transformers = packageFolder("@huggingface/transformers");
  const ours = packageFolder("onnxruntime-web", runtime);
  const theirs = packageFolder("onnxruntime-web", transformers);
  const version = (folder) => JSON.parse(readFileSync(join(folder, "package.json"), "utf8")).version;
  return {
    ours: { dist: join(ours, "dist"), version: version(ours) },
    transformers: { dist: join(theirs, "dist"), version: version(theirs) },
  };
}

/** The Chromium that runs the page, or the reason there is none (with how to install it). */
export function chromiumExecutable() {
  const executable = findChromium();
  return executable ? { executable } : { missing: `no Chromium found. ${installHint}` };
}

/** "Chromium 156.0.8078.79" from the executable itself (playwright's version() gives the number only). */
function browserName(executable, version) {
  try {
    const line = execFileSync(executable, ["--version"], {
      encoding: "utf8",
      timeout: 10_000,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const name = /^(\S+)/.exec(line)?.[1];
    if (name) return `${name} ${version}`;
  } catch {
    // Fall through to the version alone.
  }
  return `Chromium ${version}`;
}

// The page's renderer is a child of Chromium, which is a child of this process: found through /proc on Linux.
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The highest peak RSS (VmHWM) among Chromium's renderer processes, or undefined where /proc cannot tell. */
export function rendererPeakRss() {
  if (process.platform !== "linux") return undefined;
  try {
    let peak = 0;
    for (const pid of descendants(process.pid)) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes("--type=renderer")) continue;
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    }
    return peak > 0 ? peak : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Launches Chromium with `extraArgs`, opens the page from `server`, and waits for its code to load. `onRecord`
 * receives each record the page sends; `onConsole` each console message (onnxruntime's own logs among them).
 */
export async function openPage({ executable, extraArgs, withoutArgs = [], server, onRecord, onConsole }) {
  const args = [...chromiumArgs.filter((arg) => !withoutArgs.includes(arg)), ...extraArgs];
  const browser = await chromium.launch({ executablePath: executable, args });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error));
    page.on("console", (message) => onConsole?.(message.type(), message.text()));
    await page.exposeFunction("hearthRecord", (record) => onRecord(record));
    await page.goto(server.url);
    await page
      .waitForFunction(() => globalThis.hearthBench !== undefined, undefined, { timeout: 60_000 })
      .catch((error) => {
        throw errors[0] ?? error;
      });
    return { browser, page, name: browserName(executable, browser.version()) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
