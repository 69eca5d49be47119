import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base";

const base = packageBuild({
  index: "src/index.ts",
  node: "src/node.ts",
  web: "src/web.ts",
  "react-native": "src/react-native.ts",
  "node-worker": "src/node/node-worker-main.ts",
  "web-worker": "src/web/web-worker-main.ts",
});

export default defineConfig({
  ...base,
  // Shared chunks, so every entry sees one copy of the error classes (instanceof works across entries).
  splitting: true,
  // Declarations of the Node entries need Node's types; `pnpm typecheck` keeps browser code free of them.
  dts: { compilerOptions: { ignoreDeprecations: "6.0", types: ["node"] } },
});
