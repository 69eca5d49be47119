// A Web Worker in real Chromium: pipelines run off the page, and a worker whose WebAssembly memory grows past its
// limit is terminated, its in-flight calls fail with WorkerMemoryError, and the next call runs in a fresh worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { WorkerMemoryError } from "../src/index";
import { createModelWorker, pipeline } from "../src/web";
import type { BrowserFixtureUrls, RuntimeBrowserCommands } from "./node-commands";

declare module "vitest/browser" {
  interface BrowserCommands extends RuntimeBrowserCommands {}
}

let urls: BrowserFixtureUrls;
beforeAll(async () => {
  urls = await commands.runtimeWriteFixtures();
});
afterAll(() => commands.runtimeRemoveFixtures(urls.encoder));

const workerUrl = new URL("../src/web/web-worker-main.ts", import.meta.url);
const mib = (n: number) => ({ mebibytes: { type: "int64" as const, data: BigInt64Array.of(BigInt(n)), dims: [1] } });
const total = (out: Record<string, { data: unknown }>) => (out.total!.data as Float32Array)[0];
const absolute = (path: string) => new URL(path, location.href).href;

describe("a model worker in a Web Worker", () => {
  it("runs pipelines off the page with the same results", async () => {
    const worker = createModelWorker({ workerUrl });
    try {
      const embed = worker.pipeline("embed", absolute(urls.encoder));
      const local = await pipeline("embed", urls.encoder);
      const a = (await embed.run("hello world")) as Float32Array;
      const b = await local.run("hello world");
      expect(Array.from(a)).toEqual(Array.from(b));
      await local.dispose();
    } finally {
      worker.dispose();
    }
  });

  it("terminates a worker over its memory limit; the next call succeeds in a fresh one", async () => {
    const limit = 256 * 2 ** 20;
    const worker = createModelWorker({ workerUrl, memoryLimitBytes: limit });
    try {
      const session = worker.session(absolute(urls.balloon), { device: "wasm" });
      expect(total(await session.run(mib(4)))).toBe(4 * 262144);
      const error = await session.run(mib(400)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkerMemoryError);
      expect((error as WorkerMemoryError).usedBytes).toBeGreaterThan(limit);
      expect(total(await session.run(mib(2)))).toBe(2 * 262144);
      expect(worker.restarts).toBe(1);
    } finally {
      worker.dispose();
    }
  });
});
