// Random schedules of what a server does to a resumed download (drops the connection, ignores the Range, answers
// 416 or 503, sends wrong or extra bytes) against a partial file on disk that may hold a prefix, an older copy or
// too much. Whatever happens, a wrong byte is never installed, a failure is a typed error that leaves nothing
// installed, and a schedule of only retryable trouble within the retry budget ends with the right file.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { downloadFile } from "../src/download/download-file";
import { HttpError } from "../src/errors/http-error";
import { ModelsError } from "../src/errors/models-error";
import { filePartial } from "../src/node/file-partial";
import { nodeSha256 } from "../src/node/node-sha256";
import type { FileBody } from "../src/spec/model-source";

const RETRIES = 4;

/** What the server does on one request; once the schedule runs out it answers correctly. */
type Step =
  | { kind: "cut"; after: number } // honours the Range, drops the connection after `after` bytes
  | { kind: "ignore-range"; cutAfter: number | null } // sends from byte 0, maybe dropping
  | { kind: "status"; status: 416 | 503 | 404 }
  | { kind: "corrupt"; at: number; cutAfter: number | null } // flips one byte of what it sends
  | { kind: "extra" } // sends the file plus trailing bytes
  | { kind: "wrong-length" }; // announces a length the manifest does not name

const RETRYABLE = new Set(["cut", "ignore-range"]);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("cut" as const), after: fc.nat(3000) }),
  fc.record({ kind: fc.constant("ignore-range" as const), cutAfter: fc.option(fc.nat(3000)) }),
  fc.record({
    kind: fc.constant("status" as const),
    status: fc.constantFrom(416 as const, 503 as const, 404 as const),
  }),
  fc.record({ kind: fc.constant("corrupt" as const), at: fc.nat(3000), cutAfter: fc.option(fc.nat(3000)) }),
  fc.record({ kind: fc.constant("extra" as const) }),
  fc.record({ kind: fc.constant("wrong-length" as const) }),
);

/** What the partial file holds before the pull starts. */
type Start = { kind: "empty" } | { kind: "prefix"; n: number } | { kind: "older"; n: number } | { kind: "too-long" };
const start: fc.Arbitrary<Start> = fc.oneof(
  fc.constant({ kind: "empty" as const }),
  fc.record({ kind: fc.constant("prefix" as const), n: fc.nat(3000) }),
  fc.record({ kind: fc.constant("older" as const), n: fc.integer({ min: 1, max: 3000 }) }),
  fc.constant({ kind: "too-long" as const }),
);

function body(bytes: Uint8Array, offset: number, chunk: number, failAfter: number | null, length?: number): FileBody {
  let cancelled = false;
  return {
    offset,
    ...(length !== undefined ? { length } : {}),
    chunks: (async function* () {
      let sent = 0;
      for (let at = 0; at < bytes.length && !cancelled; at += chunk) {
        const piece = bytes.slice(at, Math.min(bytes.length, at + chunk));
        if (failAfter !== null && sent + piece.length > failAfter) {
          if (failAfter > sent) yield piece.slice(0, failAfter - sent);
          throw new TypeError("terminated");
        }
        sent += piece.length;
        yield piece;
      }
      if (failAfter !== null && failAfter >= sent) throw new TypeError("terminated");
    })(),
    cancel() {
      cancelled = true;
    },
  };
}

function serve(file: Uint8Array, schedule: readonly Step[], chunk: number) {
  let request = 0;
  return async (offset: number): Promise<FileBody> => {
    const s = schedule[request++];
    const rest = file.slice(offset);
    if (!s) return body(rest, offset, chunk, null, rest.length);
    switch (s.kind) {
      case "cut":
        return body(rest, offset, chunk, Math.min(s.after, Math.max(0, rest.length - 1)), rest.length);
      case "ignore-range":
        return body(file, 0, chunk, s.cutAfter === null ? null : Math.min(s.cutAfter, file.length - 1), file.length);
      case "status":
        throw new HttpError(`status ${s.status}`, { status: s.status, url: "test", retryable: s.status === 503 });
      case "corrupt": {
        const bad = rest.slice();
        if (bad.length > 0) bad[s.at % bad.length]! ^= 0x5a;
        return body(bad, offset, chunk, s.cutAfter === null ? null : Math.min(s.cutAfter, bad.length), bad.length);
      }
      case "extra": {
        const more = new Uint8Array(rest.length + 7);
        more.set(rest);
        return body(more, offset, chunk, null);
      }
      case "wrong-length":
        return body(rest, offset, chunk, null, rest.length + 1);
    }
  };
}

