import * as Automerge from "@automerge/automerge";
import type { DocumentReplica } from "./document-replica";

/** A change to a document, as {@link DocHandle.on} reports it. */
export interface DocChangeEvent<T> {
  documentId: string;
  /** The document after the change. */
  doc: Automerge.Doc<T>;
  /** `local`: made through this handle; `remote`: arrived from another device. */
  source: "local" | "remote";
}

/**
 * One synced Automerge document (like automerge-repo's DocHandle). Read with {@link doc}, write with
 * {@link change}, follow with `on("change")`. Changes are persisted locally, then sealed and sent in batches.
 */
export class DocHandle<T> {
  readonly documentId: string;
  readonly #replica: DocumentReplica;
  readonly #onLocalChange: () => void;

  /** @internal Use `SyncClient.document()`. */
  constructor(replica: DocumentReplica, onLocalChange: () => void) {
    this.documentId = replica.documentId;
    this.#replica = replica;
    this.#onLocalChange = onLocalChange;
  }

  /** The current document. Automerge documents are immutable: read it again after a change. */
  doc(): Automerge.Doc<T> {
    return this.#replica.doc as Automerge.Doc<T>;
  }

  /**
   * Applies `fn` to the document at once (so {@link doc} and change listeners see it immediately), and resolves
   * once the change is in local storage: a crash after the promise resolves loses nothing. Sending happens in
   * the background (batched, through the offline queue). A change that changes nothing resolves at once.
   */
  change(fn: Automerge.ChangeFn<T>, message?: string): Promise<void> {
    const before = this.#replica.doc as Automerge.Doc<T>;
    const after = message === undefined ? Automerge.change(before, fn) : Automerge.change(before, { message }, fn);
    if (after === before) return Promise.resolve();
    this.#replica.setLocal(after as Automerge.Doc<unknown>);
    this.#onLocalChange();
    return this.#replica.lock.run(() => this.#replica.persist());
  }

  /** Calls `listener` after every change, local or remote; returns a function that stops it. */
  on(event: "change", listener: (event: DocChangeEvent<T>) => void): () => void {
    return this.#replica.events.on(event, ({ doc, source }) =>
      listener({ documentId: this.documentId, doc: doc as Automerge.Doc<T>, source }),
    );
  }
}
