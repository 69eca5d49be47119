import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base";

const base = packageBuild({
  index: "src/index.ts",
  node: "src/node.ts",
  web: "src/web.ts",
  quantize: "src/quantize.ts",
  cli: "src/cli/hearth-models.ts",
});

// The ./node entry and the CLI use Node's APIs, so their declarations need Node's types; `pnpm typecheck` still
// checks the browser entries without them (tsconfig.json has "types": []).
export default defineConfig({
  ...base,
  dts: { compilerOptions: { ignoreDeprecations: "6.0", types: ["node"] } },
});
