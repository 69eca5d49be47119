import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { modelsCommands } from "./packages/models/test/node-commands.ts";
import { syncE2eCommands } from "./packages/relay/test/e2e/node-commands.ts";
import { runtimeCommands } from "./packages/runtime/test/node-commands.ts";
import { transportCommands } from "./packages/transport/test/node-commands.ts";
// @ts-expect-error: a plain .mjs helper shared with the benchmark runner
import { chromiumArgs, findChromium } from "./scripts/chromium.mjs";
import { findPostgres, installHint as postgresHint } from "./scripts/postgres.mjs";

const chromium: string | undefined = findChromium();

// The relay's end-to-end suite runs a second time on PostgreSQL, plus the tests that only make sense there (several
// relays over one database). Under CI a missing PostgreSQL fails the run here; a developer without it is told.
const postgres = findPostgres();
if (!postgres) {
  if (process.env.CI) throw new Error(`install postgresql: ${postgresHint}`);
  console.warn(`warning: the relay's PostgreSQL tests will not run. ${postgresHint}`);
}
const FAST_CHECK_SEED = "scripts/fast-check-seed.ts";
const RELAY_POSTGRES_TESTS = "packages/relay/test/postgres/**/*.test.ts";
const postgresProject = postgres
  ? [
      {
        extends: true as const,
        test: {
          name: "postgres",
          environment: "node",
          include: ["packages/relay/test/e2e/**/*.test.ts", RELAY_POSTGRES_TESTS],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**"],
          env: { HEARTH_TEST_STORE: "postgres" },
          setupFiles: [FAST_CHECK_SEED],
          globalSetup: ["packages/relay/test/helpers/postgres-global-setup.ts"],
        },
      },
    ]
  : [];

// Without Chromium the browser project is left out (scripts/check-chromium.mjs has already failed the run
// under CI=true, or warned a developer); with it, every *.browser.test.ts runs in real Chromium.
const browserProject = chromium
  ? [
      {
        extends: true as const,
        test: {
          name: "browser",
          include: ["packages/*/test/**/*.browser.test.ts", "examples/*/test/**/*.browser.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
            instances: [
              { browser: "chromium" as const, exclude: ["**/*.webgpu.browser.test.ts", "**/node_modules/**"] },
              // A second Chromium with WebGPU on SwiftShader (no GPU needed), for tests of the webgpu provider only.
              {
                browser: "chromium" as const,
                name: "chromium-webgpu",
                include: ["packages/*/test/**/*.webgpu.browser.test.ts"],
                provider: playwright({
                  launchOptions: {
                    executablePath: chromium,
                    args: [...chromiumArgs, "--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader"],
                  },
                }),
              },
            ],
            screenshotFailures: false,
            // Node-side helpers browser tests call to cross between Node and Chromium.
            commands: { ...transportCommands, ...runtimeCommands, ...syncE2eCommands, ...modelsCommands },
          },
        },
        // onnxruntime-web and the tokenizer are ESM already; pre-bundling them on first import reloads the test page.
        optimizeDeps: { exclude: ["@automerge/automerge", "onnxruntime-web", "@huggingface/tokenizers"] },
      },
    ]
  : [];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts", "benchmarks/test/**/*.test.ts"],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**", RELAY_POSTGRES_TESTS],
          setupFiles: [FAST_CHECK_SEED],
        },
      },
      ...postgresProject,
      ...browserProject,
    ],
    testTimeout: 30_000,
  },
});
