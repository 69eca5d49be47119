#!/usr/bin/env node
// The relay suite's raw baseline: a node:http server that reads each request body and answers a small JSON
// document, in its own process as the relay is. Prints its port; stops when its parent closes its standard input.
import { createServer } from "node:http";

let position = 0;
const server = createServer((req, res) => {
  let bytes = 0;
  req.on("data", (chunk) => {
    bytes += chunk.length;
  });
  req.on("end", () => {
    const body = JSON.stringify({ positions: [++position], bytes });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.stdout.write(`${server.address().port}\n`));
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
