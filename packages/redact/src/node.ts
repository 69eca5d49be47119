/**
 * @hearth/redact/node: vault files on disk. The CLI (`hearth-redact`) is built on these.
 *
 * @packageDocumentation
 */
export { readVaultFile, writeVaultFile } from "./node/vault-file";