const root = mkdtempSync(join(tmpdir(), "hearth-download-prop-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let run = 0;

describe("downloadFile under random server schedules", () => {
  it("installs exactly the manifest's bytes or nothing, with a typed error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 4000 }),
        start,
        fc.array(step, { maxLength: 6 }),
        fc.integer({ min: 1, max: 1500 }),
        async (file, begin, schedule, chunk) => {
          const dir = join(root, String(run++));
          const tmp = join(dir, "model.onnx.part");
          const dest = join(dir, "model.onnx");
          const sha256 = createHash("sha256").update(file).digest("hex");
          const partial = filePartial(tmp, dest);
          if (begin.kind === "prefix") {
            const n = Math.min(begin.n, file.length);
            if (n > 0) await partial.append(file.slice(0, n));
          } else if (begin.kind === "older") {
            const old = file.slice(0, Math.min(begin.n, file.length));
            old[0]! ^= 0xff;
            await partial.append(old);
          } else if (begin.kind === "too-long") {
            await partial.append(new Uint8Array(file.length + 3));
          }
          await partial.close?.();

          const open = serve(file, schedule, chunk);
          let error: unknown;
          try {
            await downloadFile({
              file: { path: "model.onnx", size: file.length, sha256 },
              label: "prop",
              open: (offset) => open(offset),
              partial,
              hasher: nodeSha256,
              retries: RETRIES,
              backoffMs: 0,
              maxBackoffMs: 0,
            });
          } catch (e) {
            error = e;
          }

          if (error === undefined) {
            expect(Buffer.from(readFileSync(dest)).equals(Buffer.from(file))).toBe(true);
            expect(existsSync(tmp)).toBe(false);
          } else {
            expect(error).toBeInstanceOf(ModelsError);
            expect(existsSync(dest)).toBe(false);
          }
          // Only retryable trouble, fewer times than the budget: the pull must end with the file.
          const onlyRetryable = schedule.every(
            (s) => RETRYABLE.has(s.kind) || (s.kind === "status" && s.status !== 404),
          );
          if (onlyRetryable && schedule.length <= RETRIES) expect(error).toBeUndefined();
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("leaves a resumable prefix after the connection drops and retries run out", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 2, maxLength: 4000 }),
        fc.array(fc.nat(3000), { minLength: RETRIES + 1, maxLength: RETRIES + 1 }),
        async (file, cuts) => {
          const dir = join(root, String(run++));
          const tmp = join(dir, "model.onnx.part");
          const dest = join(dir, "model.onnx");
          const sha256 = createHash("sha256").update(file).digest("hex");
          const schedule: Step[] = cuts.map((after) => ({ kind: "cut", after }));
          const open = serve(file, schedule, 256);
          const options = {
            file: { path: "model.onnx", size: file.length, sha256 },
            label: "prop",
            open: (offset: number) => open(offset),
            partial: filePartial(tmp, dest),
            hasher: nodeSha256,
            retries: RETRIES,
            backoffMs: 0,
            maxBackoffMs: 0,
          };
          await expect(downloadFile(options)).rejects.toMatchObject({ code: "E_NETWORK" });
          expect(existsSync(dest)).toBe(false);
          const kept = existsSync(tmp) ? readFileSync(tmp) : Buffer.alloc(0);
          expect(kept.length).toBeLessThan(file.length);
          expect(kept.equals(Buffer.from(file.slice(0, kept.length)))).toBe(true);
          // The next pull (the server now answers) resumes from the kept prefix and installs the file.
          const asked: number[] = [];
          await downloadFile({
            ...options,
            partial: filePartial(tmp, dest),
            open: (offset: number) => {
              asked.push(offset);
              return serve(file, [], 256)(offset);
            },
          });
          expect(asked).toEqual([kept.length]);
          expect(Buffer.from(readFileSync(dest)).equals(Buffer.from(file))).toBe(true);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 60 },
    );
  });
});

// Guards the property above against vacuity: the schedule helper really drops, corrupts and over-sends.
it("the scripted server misbehaves as described", async () => {
  const file = new Uint8Array([1, 2, 3, 4, 5, 6]);
  const read = async (b: FileBody) => {
    const out: number[] = [];
    try {
      for await (const c of b.chunks) out.push(...c);
    } catch {
      out.push(-1);
    }
    return out;
  };
  const open = serve(
    file,
    [
      { kind: "cut", after: 2 },
      { kind: "corrupt", at: 0, cutAfter: null },
      { kind: "extra" },
      { kind: "ignore-range", cutAfter: null },
    ],
    4,
  );
  expect(await read(await open(1))).toEqual([2, 3, -1]);
  expect(await read(await open(4))).toEqual([5 ^ 0x5a, 6]);
  expect((await read(await open(0))).length).toBe(13);
  const whole = await open(3);
  expect(whole.offset).toBe(0);
  expect(await read(whole)).toEqual([1, 2, 3, 4, 5, 6]);
});
