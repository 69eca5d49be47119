// Manifests, variant selection and the four sources: hub, plain HTTP, local folder and local catalog.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createModelStore,
  type DeviceCapabilities,
  httpSource,
  type ModelManifest,
  type ModelsError,
  parseManifest,
  selectVariant,
} from "../src/index";
import { catalogSource, fileCache, folderSource, manifestFromFolder } from "../src/node";
import { fixtureModel, tempDir, writeModelFolder } from "./helpers/fixture-model";
import { type ModelServer, startModelServer } from "./helpers/model-server";

let server: ModelServer;
const cleanups: Array<() => void> = [];
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => {
  await server.close();
  for (const c of cleanups) c();
});
const newDir = () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};
const error = (fn: () => unknown): ModelsError => {
  try {
    fn();
  } catch (e) {
    return e as ModelsError;
  }
  throw new Error("expected a throw");
};

const GiB = 2 ** 30;
const manifest: ModelManifest = {
  schema: 1,
  id: "hearth/email-triage",
  revision: "1.0.0",
  license: "Apache-2.0",
  task: "classify",
  files: [
    { path: "config.json", size: 10, sha256: "a".repeat(64) },
    { path: "onnx/model.onnx", size: 400, sha256: "b".repeat(64) },
    { path: "onnx/model_fp16.onnx", size: 200, sha256: "c".repeat(64) },
    { path: "onnx/model_int8.onnx", size: 100, sha256: "d".repeat(64) },
    { path: "onnx/model_q4.onnx", size: 60, sha256: "e".repeat(64) },
  ],
  variants: [
    {
      name: "fp32",
      file: "onnx/model.onnx",
      bytes: 400,
      minMemory: 4 * GiB,
      providers: ["cpu", "wasm", "cuda", "webgpu"],
    },
    { name: "fp16", file: "onnx/model_fp16.onnx", bytes: 200, minMemory: 2 * GiB, providers: ["cuda", "webgpu"] },
    { name: "int8", file: "onnx/model_int8.onnx", bytes: 100, minMemory: 1 * GiB, providers: ["cpu", "wasm"] },
    { name: "q4", file: "onnx/model_q4.onnx", bytes: 60, minMemory: GiB / 2, providers: ["cpu", "wasm", "webgpu"] },
  ],
  tokenizer: ["config.json"],
};
const cpu: DeviceCapabilities = {
  platform: "node",
  cores: 2,
  memoryBytes: 16 * GiB,
  providers: [
    { provider: "cuda", available: false, reason: "no CUDA library" },
    { provider: "cpu", available: true },
  ],
};
const gpu: DeviceCapabilities = {
  ...cpu,
  providers: [
    { provider: "cuda", available: true },
    { provider: "cpu", available: true },
  ],
};

