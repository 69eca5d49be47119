// A target that runs suites in a page of headless Chromium (web-wasm, web-webgpu): see lib/web-host.mjs for the page
// and the server, and benchmarks/web/ for the suites as the page runs them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { catalogPath } from "@hearth/zoo/node";
import { describeMachine } from "./machine.mjs";
import { writeRuntimeFixtures } from "./runtime-fixtures.mjs";
import {
  bundlePage,
  chromiumExecutable,
  onnxruntimeWebFolders,
  openPage,
  rendererPeakRss,
  startServer,
} from "./web-host.mjs";

// requestAdapter() answers in well under a second, or (a GPU process stuck in a driver) never.
const ENVIRONMENT_TIMEOUT_MS = 60_000;

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What onnxruntime's verbose log said of node placement ("All nodes placed on [WebGpuExecutionProvider]. Number of
 * nodes: 12", or one "Node(s) placed on [...]" line per provider), as "12 on WebGpu, 3 on CPU"; undefined if silent.
 */
export function placement(consoleLines) {
  const counts = new Map();
  for (const line of consoleLines) {
    const match = /placed on \[(\w+?)(?:ExecutionProvider)?\]\. Number of nodes: (\d+)/.exec(line);
    if (match) counts.set(match[1], (counts.get(match[1]) ?? 0) + Number(match[2]));
  }
  if (counts.size === 0) return undefined;
  // onnxruntime-web's webgpu provider is its JavaScript execution provider (JSEP) inside: "Js" in the log.
  const names = { Js: "webgpu (JSEP)", CPU: "the CPU provider" };
  return [...counts].map(([provider, n]) => `${n} on ${names[provider] ?? provider}`).join(", ");
}

/**
 * @param {object} spec
 * @param {"wasm" | "webgpu"} spec.provider the execution provider the inference suite runs on
 * @param {string[]} spec.suiteNames the page's suites this target runs
 * @param {{name: string, args: string[], withoutArgs?: string[]}[]} spec.launches how to launch Chromium: flags
 *   beyond the usual headless ones, and usual ones to leave out; tried in order while WebGPU is needed and missing
 * @param {boolean} [spec.needsWebGpu] without a WebGPU adapter the target is unavailable
 * @param {object} [spec.quickPlan] the plan of `--quick` measures, when PLANS.quick is too long for this target
 * @param {string[]} [spec.notes] what a reader of every result of this target should know
 */
