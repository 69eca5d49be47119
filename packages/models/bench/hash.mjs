#!/usr/bin/env node
// SHA-256 throughput, streaming in 1 MiB chunks: node:crypto (what the Node cache uses) against @noble/hashes (what
// browsers use: WebCrypto cannot hash a stream). Prints {name, ours, baseline, ratio} with MiB/s.
// Run from packages/models after a build: node bench/hash.mjs [--mib 256]
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { nobleSha256 } from "@hearth/models";
import { nodeSha256 } from "@hearth/models/node";

const { values } = parseArgs({ options: { mib: { type: "string", default: "256" } } });
const size = Number(values.mib) * 2 ** 20;
const data = new Uint8Array(randomBytes(size));
const chunk = 2 ** 20;

function rate(factory) {
  const best = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const h = factory();
    for (let i = 0; i < size; i += chunk) h.update(data.subarray(i, i + chunk));
    h.digestHex();
    best.push(size / 2 ** 20 / ((performance.now() - t) / 1000));
  }
  return Math.max(...best);
}
const noble = rate(nobleSha256);
const node = rate(nodeSha256);
process.stdout.write(
  `${JSON.stringify({
    name: "sha256-stream",
    unit: "MiB/s",
    ours: node,
    baseline: noble,
    ratio: node / noble,
    note: "ours = node:crypto, baseline = @noble/hashes",
  })}\n`,
);
