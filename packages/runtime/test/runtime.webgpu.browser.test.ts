// Runs only in the second Chromium, launched with WebGPU on SwiftShader: the webgpu execution provider opens the
// model and its outputs match wasm (a software GPU: this checks the code path, never speed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { createSession, detectCapabilities, pipeline } from "../src/web";
import type { BrowserFixtureUrls, RuntimeBrowserCommands } from "./node-commands";

declare module "vitest/browser" {
  interface BrowserCommands extends RuntimeBrowserCommands {}
}

let urls: BrowserFixtureUrls;
beforeAll(async () => {
  urls = await commands.runtimeWriteFixtures();
});
afterAll(() => commands.runtimeRemoveFixtures(urls.encoder));

const texts = ["hello world", "Zoë met José in Zürich today 🎉", "a"];

describe("onnxruntime-web webgpu in Chromium (SwiftShader)", () => {
  it("finds a WebGPU adapter and opens the model on webgpu first", async () => {
    const caps = await detectCapabilities();
    expect(caps.webgpu.available).toBe(true);
    const session = await createSession(urls.encoder);
    expect(session.provider).toBe("webgpu");
    expect(session.attempts).toEqual([]);
    await session.release();
  });

  it("gives the same embeddings and scores on webgpu as on wasm", async () => {
    for (const [task, folder] of [
      ["embed", urls.encoder],
      ["classify", urls.classifier],
    ] as const) {
      const gpu = await pipeline(task, folder, { device: "webgpu" });
      const cpu = await pipeline(task, folder, { device: "wasm" });
      expect(gpu.model.session.provider).toBe("webgpu");
      const a = await gpu.run(texts);
      const b = await cpu.run(texts);
      for (let i = 0; i < texts.length; i++) {
        const va = a[i]!;
        const vb = b[i]!;
        const xa = va instanceof Float32Array ? Array.from(va) : va.scores.map((s) => s.score);
        const xb = vb instanceof Float32Array ? Array.from(vb) : vb.scores.map((s) => s.score);
        for (let k = 0; k < xa.length; k++) expect(Math.abs(xa[k]! - xb[k]!)).toBeLessThan(1e-4);
      }
      await Promise.all([gpu.dispose(), cpu.dispose()]);
    }
  });
});
