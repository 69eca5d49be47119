// Commands browser tests call to run code in Node (vitest browser mode `commands`): write the fixture models where
// the browser can fetch them, and compute reference outputs with onnxruntime-node. Modules are loaded through the
// project's Vite module runner, so this file imports nothing itself and the root config stays light.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

type BuildModels = typeof import("./fixtures/build-models");
type RuntimeNode = typeof import("../src/node");

interface CommandContext {
  project: { import<T>(moduleId: string): Promise<T>; config: { root: string } };
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Fixture folders as URL paths under the Vite server root. */
export interface BrowserFixtureUrls {
  encoder: string;
  classifier: string;
  tagger: string;
  decoder: string;
  balloon: string;
}

export const runtimeCommands = {
  async runtimeWriteFixtures(ctx: CommandContext): Promise<BrowserFixtureUrls> {
    const build = await ctx.project.import<BuildModels>(here("./fixtures/build-models.ts"));
    mkdirSync(here("./.tmp"), { recursive: true });
    const dir = mkdtempSync(here("./.tmp/browser-"));
    const folders = { ...build.writeFixtureModels(dir), balloon: build.writeBalloonModel(dir) };
    const url = (p: string) => `/${relative(ctx.project.config.root, p).split("\\").join("/")}/`;
    return {
      encoder: url(folders.encoder),
      classifier: url(folders.classifier),
      tagger: url(folders.tagger),
      decoder: url(folders.decoder),
      balloon: url(folders.balloon),
    };
  },

  /** Removes the folder runtimeWriteFixtures made (given any of its URLs). */
  async runtimeRemoveFixtures(ctx: CommandContext, folderUrl: string): Promise<void> {
    const match = /\/\.tmp\/(browser-[^/]+)\//.exec(folderUrl);
    if (match) rmSync(here(`./.tmp/${match[1]}`), { recursive: true, force: true });
    void ctx;
  },

  /** Embeddings (task embed) or label scores in id2label order (task classify) from onnxruntime-node on cpu. */
  async runtimeNodeOutputs(
    ctx: CommandContext,
    folderUrl: string,
    task: "embed" | "classify",
    texts: string[],
  ): Promise<number[][]> {
    const runtime = await ctx.project.import<RuntimeNode>(here("../src/node.ts"));
    const folder = `${ctx.project.config.root}${folderUrl}`;
    if (task === "embed") {
      const p = await runtime.pipeline("embed", folder, { device: "cpu" });
      const out = (await p.run(texts)).map((v) => Array.from(v));
      await p.dispose();
      return out;
    }
    const p = await runtime.pipeline("classify", folder, { device: "cpu" });
    const out = (await p.run(texts)).map((c) =>
      [...c.scores].sort((a, b) => a.label.localeCompare(b.label)).map((s) => s.score),
    );
    await p.dispose();
    return out;
  },
};

/** The browser-side signatures of {@link runtimeCommands}. */
export interface RuntimeBrowserCommands {
  runtimeWriteFixtures(): Promise<BrowserFixtureUrls>;
  runtimeRemoveFixtures(folderUrl: string): Promise<void>;
  runtimeNodeOutputs(folderUrl: string, task: "embed" | "classify", texts: string[]): Promise<number[][]>;
}
