/**
 * @hearth/sync/node: what only runs in Node (file system storage).
 *
 * @packageDocumentation
 */
export { escapeSegment } from "./node/escape-segment";
export { FileStorage } from "./node/file-storage";
