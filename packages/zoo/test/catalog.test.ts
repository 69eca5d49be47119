import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseManifest } from "@hearth/models";
import { catalogSource } from "@hearth/models/node";
import { describe, expect, it } from "vitest";
import { EMAIL_TRIAGE_ID, FormatError, ZOO_MODEL_IDS } from "../src/index";
import { readCatalog } from "../src/node";
import { builtCatalog } from "./helpers/catalog";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("the local catalog", () => {
  it("lists every zoo model, each manifest pinned by its sha256", () => {
    const catalog = readCatalog(builtCatalog);
    expect(catalog.models.map((m) => m.id)).toEqual([...ZOO_MODEL_IDS]);
    for (const entry of catalog.models) {
      const bytes = readFileSync(join(builtCatalog, entry.manifest));
      expect(sha256(bytes)).toBe(entry.sha256);
    }
  });

  it("every manifest parses with @hearth/models and its sizes and sha256s match the files", () => {
    for (const entry of readCatalog(builtCatalog).models) {
      const manifest = parseManifest(JSON.parse(readFileSync(join(builtCatalog, entry.manifest), "utf8")));
      expect(manifest.id).toBe(entry.id);
      expect(manifest.files.length).toBeGreaterThanOrEqual(3);
      for (const file of manifest.files) {
        const bytes = readFileSync(join(builtCatalog, entry.folder, file.path));
        expect(bytes.length).toBe(file.size);
        expect(sha256(bytes)).toBe(file.sha256);
      }
      expect(manifest.variants.map((v) => v.name)).toContain("fp32");
    }
  });

  it("is served by @hearth/models' catalog source", async () => {
    const source = catalogSource(builtCatalog);
    expect(source.remote).toBe(false);
    const manifest = await source.manifest(EMAIL_TRIAGE_ID);
    expect(manifest.task).toBe("classify");
    expect(manifest.variants.map((v) => v.name).sort()).toEqual(["fp32", "int8"]);
  });

  it("hearth-models pull hearth/email-triage works offline from it", () => {
    const require = createRequire(import.meta.url);
    const cli = join(dirname(require.resolve("@hearth/models/package.json")), "dist", "cli.js");
    const cache = mkdtempSync(join(tmpdir(), "hearth-zoo-cache-"));
    const run = spawnSync(
      process.execPath,
      [cli, "--cache", cache, "--source", `catalog:${builtCatalog}`, "--offline", "--json", "pull", EMAIL_TRIAGE_ID],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const pulled = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { event?: string; path?: string })
      .find((e) => e.event === "pulled");
    expect(pulled?.path).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(builtCatalog, EMAIL_TRIAGE_ID, "hearth-manifest.json"), "utf8"));
    const config = manifest.files.find((f: { path: string }) => f.path === "config.json");
    expect(sha256(readFileSync(join(pulled!.path!, "config.json")))).toBe(config.sha256);
    rmSync(cache, { recursive: true, force: true });
  });

  it("is hearth-models' default source: `hearth-models pull hearth/email-triage` needs no flag", () => {
    const require = createRequire(import.meta.url);
    const cli = join(dirname(require.resolve("@hearth/models/package.json")), "dist", "cli.js");
    const cache = mkdtempSync(join(tmpdir(), "hearth-zoo-cache-"));
    const env = { ...process.env, HEARTH_MODELS_SOURCE: "" };
    const run = spawnSync(process.execPath, [cli, "--cache", cache, "--offline", "pull", EMAIL_TRIAGE_ID], {
      encoding: "utf8",
      timeout: 60_000,
      env,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/hearth\/email-triage@\S+ pulled: int8/);
    rmSync(cache, { recursive: true, force: true });
  });

  it("the built package's catalogPath() points at dist/catalog, in ESM and CJS", async () => {
    const esm = (await import("../dist/node.js")) as { catalogPath: () => string };
    expect(join(esm.catalogPath(), "/")).toBe(join(builtCatalog, "/"));
    const cjs = createRequire(import.meta.url)("../dist/node.cjs") as { catalogPath: () => string };
    expect(join(cjs.catalogPath(), "/")).toBe(join(builtCatalog, "/"));
  });

  it("refuses a missing, malformed or foreign catalog with a FormatError", () => {
    const dir = mkdtempSync(join(tmpdir(), "hearth-zoo-bad-"));
    expect(() => readCatalog(dir)).toThrow(FormatError);
    writeFileSync(join(dir, "catalog.json"), "{ not json");
    expect(() => readCatalog(dir)).toThrow(FormatError);
    writeFileSync(join(dir, "catalog.json"), JSON.stringify({ schema: 2, models: [] }));
    expect(() => readCatalog(dir)).toThrow(/schema 1/);
    mkdirSync(join(dir, "x"), { recursive: true });
    writeFileSync(join(dir, "catalog.json"), JSON.stringify({ schema: 1, models: [{ id: "a/b" }] }));
    try {
      readCatalog(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      expect((error as FormatError).code).toBe("E_FORMAT");
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
