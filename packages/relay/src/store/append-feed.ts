import type { StoredEntry } from "@hearth/sync/protocol";

/** Entries another relay process appended, named by ids and positions only (never content). */
export interface AppendNotice {
  spaceId: string;
  documentId: string;
  /** First and last position appended, inclusive. */
  first: number;
  last: number;
}

/**
 * How a store shared by several relay processes tells each of them about the others' appends, so that every
 * process can push them to its own live connections. A store only one process uses has none.
 */
export interface AppendFeed {
  /** Calls `listener` for every append another process commits from now on; returns a function that stops it. */
  watch(listener: (notice: AppendNotice) => void): () => void;
  /** The entries a notice names (those still held: compaction may have dropped some), in position order. */
  read(notice: AppendNotice): Promise<StoredEntry[]>;
}
