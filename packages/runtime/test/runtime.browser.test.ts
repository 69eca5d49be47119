// Runs in real Chromium (launched without WebGPU flags): onnxruntime-web's wasm backend on model files fetched
// from the dev server, checked against onnxruntime-node in the same run, and WebGPU fallback reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import { ModelFileMissingError, ModelInvalidError } from "../src/index";
import { createSession, detectCapabilities, pipeline } from "../src/web";
import type { BrowserFixtureUrls, RuntimeBrowserCommands } from "./node-commands";

declare module "vitest/browser" {
  interface BrowserCommands extends RuntimeBrowserCommands {}
}

const texts = ["hello world", "Zoë met José in Zürich today 🎉", "please send the report by tomorrow", "a"];
let urls: BrowserFixtureUrls;

beforeAll(async () => {
  urls = await commands.runtimeWriteFixtures();
});
afterAll(() => commands.runtimeRemoveFixtures(urls.encoder));

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};

describe("onnxruntime-web in Chromium", () => {
  it("runs in a real browser without WebGPU: requestAdapter() gives null", async () => {
    expect(navigator.userAgent).toMatch(/Chrome/);
    const caps = await detectCapabilities();
    expect(caps.platform).toBe("web");
    expect(caps.webgpu.available).toBe(false);
    expect(caps.crossOriginIsolated).toBe(false);
    expect(caps.cores).toBeGreaterThan(0);
  });

  it("asked for webgpu, falls back to wasm and says why", async () => {
    const session = await createSession(urls.encoder, { device: ["webgpu", "wasm"] });
    expect(session.provider).toBe("wasm");
    expect(session.attempts).toEqual([
      { provider: "webgpu", error: expect.stringMatching(/requestAdapter\(\)|navigator\.gpu/) },
    ]);
    await session.release();
  });

  it("agrees with onnxruntime-node (cpu) within 1e-4 on embeddings and classifier scores", async () => {
    const embed = await pipeline("embed", urls.encoder, { device: "wasm" });
    const fromBrowser = await embed.run(texts);
    const fromNode = await commands.runtimeNodeOutputs(urls.encoder, "embed", texts);
    for (let i = 0; i < texts.length; i++) expect(maxDiff(fromBrowser[i]!, fromNode[i]!)).toBeLessThan(1e-4);
    await embed.dispose();

    const classify = await pipeline("classify", urls.classifier);
    const scores = (await classify.run(texts)).map((c) =>
      [...c.scores].sort((a, b) => a.label.localeCompare(b.label)).map((s) => s.score),
    );
    const nodeScores = await commands.runtimeNodeOutputs(urls.classifier, "classify", texts);
    for (let i = 0; i < texts.length; i++) expect(maxDiff(scores[i]!, nodeScores[i]!)).toBeLessThan(1e-4);
    await classify.dispose();
  });

  it("maps entity spans to exact substrings in the browser too", async () => {
    const tagger = await pipeline("tokens", urls.tagger);
    const text = "Zoë met Jose\u0301 👩‍👩‍👧 in Zu\u0308rich";
    const entities = await tagger.run(text);
    expect(entities.map((e) => e.text)).toEqual(["Zoë", "Jose\u0301", "Zu\u0308rich"]);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    await tagger.dispose();
  });

  it("names a missing file (HTTP 404) and refuses truncated bytes with E_MODEL_INVALID", async () => {
    const missing = await createSession(urls.encoder, { dtype: "q4" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ModelFileMissingError);
    expect((missing as ModelFileMissingError).file).toBe("onnx/model_q4.onnx");

    const bytes = new Uint8Array(await (await fetch(`${urls.encoder}onnx/model.onnx`)).arrayBuffer());
    const files = { "onnx/model.onnx": bytes.subarray(0, Math.floor(bytes.length * 0.7)) };
    const invalid = await createSession(files).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ModelInvalidError);
    expect((invalid as ModelInvalidError).code).toBe("E_MODEL_INVALID");
  });
});
