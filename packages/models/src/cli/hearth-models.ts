#!/usr/bin/env node
// hearth-models: list, pull, verify, rm, pin, unpin, gc, quantize and info over the model cache, with progress bars
// for people and `--json` (one JSON object per line) for scripts.
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism, totalmem } from "node:os";
import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError as CommanderArgumentError, Option } from "commander";
import { ModelsError } from "../errors/models-error";
import { catalogSource } from "../node/catalog-source";
import { defaultCacheRoot } from "../node/default-cache-root";
import { fileCache } from "../node/file-cache";
import { folderSource } from "../node/folder-source";
import { measureQuantizationError } from "../node/measure-error";
import { QUANTIZE_MODES, type QuantizeMode, quantizeModel } from "../quantize/quantize-model";
import { selectVariant } from "../selection/select-variant";
import { httpSource, hubSource } from "../sources/url-source";
import type { DeviceCapabilities } from "../spec/capabilities";
import { VARIANT_NAMES, type VariantName } from "../spec/manifest";
import type { ModelSource } from "../spec/model-source";
import type { Progress } from "../spec/progress";
import { createModelStore, type ModelStore } from "../store/model-store";

interface GlobalOptions {
  cache: string;
  source: string[];
  quota?: number;
  offline?: boolean;
  json?: boolean;
}

const program = new Command("hearth-models")
  .description("Download, verify and manage on-device models; quantize ONNX files.")
  .option("--cache <dir>", "cache folder ($HEARTH_MODELS_CACHE, else ~/.cache/hearth/models)", defaultCacheRoot())
  .option(
    "--source <spec>",
    "where models come from, tried in order: hub:<url> (Hugging Face layout), an http(s) URL, catalog:<dir>, or a folder (also $HEARTH_MODELS_SOURCE; default: the @hearth/zoo catalog when installed)",
    (v: string, prev: string[]) => [...prev, v],
    [] as string[],
  )
  .option("--quota <bytes>", "most bytes the cache may hold (LRU eviction of unpinned models)", bytesArg)
  .option("--offline", "never open a socket: only the cache and local sources")
  .option("--json", "print one JSON object per line instead of text and progress bars");

function bytesArg(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?$/i.exec(value.trim());
  if (!m) throw new CommanderArgumentError("expected a size like 500000000, 500MB or 2GiB");
  const unit = (m[2] ?? "").toLowerCase().replace(/i?b$/, "");
  const power = { "": 0, k: 1, m: 2, g: 3, t: 4 }[unit] ?? 0;
  return Math.round(Number(m[1]) * 1024 ** power);
}

function parseSource(spec: string): ModelSource {
  if (spec.startsWith("hub:")) return hubSource(spec.slice(4));
  if (spec.startsWith("catalog:")) return catalogSource(spec.slice(8));
  if (/^https?:\/\//.test(spec)) return httpSource(spec);
  return folderSource(spec);
}

function globals(): GlobalOptions {
  return program.opts<GlobalOptions>();
}

/**
 * The zoo's built catalog when @hearth/zoo is installed beside this package: the default source, so
 * `hearth-models pull hearth/email-triage` works offline with no flags. An optional peer, loaded only if present.
 */
async function zooCatalogSpec(): Promise<string[]> {
  try {
    // A computed name: @hearth/zoo sits above this package, so it is never a build-time dependency.
    const zooEntry = "@hearth/zoo/node";
    const zoo = (await import(zooEntry)) as { catalogPath(): string };
    return [`catalog:${zoo.catalogPath()}`];
  } catch {
    return [];
  }
}

async function openStore(): Promise<ModelStore> {
  const g = globals();
  const fromEnv = (process.env.HEARTH_MODELS_SOURCE ?? "").split(/\s+/).filter(Boolean);
  const specs = g.source.length ? g.source : fromEnv.length ? fromEnv : await zooCatalogSpec();
  const cache = fileCache({ root: g.cache, ...(g.quota !== undefined ? { quota: g.quota } : {}) });
  return createModelStore({ cache, sources: specs.map(parseSource), ...(g.offline ? { offline: true } : {}) });
}

/** This machine as the runtime would describe it for a CPU session (the CLI does not load onnxruntime to ask). */
function capabilities(): DeviceCapabilities {
  return {
    platform: "node",
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    providers: [{ provider: "cpu", available: true }],
  };
}

function out(value: unknown, text: string): void {
  if (globals().json) process.stdout.write(`${JSON.stringify(value)}\n`);
  else process.stdout.write(`${text}\n`);
}

function human(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(2)} GiB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  if (n >= 2 ** 10) return `${(n / 2 ** 10).toFixed(1)} KiB`;
  return `${n} B`;
}

