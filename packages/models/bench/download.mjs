#!/usr/bin/env node
// Download throughput from a loopback server (bench/loopback-server.mjs, in its own process): a full pull (manifest,
// stream to a .part file while hashing, verify, fsync, atomic rename) against a raw fetch piped to a file. Prints one JSON line per measure: {name, ours, baseline, ratio}.
// Run from packages/models after a build: node bench/download.mjs [--mib 64] [--runs 3]
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createModelStore, hubSource } from "@hearth/models";
import { fileCache } from "@hearth/models/node";

const { values } = parseArgs({
  options: { mib: { type: "string", default: "64" }, runs: { type: "string", default: "3" } },
});
const size = Number(values.mib) * 2 ** 20;
const runs = Number(values.runs);
// The server runs in its own process, as a real one does, so it does not compete with the client for one event loop.
const server = spawn(
  process.execPath,
  [fileURLToPath(new URL("./loopback-server.mjs", import.meta.url)), String(values.mib)],
  {
    stdio: ["pipe", "pipe", "inherit"],
  },
);
const port = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), "hearth-bench-download-"));

async function raw(i) {
  const res = await fetch(`${base}/bench/model/resolve/main/onnx/model.onnx`);
  await pipeline(Readable.fromWeb(res.body), createWriteStream(join(dir, `raw-${i}.bin`)));
}
async function ours(i) {
  const store = createModelStore({ cache: fileCache({ root: join(dir, `cache-${i}`) }), sources: [hubSource(base)] });
  await store.pull("bench/model");
}
async function time(fn) {
  const mbps = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    mbps.push(size / 2 ** 20 / ((performance.now() - t) / 1000));
  }
  return mbps.sort((a, b) => a - b)[Math.floor(mbps.length / 2)];
}
try {
  await raw(-1);
  await ours(-1);
  const baseline = await time(raw);
  const measured = await time(ours);
  process.stdout.write(
    `${JSON.stringify({
      name: "download-loopback",
      unit: "MiB/s",
      ours: measured,
      baseline,
      ratio: measured / baseline,
      goal: ">= 0.9",
    })}\n`,
  );
} finally {
  server.stdin.end();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
