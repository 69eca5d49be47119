import type { ManifestFile, ModelManifest } from "./manifest";

/** A readable body of one file, starting at `offset` (a server may ignore a Range and start at 0). */
export interface FileBody {
  /** Where in the file the body starts. */
  readonly offset: number;
  /** How many bytes the body says it holds, when it says. */
  readonly length?: number;
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Releases the connection or file handle early. */
  cancel(): void;
}

/** Options of a manifest lookup. */
export interface ManifestRequest {
  readonly revision?: string;
  readonly signal?: AbortSignal;
}

/**
 * Where models come from: a hub (`{base}/{id}/resolve/{revision}/{path}`), a plain HTTP(S) base, a local folder or
 * a local catalog. Sources only read; the cache verifies everything they return.
 */
export interface ModelSource {
  /** A short label for messages, e.g. `hub https://host` or `folder /models`. */
  readonly name: string;
  /** Whether the source opens network connections: offline mode never asks such a source anything. */
  readonly remote: boolean;
  /** The manifest of `id` at `revision` (the source's default revision when absent). */
  manifest(id: string, request?: ManifestRequest): Promise<ModelManifest>;
  /** Opens `file` from byte `offset`, for a resumed download. */
  open(manifest: ModelManifest, file: ManifestFile, offset: number, signal: AbortSignal): Promise<FileBody>;
}
