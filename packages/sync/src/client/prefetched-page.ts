import type { FetchedEntry } from "../relay/relay-api";

/** One answer of `GET entries`. */
export interface EntryPage {
  entries: FetchedEntry[];
  head: number;
}

/**
 * A page of a document's log requested before its turn, so that the request travels while the client does other
 * work (loads the directory and the key grants, or applies another document). It stands for the relay's answer
 * to "entries after `after`": the log only grows, so an answer received a little early is still a true one, and
 * it is used only while the replica's cursor is still `after`.
 */
export class PrefetchedPage {
  readonly documentId: string;
  readonly after: number;
  // Settled either way at once: a request nobody ends up reading (the pass failed, the cursor moved) must not
  // surface as an unhandled rejection.
  readonly #answer: Promise<{ page: EntryPage } | { error: unknown }>;

  constructor(documentId: string, after: number, request: Promise<EntryPage>) {
    this.documentId = documentId;
    this.after = after;
    this.#answer = request.then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
  }

  /** Whether this is the page a pull of `documentId` from cursor `after` asks for. */
  answers(documentId: string, after: number): boolean {
    return this.documentId === documentId && this.after === after;
  }

  /** The page, or the request's error as it would have been thrown by fetching now. */
  async take(): Promise<EntryPage> {
    const answer = await this.#answer;
    if ("error" in answer) throw answer.error;
    return answer.page;
  }
}
