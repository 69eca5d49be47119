/**
 * @hearth/zoo/node: where the built local catalog is, and a reader for it.
 *
 * @packageDocumentation
 */

export { catalogPath } from "./node/catalog-path";
export { type Catalog, type CatalogEntry, readCatalog } from "./node/read-catalog";
