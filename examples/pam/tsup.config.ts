import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base";

const build = packageBuild({ index: "src/index.ts", node: "src/node.ts", cli: "src/cli.ts" });

// The ./node entry and the CLI use Node's APIs, so their declarations need Node's types; `pnpm typecheck` still
// checks the browser entry without them (tsconfig.json has "types": []).
export default defineConfig({
  ...build,
  dts: { compilerOptions: { ignoreDeprecations: "6.0", types: ["node"] } },
});
