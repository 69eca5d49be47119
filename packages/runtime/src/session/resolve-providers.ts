import { InvalidArgumentError } from "../errors/invalid-argument-error";
import type { DeviceOption, ExecutionProvider } from "../spec/execution-provider";

const KNOWN: ReadonlySet<string> = new Set([
  "cpu",
  "cuda",
  "dml",
  "coreml",
  "webgpu",
  "wasm",
  "webnn",
  "xnnpack",
  "nnapi",
]);

/** The ordered, de-duplicated provider list a `device` option asks for. */
export function resolveProviders(
  device: DeviceOption | undefined,
  auto: readonly ExecutionProvider[],
): ExecutionProvider[] {
  const requested = device === undefined || device === "auto" ? auto : typeof device === "string" ? [device] : device;
  if (requested.length === 0) throw new InvalidArgumentError("device is an empty list: name at least one provider.");
  const out: ExecutionProvider[] = [];
  for (const p of requested) {
    if (!KNOWN.has(p)) throw new InvalidArgumentError(`device names an unknown execution provider "${String(p)}".`);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