describe("parseManifest", () => {
  it("accepts a valid manifest and refuses bad ones with E_MANIFEST", () => {
    expect(parseManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
    const bad = (patch: object) => error(() => parseManifest({ ...manifest, ...patch }));
    expect(bad({ schema: 2 }).code).toBe("E_MANIFEST");
    expect(bad({ schema: 2 }).message).toContain("schema 2 is not supported");
    expect(bad({ files: [{ path: "../etc/passwd", size: 1, sha256: "a".repeat(64) }] }).message).toContain(
      "no safe relative path",
    );
    expect(bad({ files: [{ path: "x", size: 1, sha256: "ABC" }] }).message).toContain("sha256");
    expect(bad({ variants: [{ ...manifest.variants[0], file: "missing.onnx" }] }).message).toContain("not in files");
    expect(bad({ id: "bad id" }).code).toBe("E_MANIFEST");
    expect(bad({ tokenizer: ["nope.json"] }).message).toContain("tokenizer");
  });
});

describe("selectVariant", () => {
  it("picks int8 on a CPU and says why each other variant was passed over", () => {
    const s = selectVariant(manifest, { capabilities: cpu });
    expect(s.variant.name).toBe("int8");
    expect(s.providers).toEqual(["cpu"]);
    expect(s.memoryBudget).toBe(8 * GiB);
    const why = Object.fromEntries(s.passedOver.map((p) => [p.name, p.reason]));
    expect(why.fp16).toContain("runs on cuda, webgpu; available here: cpu");
    expect(why.fp32).toContain("ranked below int8");
    expect(why.q4).toContain("ranked below int8");
  });

  it("picks fp16 where a GPU provider runs it", () => {
    const s = selectVariant(manifest, { capabilities: gpu });
    expect(s.variant.name).toBe("fp16");
    expect(s.providers).toEqual(["cuda"]);
  });

  it("keeps within the memory budget and follows the user's preference", () => {
    expect(selectVariant(manifest, { capabilities: cpu, memoryBudget: 0.75 * GiB }).variant.name).toBe("q4");
    const pref = selectVariant(manifest, { capabilities: cpu, prefer: ["fp32"] });
    expect(pref.variant.name).toBe("fp32");
    expect(pref.reason).toContain("preference");
    const tight = selectVariant(manifest, { capabilities: cpu, prefer: ["fp32"], memoryBudget: 2 * GiB });
    expect(tight.variant.name).toBe("int8");
    expect(tight.passedOver.find((p) => p.name === "fp32")?.reason).toContain(
      "needs 4.0 GiB, the memory budget is 2.0 GiB",
    );
  });

  it("throws E_NO_VARIANT listing every reason when nothing fits", () => {
    const e = error(() => selectVariant(manifest, { capabilities: cpu, memoryBudget: 1024 }));
    expect(e.code).toBe("E_NO_VARIANT");
    for (const name of ["fp32", "fp16", "int8", "q4"]) expect(e.message).toContain(`${name}:`);
  });
});

describe("sources", () => {
  it("pulls from a plain HTTP base ({base}/{id}/{path})", async () => {
    const m = fixtureModel("plain/model", "2.0.0", undefined, 900);
    for (const [path, b] of Object.entries(m.files)) server.files.set(`/cdn/plain/model/${path}`, b);
    server.files.set("/cdn/plain/model/hearth-manifest.json", new TextEncoder().encode(JSON.stringify(m.manifest)));
    const store = createModelStore({
      cache: fileCache({ root: newDir() }),
      sources: [httpSource(`${server.url}/cdn/`)],
    });
    const { model } = await store.pull("plain/model", { revision: "2.0.0" });
    expect(model.revision).toBe("2.0.0");
    expect(await store.cache.readFile("plain/model", "2.0.0", "tokenizer.json")).toEqual(m.files["tokenizer.json"]);
    await expect(store.pull("plain/model", { revision: "3.0.0" })).rejects.toMatchObject({ code: "E_MANIFEST" });
  });

  it("copies from a local folder and verifies the bytes, offline too", async () => {
    const src = newDir();
    const m = fixtureModel("local/model", "main", undefined, 901);
    writeModelFolder(join(src, "local", "model"), m);
    const store = createModelStore({
      cache: fileCache({ root: newDir() }),
      sources: [folderSource(src)],
      offline: true,
    });
    const { model } = await store.pull("local/model", { variant: "all" });
    expect([...model.variants].sort()).toEqual(["fp32", "int8"]);
    // A file changed on disk after its manifest was written is refused.
    writeFileSync(join(src, "local", "model", "config.json"), "{}");
    const other = createModelStore({ cache: fileCache({ root: newDir() }), sources: [folderSource(src)] });
    await expect(other.pull("local/model")).rejects.toMatchObject({ code: "E_INTEGRITY" });
  });

  it("reads a local catalog of several revisions, as the zoo publishes it", async () => {
    const root = newDir();
    const v1 = fixtureModel("hearth/triage", "1.0.0", undefined, 902);
    const v2 = fixtureModel("hearth/triage", "1.1.0", undefined, 903);
    for (const m of [v1, v2]) writeModelFolder(join(root, "models", "triage", m.manifest.revision), m);
    const entry = (rev: string) => ({
      id: "hearth/triage",
      revision: rev,
      manifest: `models/triage/${rev}/hearth-manifest.json`,
      folder: `models/triage/${rev}`,
    });
    writeFileSync(join(root, "catalog.json"), JSON.stringify({ schema: 1, models: [entry("1.0.0"), entry("1.1.0")] }));
    const store = createModelStore({ cache: fileCache({ root: newDir() }), sources: [catalogSource(root)] });
    expect((await store.pull("hearth/triage")).model.revision).toBe("1.1.0");
    const old = await store.pull("hearth/triage", { revision: "1.0.0" });
    expect(await store.cache.readFile("hearth/triage", "1.0.0", "config.json")).toEqual(v1.files["config.json"]);
    expect(old.model.revision).toBe("1.0.0");
    await expect(store.pull("hearth/other")).rejects.toMatchObject({ code: "E_NOT_FOUND" });
    writeFileSync(join(root, "catalog.json"), JSON.stringify({ schema: 7, models: [] }));
    await expect(catalogSource(root).manifest("hearth/triage")).rejects.toMatchObject({ code: "E_MANIFEST" });
  });

  it("writes a manifest for a model folder in the Hugging Face layout", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "onnx"));
    writeFileSync(join(dir, "config.json"), "{}");
    writeFileSync(join(dir, "tokenizer.json"), "{}");
    writeFileSync(join(dir, "onnx", "model.onnx"), new Uint8Array(1000));
    writeFileSync(join(dir, "onnx", "model_int8.onnx"), new Uint8Array(300));
    const m = await manifestFromFolder(dir, { id: "me/model", revision: "main", license: "MIT", task: "embed" });
    expect(m.variants.map((v) => [v.name, v.bytes, v.minMemory])).toEqual([
      ["fp32", 1000, 2000],
      ["int8", 300, 600],
    ]);
    expect(m.tokenizer).toEqual(["tokenizer.json"]);
    expect(m.files.find((f) => f.path === "config.json")?.sha256).toBe(
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    );
  });
});
