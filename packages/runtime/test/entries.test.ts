// The default entry is platform-neutral: following every import of the built dist/index.js (and of dist/web.js),
// nothing reaches a Node built-in, onnxruntime-node or a native addon.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));

/** Bare specifiers reachable from an ESM file through its relative imports. */
function bareImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(
      /(?:import|export)\s*(?:[^'"]*?from\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    )) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith(".")) visit(join(dirname(file), spec));
      else bare.add(spec);
    }
  };
  visit(join(dist, entry));
  return bare;
}

const isNodeOnly = (spec: string) =>
  spec.startsWith("node:") || builtinModules.includes(spec) || spec === "onnxruntime-node" || spec.endsWith(".node");

it("keeps Node out of @hearth/runtime", () => {
  const imports = bareImports("index.js");
  expect([...imports].filter(isNodeOnly)).toEqual([]);
  expect([...imports].sort()).toEqual(["@huggingface/tokenizers"]);
});

it("keeps Node out of @hearth/runtime/web", () => {
  const imports = bareImports("web.js");
  expect([...imports].filter(isNodeOnly)).toEqual([]);
  expect([...imports].sort()).toEqual(["@huggingface/tokenizers", "onnxruntime-web"]);
});

it("puts onnxruntime-node behind @hearth/runtime/node", () => {
  expect(bareImports("node.js")).toContain("onnxruntime-node");
});
