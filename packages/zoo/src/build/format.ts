/** A fraction as a percentage with two decimals (`98.57%`), fixed so cards are byte-identical across builds. */
export function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** A byte count in the unit a reader expects (`4.19 MB`, decimal units). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/** A number with a fixed count of decimals. */
export function fixed(x: number, digits = 4): string {
  return x.toFixed(digits);
}

/**
 * A Markdown table with padded columns, laid out exactly as the repository's formatter lays tables out, so a
 * committed card stays byte-identical to the one the build writes.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(3, h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${widths.map((w, c) => (cells[c] ?? "").padEnd(w)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}
