// The folder of an installed package, for data a package keeps beside its code (corpora, fixtures) rather than in
// its exports. Workspace packages are linked, so this is their folder in the repository.
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);

export function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}