export function createWebTarget({ provider, suiteNames, launches, needsWebGpu = false, quickPlan, notes = [] }) {
  let state;

  async function start() {
    const chromium = chromiumExecutable();
    // A missing browser is a machine to fix, not a result: the run fails and says how to install one.
    if (chromium.missing) throw new Error(chromium.missing);
    const bundle = await bundlePage();
    const server = await startServer(bundle);
    const ortWeb = onnxruntimeWebFolders();
    const zoo = catalogPath();
    const assets = {
      ortWasm: server.mount("ort", ortWeb.ours.dist),
      transformersWasm: server.mount("ort-transformers", ortWeb.transformers.dist),
      zoo: server.mount("zoo", zoo),
    };
    state = { server, assets, ortWeb, collect: undefined, notes: [...notes], facts: {} };
    // Each launch in turn (e.g. the real GPU, then SwiftShader) until one gives the page what the target needs.
    const refusals = [];
    for (const launch of launches) {
      try {
        state.page = await openPage({
          executable: chromium.executable,
          withoutArgs: launch.withoutArgs ?? [],
          extraArgs: launch.args,
          server,
          onRecord: (record) => state.collect?.(record),
          onConsole: (_type, text) => state.console?.push(text),
        });
      } catch (error) {
        await stop();
        throw error;
      }
      let refusal;
      try {
        state.environment = await withTimeout(
          state.page.page.evaluate(() => globalThis.hearthBench.environment()),
          ENVIRONMENT_TIMEOUT_MS,
          `the page did not report its environment (WebGPU adapter) within ${ENVIRONMENT_TIMEOUT_MS / 1000} s`,
        );
        if (!needsWebGpu || state.environment.webgpu.available) {
          if (needsWebGpu) state.notes.push(`Chromium launched for ${launch.name}: ${launch.args.join(" ")}.`);
          return {};
        }
        refusal = state.environment.webgpu.reason;
      } catch (error) {
        // A GPU process stuck in its driver is one more launch that gave no adapter; anything else is a failure.
        if (!needsWebGpu) {
          await stop();
          throw error;
        }
        refusal = error.message;
      }
      refusals.push(`${launch.name}: ${refusal}`);
      await state.page.browser.close().catch(() => {});
      state.page = undefined;
    }
    return { unavailable: `Chromium granted no WebGPU adapter (${refusals.join("; ")})` };
  }

  // The inference suite's models: the runtime's test models, written for this run, and the zoo's catalog.
  async function fixtures() {
    if (!state.fixtureRoot) {
      state.fixtureRoot = mkdtempSync(join(tmpdir(), "hearth-bench-web-"));
      const written = await writeRuntimeFixtures(state.fixtureRoot);
      const at = state.server.mount("fixtures", state.fixtureRoot);
      state.fixtureUrls = { fixtureRoot: at };
      for (const [name, folder] of Object.entries(written)) {
        state.fixtureUrls[name] = `${at}${basename(folder)}/`;
        if (dirname(folder) !== state.fixtureRoot) throw new Error(`fixture ${name} is not directly under its root`);
      }
    }
    return state.fixtureUrls;
  }

  async function runSuite(name, { quick, onRecord }) {
    const assets = { ...state.assets };
    if (name === "inference") {
      const urls = await fixtures();
      assets.fixtureRoot = urls.fixtureRoot;
      assets.fixtures = urls;
    }
    const records = [];
    state.console = [];
    state.collect = (record) => {
      // The page cannot see its own process; Node reads the renderer's peak RSS, where the OS lets it.
      const rss = rendererPeakRss();
      if (rss !== undefined) record.peakRssBytes = rss;
      records.push(record);
      onRecord(record);
    };
    try {
      const learned = await state.page.page.evaluate(
        ([suite, options]) => globalThis.hearthBench.run(suite, options),
        [name, { quick, provider, assets, ...(quick && quickPlan ? { plan: quickPlan } : {}) }],
      );
      Object.assign(state.facts, learned.facts);
      state.notes.push(...learned.notes);
      const placed = placement(state.console);
      if (placed)
        state.notes.push(`onnxruntime-web placed the test encoder's nodes: ${placed} (from its verbose log).`);
    } finally {
      state.collect = undefined;
      state.console = undefined;
    }
    return records;
  }

  function machine() {
    const { facts, environment, ortWeb } = state;
    const ranInference = facts.executionProvider !== undefined;
    const base = describeMachine({
      // Crypto and sync use no onnxruntime: with no inference suite, no provider ran.
      executionProvider: facts.executionProvider ?? "none",
      onnxruntime: ranInference ? (facts.onnxruntime ?? ortWeb.ours.version) : null,
    });
    const result = {
      ...base,
      browser: state.page?.name ?? "Chromium (not launched)",
      crossOriginIsolated: environment?.crossOriginIsolated ?? false,
      ...(facts.wasmThreads ? { wasmThreads: facts.wasmThreads } : {}),
      webgpu: environment?.webgpu ?? { available: false, reason: "the page did not open" },
      peakRssOf: rendererPeakRss()
        ? "the page's Chromium renderer process (VmHWM)"
        : "the page's JS heap (performance.memory): this OS does not show the renderer's RSS",
    };
    const found = [...state.notes];
    if (ranInference) found.push(`onnxruntime-web ${ortWeb.ours.version} (ours and the raw stack).`);
    if (found.length > 0) result.notes = found;
    return result;
  }

  async function stop() {
    if (!state) return;
    const { page, server, fixtureRoot } = state;
    state = undefined;
    await page?.browser.close().catch(() => {});
    await server.close();
    if (fixtureRoot) rmSync(fixtureRoot, { recursive: true, force: true });
  }

  return { suiteNames, start, runSuite, machine, stop };
}
