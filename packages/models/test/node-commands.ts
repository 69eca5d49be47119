// Commands the browser tests call to run code in Node (vitest browser mode `commands`): a real model server on
// loopback (test/helpers/model-server.ts, with its fault modes and request log), fixture models on it in the hub
// layout, and reference outputs from onnxruntime-node. Modules load through the project's Vite module runner, so this
// file imports nothing but Node built-ins and the root config stays light.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelManifest } from "../src/index";
import type { Fault, LogEntry, ModelServer } from "./helpers/model-server";

type ServerModule = typeof import("./helpers/model-server");
type FixtureModule = typeof import("./helpers/fixture-model");
type BuildModels = typeof import("../../runtime/test/fixtures/build-models");
type ModelsNode = typeof import("../src/node");
type RuntimeNode = typeof import("../../runtime/src/node");

interface CommandContext {
  project: { import<T>(moduleId: string): Promise<T> };
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const servers = new Map<number, { server: ModelServer; cleanup: () => void; folders: Map<string, string> }>();
let nextId = 1;

function serverOf(id: number) {
  const s = servers.get(id);
  if (!s) throw new Error(`No model server ${id} is running.`);
  return s;
}

export const modelsCommands = {
  /** Starts a model server on 127.0.0.1; returns its handle and base URL. */
  async modelsStartServer(ctx: CommandContext): Promise<{ server: number; url: string }> {
    const { startModelServer } = await ctx.project.import<ServerModule>(here("./helpers/model-server.ts"));
    const { tempDir } = await ctx.project.import<FixtureModule>(here("./helpers/fixture-model.ts"));
    const server = await startModelServer();
    const tmp = tempDir("hearth-models-browser-");
    const id = nextId++;
    servers.set(id, { server, cleanup: tmp.cleanup, folders: new Map([["tmp", tmp.dir]]) });
    return { server: id, url: server.url };
  },

  async modelsStopServer(_ctx: CommandContext, id: number): Promise<void> {
    const s = servers.get(id);
    if (!s) return;
    servers.delete(id);
    await s.server.close();
    s.cleanup();
  },

  /** Serves a fixture model (deterministic bytes: config, tokenizer, fp32 and int8 files) in the hub layout. */
  async modelsServeFixture(
    ctx: CommandContext,
    id: number,
    model: string,
    revision: string,
    sizes: { fp32: number; int8: number },
    seed: number,
  ): Promise<ModelManifest> {
    const f = await ctx.project.import<FixtureModule>(here("./helpers/fixture-model.ts"));
    const m = f.fixtureModel(model, revision, sizes, seed);
    f.serveHub(serverOf(id).server, m);
    return m.manifest;
  },

  /**
   * Serves the runtime's fixture encoder (a real BERT-like ONNX graph with its tokenizer) in the hub layout as
   * `model`, with a manifest made from the folder; remembers the folder for {@link modelsCommands.modelsNodeEmbeddings}.
   */
  async modelsServeEncoder(ctx: CommandContext, id: number, model: string): Promise<ModelManifest> {
    const s = serverOf(id);
    const build = await ctx.project.import<BuildModels>(here("../../runtime/test/fixtures/build-models.ts"));
    const node = await ctx.project.import<ModelsNode>(here("../src/node.ts"));
    const folder = build.writeFixtureModels(join(s.folders.get("tmp") as string, model.replace("/", "+"))).encoder;
    const manifest = await node.manifestFromFolder(folder, {
      id: model,
      revision: "v1",
      license: "MIT",
      task: "embed",
    });
    const base = `/${model}/resolve/${manifest.revision}`;
    for (const file of walk(folder)) {
      s.server.files.set(`${base}/${relative(folder, file).split("\\").join("/")}`, new Uint8Array(readFileSync(file)));
    }
    s.server.files.set(`${base}/hearth-manifest.json`, new TextEncoder().encode(JSON.stringify(manifest)));
    s.folders.set(model, folder);
    return manifest;
  },

  /** Embeddings of `texts` from onnxruntime-node (cpu) on the folder modelsServeEncoder served. */
  async modelsNodeEmbeddings(ctx: CommandContext, id: number, model: string, texts: string[]): Promise<number[][]> {
    const folder = serverOf(id).folders.get(model);
    if (!folder) throw new Error(`Server ${id} serves no encoder ${model}.`);
    const runtime = await ctx.project.import<RuntimeNode>(here("../../runtime/src/node.ts"));
    const p = await runtime.pipeline("embed", folder, { device: "cpu" });
    try {
      return (await p.run(texts)).map((v) => Array.from(v));
    } finally {
      await p.dispose();
    }
  },

  /** Queues faults for the next requests of `path` (a server path, e.g. `/acme/tiny/resolve/main/onnx/model.onnx`). */
  async modelsFault(_ctx: CommandContext, id: number, path: string, faults: Fault[]): Promise<void> {
    serverOf(id).server.fault(path, ...faults);
  },

  /** Every request so far, with the Range asked and the bytes sent. */
  async modelsLog(_ctx: CommandContext, id: number): Promise<LogEntry[]> {
    return serverOf(id).server.log.map((e) => ({ ...e }));
  },

  async modelsClearLog(_ctx: CommandContext, id: number): Promise<void> {
    serverOf(id).server.log.length = 0;
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The browser-side signatures of {@link modelsCommands}. */
export interface ModelsBrowserCommands {
  modelsStartServer(): Promise<{ server: number; url: string }>;
  modelsStopServer(id: number): Promise<void>;
  modelsServeFixture(
    id: number,
    model: string,
    revision: string,
    sizes: { fp32: number; int8: number },
    seed: number,
  ): Promise<ModelManifest>;
  modelsServeEncoder(id: number, model: string): Promise<ModelManifest>;
  modelsNodeEmbeddings(id: number, model: string, texts: string[]): Promise<number[][]>;
  modelsFault(id: number, path: string, faults: Fault[]): Promise<void>;
  modelsLog(id: number): Promise<LogEntry[]>;
  modelsClearLog(id: number): Promise<void>;
}
