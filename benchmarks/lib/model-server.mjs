#!/usr/bin/env node
// A model hub on loopback, in its own process (as a real server is, so it does not share the client's event loop):
// serves one model of `argv[2]` MiB of random bytes in the hub layout from memory and prints its port. It stops when
// its parent closes its standard input. Used by the models suite.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";

const size = Number(process.argv[2] ?? 64) * 2 ** 20;
const data = randomBytes(size);
const config = Buffer.from("{}");
const sha = (b) => createHash("sha256").update(b).digest("hex");
const manifest = {
  schema: 1,
  id: "bench/model",
  revision: "main",
  license: "MIT",
  task: "embed",
  files: [
    { path: "config.json", size: config.length, sha256: sha(config) },
    { path: "onnx/model.onnx", size, sha256: sha(data) },
  ],
  variants: [{ name: "fp32", file: "onnx/model.onnx", bytes: size, minMemory: size, providers: ["cpu"] }],
  tokenizer: [],
};
const files = {
  "/bench/model/resolve/main/hearth-manifest.json": Buffer.from(JSON.stringify(manifest)),
  "/bench/model/resolve/main/config.json": config,
  "/bench/model/resolve/main/onnx/model.onnx": data,
};
const server = createServer((req, res) => {
  const body = files[req.url ?? ""];
  if (!body) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
