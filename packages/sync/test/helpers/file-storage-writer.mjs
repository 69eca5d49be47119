// Child process of file-storage.test.ts: saves ever-newer versions of one key until it is killed.
// Each value is 4 bytes of generation number then SIZE bytes all equal to generation % 256, so a torn write shows.
import { FileStorage } from "@hearth/sync/node";

const [dir, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const storage = new FileStorage(dir);
let generation = Number((await storage.load(["state", "value"]))?.subarray(0, 4).reduce((n, b) => n * 256 + b, 0) ?? 0);
for (;;) {
  generation++;
  const value = new Uint8Array(4 + size).fill(generation % 256);
  new DataView(value.buffer).setUint32(0, generation, false);
  await storage.save(["state", "value"], value);
  if (generation % 3 === 0) process.stdout.write(`saved ${generation}\n`);
}
