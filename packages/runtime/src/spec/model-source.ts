/**
 * Where a model folder's files come from: a directory (Node), a base URL (web), or bytes in memory. Paths are
 * relative to the folder, with forward slashes (`config.json`, `onnx/model.onnx`).
 */
export interface ModelSource {
  /** Says where a file is, for error messages (a path or URL; never file contents). */
  describe(path: string): string;
  /** Whether the file exists. Cheap: no download. */
  exists(path: string, signal?: AbortSignal): Promise<boolean>;
  /** The file's bytes; throws ModelFileMissingError when it is not there. */
  read(path: string, signal?: AbortSignal): Promise<Uint8Array>;
}
