import type { Options } from "tsup";

/**
 * The one build recipe every package uses: ESM + CJS + .d.ts, one file per entry, dependencies left external.
 * A package's tsup.config.ts only names its entries.
 */
export function packageBuild(entry: Record<string, string>): Options {
  return {
    entry,
    format: ["esm", "cjs"],
    // TypeScript 6 deprecates baseUrl, which tsup's dts step still sets internally (TS5101).
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    target: "es2022",
    // Entries of one package share chunks, so a class (an error) is one class whichever subpath it came through.
    splitting: true,
    treeshake: true,
  };
}