/** A progress reporter: a bar on a terminal, throttled JSON lines with --json, nothing otherwise. */
function progress(label: string): {
  onProgress: (p: Progress & { rate?: number; eta?: number }) => void;
  stop: () => void;
} {
  if (globals().json) {
    let last = 0;
    return {
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 200 && p.loaded < p.total) return;
        last = now;
        process.stdout.write(
          `${JSON.stringify({ event: "progress", ...p, eta: Number.isFinite(p.eta) ? p.eta : null })}\n`,
        );
      },
      stop: () => {},
    };
  }
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {done} of {size} | {speed} | ETA {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    onProgress: (p) => {
      const payload = { done: human(p.loaded), size: human(p.total), speed: `${human(p.rate ?? 0)}/s` };
      if (!started) {
        bar.start(p.total, p.loaded, payload);
        started = true;
      } else bar.update(p.loaded, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

program
  .command("list")
  .description("list cached models, most recently used first")
  .action(async () => {
    const store = await openStore();
    const models = await store.cache.list();
    const usage = await store.cache.usage();
    if (globals().json) {
      for (const m of models)
        out(
          {
            id: m.id,
            revision: m.revision,
            variants: m.variants,
            bytes: m.bytes,
            pinned: m.pinned,
            lastUsedAt: m.lastUsedAt,
            path: m.path,
          },
          "",
        );
      return;
    }
    for (const m of models) {
      out(null, `${m.id}@${m.revision}  ${m.variants.join(",")}  ${human(m.bytes)}${m.pinned ? "  pinned" : ""}`);
    }
    out(
      null,
      `${models.length} model(s), ${human(usage.bytes)}${Number.isFinite(usage.quota) ? ` of ${human(usage.quota)}` : ""}`,
    );
  });

program
  .command("pull <id>")
  .description("download (or resume) the best variant for this device, verified")
  .option("--revision <rev>", "revision (tag, branch or commit)")
  .addOption(new Option("--variant <name>", "a variant instead of the best fit").choices([...VARIANT_NAMES, "all"]))
  .option("--prefer <names>", "preferred variants, comma-separated (e.g. fp32,int8)")
  .option("--memory-budget <bytes>", "memory the model may use", bytesArg)
  .option("--pin", "pin it so eviction never removes it")
  .action(
    async (
      id: string,
      o: { revision?: string; variant?: VariantName | "all"; prefer?: string; memoryBudget?: number; pin?: boolean },
    ) => {
      const store = await openStore();
      const bar = progress(id);
      try {
        const prefer = o.prefer ? (o.prefer.split(",").map((s) => s.trim()) as VariantName[]) : undefined;
        const result = await store.pull(id, {
          capabilities: capabilities(),
          onProgress: bar.onProgress,
          ...(o.revision ? { revision: o.revision } : {}),
          ...(o.variant ? { variant: o.variant } : {}),
          ...(prefer ? { prefer } : {}),
          ...(o.memoryBudget !== undefined ? { memoryBudget: o.memoryBudget } : {}),
          ...(o.pin ? { pin: true } : {}),
        });
        bar.stop();
        const m = result.model;
        out(
          {
            event: "pulled",
            id: m.id,
            revision: m.revision,
            variants: m.variants,
            bytes: m.bytes,
            cached: result.cached,
            path: m.path,
            selection: result.selection
              ? {
                  variant: result.selection.variant.name,
                  reason: result.selection.reason,
                  passedOver: result.selection.passedOver,
                }
              : null,
          },
          `${m.id}@${m.revision} ${result.cached ? "already cached" : "pulled"}: ${m.variants.join(",")} (${human(m.bytes)}) in ${m.path}${
            result.selection
              ? `\n  ${result.selection.reason}${result.selection.passedOver.map((p) => `\n  passed over ${p.name}: ${p.reason}`).join("")}`
              : ""
          }`,
        );
      } finally {
        bar.stop();
      }
    },
  );

program
  .command("verify <id>")
  .description("re-hash every file of a cached model; --repair re-downloads damaged ones")
  .option("--revision <rev>")
  .option("--repair", "re-download files whose bytes are wrong")
  .action(async (id: string, o: { revision?: string; repair?: boolean }) => {
    const store = await openStore();
    const report = await store.verify(id, {
      ...(o.revision ? { revision: o.revision } : {}),
      ...(o.repair ? { repair: true } : {}),
    });
    out(
      { event: "verified", ...report },
      `${report.id}@${report.revision}: ${report.ok ? "ok" : "DAMAGED"}${report.files
        .filter((f) => !f.ok || f.repaired)
        .map((f) => `\n  ${f.path}: ${f.repaired ? "repaired" : "damaged, removed (run verify --repair)"}`)
        .join("")}`,
    );
    if (!report.ok) process.exitCode = 2;
  });

program
  .command("rm <id>")
  .description("remove a cached model (every revision unless --revision)")
  .option("--revision <rev>")
  .action(async (id: string, o: { revision?: string }) => {
    const removed = await (await openStore()).cache.remove(id, o.revision);
    out({ event: "removed", id, removed }, removed ? `removed ${id}` : `${id} was not cached`);
  });

for (const [name, pinned] of [
  ["pin", true],
  ["unpin", false],
] as const) {
  program
    .command(`${name} <id>`)
    .description(pinned ? "keep a model through eviction" : "let eviction remove a model again")
    .option("--revision <rev>")
    .action(async (id: string, o: { revision?: string }) => {
      await (await openStore()).cache.pin(id, pinned, o.revision);
      out({ event: name, id, pinned }, `${id} ${pinned ? "pinned" : "unpinned"}`);
    });
}

program
  .command("gc")
  .description("remove unreferenced files and abandoned partial downloads")
  .action(async () => {
    const report = await (await openStore()).cache.gc();
    out(
      { event: "gc", ...report },
      `removed ${report.removedBlobs} file(s) (${human(report.freedBytes)}) and ${report.removedPartials} partial download(s)`,
    );
  });

program
  .command("info <id>")
  .description("show a model's manifest and which variant this device would get, and why")
  .option("--revision <rev>")
  .option("--memory-budget <bytes>", "memory the model may use", bytesArg)
  .action(async (id: string, o: { revision?: string; memoryBudget?: number }) => {
    const store = await openStore();
    const { manifest } = await store.resolve(id, o.revision ? { revision: o.revision } : {});
    const cached = await store.cache.get(manifest.id, manifest.revision, { touch: false });
    const selection = selectVariant(manifest, {
      capabilities: capabilities(),
      ...(o.memoryBudget !== undefined ? { memoryBudget: o.memoryBudget } : {}),
    });
    out(
      {
        event: "info",
        manifest,
        cached: cached ? { variants: cached.variants, pinned: cached.pinned, path: cached.path } : null,
        selection: { variant: selection.variant.name, reason: selection.reason, passedOver: selection.passedOver },
      },
      [
        `${manifest.id}@${manifest.revision}  task ${manifest.task}  license ${manifest.license}`,
        ...manifest.variants.map(
          (v) =>
            `  ${v.name.padEnd(5)} ${v.file}  ${human(v.bytes)}  needs ${human(v.minMemory)}  on ${v.providers.join(",")}`,
        ),
        `this device: ${selection.reason}`,
        ...selection.passedOver.map((p) => `  passed over ${p.name}: ${p.reason}`),
        cached
          ? `cached: ${cached.variants.join(",")}${cached.pinned ? " (pinned)" : ""} in ${cached.path}`
          : "not cached",
      ].join("\n"),
    );
  });

program
  .command("quantize <input> <output>")
  .description("quantize an ONNX file: int8 (QDQ per-channel), int8-dynamic (MatMulInteger), q4 (MatMulNBits), fp16")
  .addOption(new Option("--mode <mode>", "quantization").choices([...QUANTIZE_MODES]).default("int8"))
  .option("--min-elements <n>", "leave weights smaller than this in float", (v: string) => Number.parseInt(v, 10))
  .option(
    "--samples <n>",
    "random sample inputs for the error report (0: skip it)",
    (v: string) => Number.parseInt(v, 10),
    8,
  )
  .action(async (input: string, output: string, o: { mode: QuantizeMode; minElements?: number; samples: number }) => {
    const source = new Uint8Array(await readFile(input));
    const result = quantizeModel(source, {
      mode: o.mode,
      ...(o.minElements !== undefined ? { minElements: o.minElements } : {}),
    });
    await writeFile(output, result.bytes);
    const error =
      o.samples > 0 ? await measureQuantizationError(source, result.bytes, { samples: o.samples }) : undefined;
    const r = result.report;
    out(
      { event: "quantized", input, output, ...r, error: error ?? null },
      [
        `${input} -> ${output} (${r.mode})`,
        `  size ${human(r.bytesBefore)} -> ${human(r.bytesAfter)} (${(r.bytesAfter / r.bytesBefore).toFixed(3)}x)`,
        `  ${r.quantized.length} weight(s) quantized, ${r.skipped.length} left in float`,
        ...(error
          ? error.outputs.map(
              (e) =>
                `  ${e.name}: max abs error ${e.maxAbs.toExponential(3)}, mean ${e.meanAbs.toExponential(3)}, cosine ${e.cosine.toFixed(5)}`,
            )
          : []),
      ].join("\n"),
    );
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  const code = e instanceof ModelsError ? e.code : "E_UNEXPECTED";
  const message = e instanceof Error ? e.message : String(e);
  if (globals().json) process.stdout.write(`${JSON.stringify({ event: "error", code, message })}\n`);
  else process.stderr.write(`hearth-models: ${code}: ${message}\n`);
  process.exitCode = 1;
});
