import { defineConfig } from "tsup";
import { packageBuild } from "../../tsup.base";

const build = packageBuild({ index: "src/index.ts", node: "src/node.ts", "build-catalog": "src/cli/build-catalog.ts" });

// The ./node entry and the build CLI use Node's APIs, so their declarations need Node's types; `pnpm typecheck`
// still checks the browser entry without them (tsconfig.json has "types": []). The shims give the CJS build an
// import.meta.url, which catalogPath() resolves the catalog from. The build CLI runs only inside this workspace,
// where its build-time dependencies (devDependencies) are installed, so they stay external rather than bundled.
export default defineConfig({
  ...build,
  shims: true,
  external: ["onnx-proto", "cli-progress", "@huggingface/tokenizers"],
  dts: { compilerOptions: { ignoreDeprecations: "6.0", types: ["node"] } },
});
