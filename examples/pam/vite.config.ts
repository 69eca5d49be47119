import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
// Automerge's browser entry imports its .wasm as a module, which needs a bundler plugin; its base64 entry inlines
// the same wasm and runs anywhere, so the app resolves Automerge (as @hearth/sync imports it) to that.
const syncRequire = createRequire(createRequire(import.meta.url).resolve("@hearth/sync"));
// resolve() gives dist/cjs/<entry>.cjs: three levels up is the package folder.
const automergeRoot = dirname(dirname(dirname(syncRequire.resolve("@automerge/automerge"))));
const automergeBase64 = join(automergeRoot, "dist", "mjs", "entrypoints", "fullfat_base64.js");

/** The web app `pam web` serves: built into dist/web as part of the package's build. */
export default defineConfig({
  root: join(here, "web"),
  base: "./",
  resolve: {
    alias: [
      { find: /^@automerge\/automerge$/, replacement: automergeBase64 },
      // The app uses PAM's public entry, from source, so the web build does not wait for tsup.
      { find: /^@hearth\/pam$/, replacement: join(here, "src", "index.ts") },
    ],
  },
  worker: { format: "es" },
  optimizeDeps: { exclude: ["@automerge/automerge", "onnxruntime-web"] },
  build: {
    outDir: join(here, "dist", "web"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
  },
});
