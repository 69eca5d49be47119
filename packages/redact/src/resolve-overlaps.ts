import type { Entity } from "./entity";
import { ENTITY_TYPES } from "./entity-type";

const typeRank = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

function rank(type: string): number {
  return typeRank.get(type) ?? ENTITY_TYPES.length;
}

/**
 * Turns overlapping findings into one set of disjoint spans, the same for the same input whatever order the
 * recognizers ran in. Spans of one type that overlap are merged (the union, with the best score); spans of
 * different types then compete by score, then length, then start, then the canonical type order. A span that loses
 * is not dropped when part of it lies outside the winners: it is trimmed to its largest such part, cut back to whole
 * words, so "Tomáš Novák (tomas" losing to the e-mail "tomas.novak@example.com" still redacts "Tomáš Novák".
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
      chosen.push(...resolveCluster(text, cluster));
      cluster = [];
    }
    cluster.push(e);
    clusterEnd = Math.max(clusterEnd, e.end);
  }
  if (cluster.length > 0) chosen.push(...resolveCluster(text, cluster));
  return chosen;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/**
 * The largest part of `e` that no chosen span covers, cut back to whole words and trimmed of spaces and
 * punctuation, or null when nothing worth reporting is left.
 */
function remainder(text: string, e: Entity, chosen: readonly Entity[]): Entity | null {
  let best: [number, number] | null = null;
  let at = e.start;
  const blockers = chosen.filter((c) => c.start < e.end && e.start < c.end).sort((a, b) => a.start - b.start);
  for (const c of [...blockers, null]) {
    const to = c ? Math.max(at, c.start) : e.end;
    if (to - at > (best ? best[1] - best[0] : 0)) best = [at, to];
    if (c) at = Math.max(at, c.end);
  }
  if (!best) return null;
  let [a, b] = best;
  // Where the cut falls inside a word, that word belongs to the winner: keep only the whole words before it.
  if (a > e.start && isWord(text[a - 1]) && isWord(text[a])) while (a < b && isWord(text[a])) a++;
  if (b < e.end && isWord(text[b - 1]) && isWord(text[b])) while (b > a && isWord(text[b - 1])) b--;
  while (a < b && !isWord(text[a])) a++;
  while (b > a && !isWord(text[b - 1])) b--;
  if (b - a < 2) return null;
  return { ...e, start: a, end: b, text: text.slice(a, b) };
}

function resolveCluster(text: string, cluster: Entity[]): Entity[] {
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
    if (!chosen.some((c) => c.start < e.end && e.start < c.end)) {
      chosen.push(e);
      continue;
    }
    const rest = remainder(text, e, chosen);
    if (rest) chosen.push(rest);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
