import { AbortedError } from "../errors/aborted-error";
import { DisposedError } from "../errors/disposed-error";
import { InferenceError } from "../errors/inference-error";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { ModelFileMissingError } from "../errors/model-file-missing-error";
import { ModelInvalidError } from "../errors/model-invalid-error";
import { RuntimeError, type RuntimeErrorCode } from "../errors/runtime-error";
import { SchemaError } from "../errors/schema-error";
import type { PipelineTask } from "../pipelines/pipeline";

/** What an isolated worker runs: a pipeline task, or a raw session fed tensors. */
export type IsolatedTask = PipelineTask | "session";

/** Which model a call is for; the worker keeps loaded models by this key. */
export interface ModelSpec {
  readonly task: IsolatedTask;
  /** A folder path (Node) or base URL (web). */
  readonly folder: string;
  /** createSession / pipeline options (plain data only: no functions, signals or backends). */
  readonly options: Readonly<Record<string, unknown>>;
}

/** Host -> worker. */
export type HostMessage =
  | {
      readonly type: "call";
      readonly id: number;
      readonly spec: ModelSpec;
      readonly method: string;
      readonly args: unknown[];
    }
  | { readonly type: "abort"; readonly id: number }
  | { readonly type: "memory" };

/** An error as it crosses the boundary. */
export interface WireError {
  readonly code: string;
  readonly name: string;
  readonly message: string;
  readonly file?: string;
}

/** Worker -> host. */
export type WorkerMessage =
  | { readonly type: "ready" }
  | { readonly type: "result"; readonly id: number; readonly value: unknown }
  | { readonly type: "chunk"; readonly id: number; readonly value: unknown }
  | { readonly type: "error"; readonly id: number; readonly error: WireError }
  | { readonly type: "memory"; readonly bytes: number };

/** Flattens an error for postMessage / IPC. */
export function toWireError(error: unknown): WireError {
  if (error instanceof RuntimeError) {
    return {
      code: error.code,
      name: error.name,
      message: error.message,
      ...("file" in error && typeof error.file === "string" ? { file: error.file } : {}),
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { code: "E_INFERENCE", name: e.name, message: e.message };
}

/** Rebuilds the typed error a worker threw, so callers can branch on the same classes and codes in the host. */
export function fromWireError(wire: WireError): RuntimeError {
  let error: RuntimeError;
  switch (wire.code as RuntimeErrorCode) {
    case "E_MODEL_INVALID":
      error = new ModelInvalidError(wire.file ?? "", wire.message);
      break;
    case "E_MODEL_MISSING":
      error = new ModelFileMissingError(wire.file ?? "", "");
      break;
    case "E_ABORTED":
      error = new AbortedError(wire.message);
      break;
    case "E_ARGUMENT":
      error = new InvalidArgumentError(wire.message);
      break;
    case "E_SCHEMA":
      error = new SchemaError("", wire.message);
      break;
    case "E_DISPOSED":
      error = new DisposedError("worker");
      break;
    case "E_NO_PROVIDER":
    case "E_WORKER_MEMORY":
    case "E_WORKER_CRASHED":
      error = new RuntimeError(wire.code as RuntimeErrorCode, wire.message);
      break;
    default:
      error = new InferenceError(wire.message);
  }
  error.message = wire.message;
  return error;
}
