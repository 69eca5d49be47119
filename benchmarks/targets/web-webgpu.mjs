// Chromium, headless, on onnxruntime-web's webgpu execution provider: the inference suite only, every session opened
// on webgpu alone so that a fallback to wasm fails the run instead of passing for a WebGPU figure. Chromium is first
// launched to use the machine's GPU; when it grants no adapter, again with SwiftShader (a software Vulkan in
// Chromium). The result says which adapter ran (machine.webgpu); SwiftShader's times describe a CPU emulating a GPU,
// good for checking the code path, never for judging WebGPU speed.
import { readdirSync } from "node:fs";
import { createWebTarget } from "../lib/web-target.mjs";

const WEBGPU = ["--enable-unsafe-webgpu"];

/**
 * Whether this machine shows a GPU to Chromium at all: a DRM render node or an NVIDIA device on Linux. Without one,
 * Chromium's own GPU attempt only ends in SwiftShader anyway (and may stall in its GPU process first).
 */
function hasGpuDevice() {
  if (process.platform !== "linux") return true;
  const list = (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return list("/dev/dri").some((f) => f.startsWith("renderD")) || list("/dev").some((f) => /^nvidia\d/.test(f));
}

const target = createWebTarget({
  provider: "webgpu",
  suiteNames: ["inference"],
  launches: [
    // WebGPU is behind a flag on Linux, and --disable-gpu (the usual headless flag) would hide the GPU itself.
    ...(hasGpuDevice()
      ? [{ name: "the machine's GPU", args: [...WEBGPU, "--enable-features=Vulkan"], withoutArgs: ["--disable-gpu"] }]
      : []),
    {
      name: "SwiftShader (Chromium's software GPU)",
      args: [...WEBGPU, "--enable-unsafe-swiftshader", "--use-webgpu-adapter=swiftshader"],
    },
  ],
  needsWebGpu: true,
  // On SwiftShader a call takes tens of milliseconds: a quick run takes a few samples, enough to check the path.
  quickPlan: { budgetMs: 500, warmupMs: 0, minSamples: 5, maxSamples: 5 },
});

export const { suiteNames, start, runSuite, machine, stop } = target;
