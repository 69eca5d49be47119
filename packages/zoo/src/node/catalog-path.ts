import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the local catalog this package's build wrote (`dist/catalog`: catalog.json plus one folder per
 * model), for @hearth/models to serve models from offline.
 */
export function catalogPath(): string {
  // This module is bundled into dist/node.js, so the catalog sits beside it.
  return join(dirname(fileURLToPath(import.meta.url)), "catalog");
}
