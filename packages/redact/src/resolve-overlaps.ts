import type { Entity } from "./entity";
import { ENTITY_TYPES } from "./entity-type";

const typeRank = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

function rank(type: string): number {
  return typeRank.get(type) ?? ENTITY_TYPES.length;
}

/**
 * Turns overlapping findings into one set of disjoint spans, the same for the same input whatever order the
 * recognizers ran in. Spans of one type that overlap are merged (the union, with the best score); spans of
 * different types then compete by score, then length, then start, then the canonical type order.
 */
export function resolveOverlaps(text: string, entities: readonly Entity[]): Entity[] {
  const byType = new Map<string, Entity[]>();
  for (const e of entities) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
  }
  const merged: Entity[] = [];
  for (const list of byType.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: Entity | undefined;
    for (const e of list) {
      if (current && e.start < current.end) {
        const end = Math.max(current.end, e.end);
        const best = e.score > current.score ? e : current;
        current = {
          ...current,
          end,
          score: best.score,
          recognizer: best.recognizer,
          text: text.slice(current.start, end),
        };
      } else {
        if (current) merged.push(current);
        current = e;
      }
    }
    if (current) merged.push(current);
  }
  // Spans that do not overlap, even transitively, cannot affect each other: resolve each cluster on its own, so a
  // 10 MB input with half a million entities stays O(n log n).
  merged.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Entity[] = [];
  let cluster: Entity[] = [];
  let clusterEnd = -1;
  for (const e of merged) {
    if (e.start >= clusterEnd && cluster.length > 0) {
      chosen.push(...resolveCluster(cluster));
      cluster = [];
    }
    cluster.push(e);
    clusterEnd = Math.max(clusterEnd, e.end);
  }
  if (cluster.length > 0) chosen.push(...resolveCluster(cluster));
  return chosen;
}

function resolveCluster(cluster: Entity[]): Entity[] {
  if (cluster.length === 1) return cluster;
  const ranked = [...cluster].sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      rank(a.type) - rank(b.type) ||
      (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
  const chosen: Entity[] = [];
  for (const e of ranked) {
    if (chosen.some((c) => c.start < e.end && e.start < c.end)) continue;
    chosen.push(e);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
