import type { ZooModelId } from "../model-ids";

/** One weight format of a built model, as the manifest lists it. */
export interface BuiltVariant {
  readonly name: "fp32" | "int8";
  /** Path of its ONNX file inside the model folder. */
  readonly file: string;
  /** Execution providers it is meant for. */
  readonly providers: readonly string[];
  /** Memory a session needs beyond the file itself (activations, arena), in bytes. */
  readonly workingMemory: number;
}

/** A model built in memory, ready to be written as a folder in the Hugging Face / Optimum layout. */
export interface ModelBuild {
  readonly id: ZooModelId;
  readonly revision: string;
  /** SPDX expression of the weights' license. */
  readonly license: string;
  readonly task: "classify" | "embed" | "generate";
  /** Every file by its path in the folder (the card goes in as README.md). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly variants: readonly BuiltVariant[];
  /** Paths of the tokenizer files among `files`. */
  readonly tokenizer: readonly string[];
  /** Measured quality, as the card states it (name -> number). */
  readonly metrics: Readonly<Record<string, number>>;
}

const encoder = new TextEncoder();

/** JSON as the zoo writes it: two-space indented, keys in insertion order, a trailing newline. */
export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** UTF-8 bytes of a text file. */
export function textBytes(text: string): Uint8Array {
  return encoder.encode(text);
}
