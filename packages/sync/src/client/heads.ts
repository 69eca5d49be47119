/** Whether two sets of Automerge heads are the same set. */
export function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((h, i) => h === sorted[i]);
}
