// Types of svg.mjs for the TypeScript tests.
import type { BenchResult, Measure } from "./schema.mjs";

/** The decades the chart's log axis spans: at least 0.1 to 10, widened to hold every ratio and ratio goal. */
export function logDomain(measures: Measure[]): { lo: number; hi: number };

/** The chart of a result's ratios, as an SVG document. */
export function toSvg(result: BenchResult): string;
