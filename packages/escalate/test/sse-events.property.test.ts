// However a server's bytes are cut into reads (inside a line ending, inside a UTF-8 code point, one byte at a
// time), the events that come out are the events of the whole body read at once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sseEvents } from "../src/providers/sse-events";

interface Sent {
  readonly event?: string;
  readonly id?: string;
  readonly data: string;
}

const eol = fc.constantFrom("\n", "\r\n", "\r");
// Data with multi-byte code points (2, 3 and 4 bytes) and characters that mean something to SSE or JSON.
const dataLine = fc
  .array(fc.constantFrom("a", "é", "日", "👩‍🔬", ":", " ", "{", '"', "\\", "[PERSON_1]", "data:", "𝄞"), {
    maxLength: 8,
  })
  .map((p) => p.join(""));
const sent = fc.record(
  {
    event: fc.constantFrom("message_start", "content_block_delta", "ping", "error"),
    id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
    data: fc.array(dataLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")),
  },
  { requiredKeys: ["data"] },
);

function encode(events: readonly Sent[], eols: readonly string[], comments: readonly boolean[]): Uint8Array {
  let text = "";
  events.forEach((e, i) => {
    const nl = eols[i % eols.length]!;
    if (comments[i % comments.length]) text += `: keep-alive${nl}`;
    if (e.event !== undefined) text += `event: ${e.event}${nl}`;
    if (e.id !== undefined) text += `id: ${e.id}${nl}`;
    for (const line of e.data.split("\n")) text += `data: ${line}${nl}`;
    text += nl;
  });
  return new TextEncoder().encode(text);
}

function bodyOf(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) chunks.push(bytes.slice(at, p));
    at = Math.max(at, p);
  }
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function read(body: ReadableStream<Uint8Array>): Promise<Sent[]> {
  const out: Sent[] = [];
  for await (const e of sseEvents(body, { idleTimeoutMs: 5_000, provider: "test" })) {
    out.push({
      ...(e.event !== undefined ? { event: e.event } : {}),
      ...(e.id !== undefined ? { id: e.id } : {}),
      data: e.data,
    });
  }
  return out;
}

describe("sseEvents under any cut of the body", () => {
  it("yields the events sent, in order, whatever the reads", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sent, { minLength: 1, maxLength: 6 }),
        fc.array(eol, { minLength: 1, maxLength: 3 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        async (events, eols, comments, cuts) => {
          // A lone "\r" followed by "\n" of the next line would read as one CRLF: keep line endings unambiguous.
          fc.pre(!(eols.includes("\r") && eols.length > 1));
          const bytes = encode(events, eols, comments);
          const whole = await read(bodyOf(bytes, []));
          expect(whole).toEqual(events.map((e) => ({ ...e })));
          expect(await read(bodyOf(bytes, cuts))).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reads a body cut into single bytes", async () => {
    const events: Sent[] = [{ event: "content_block_delta", data: '{"text":"Zoë 👩‍🔬 日本 [PERSON_1]"}' }];
    const bytes = encode(events, ["\r\n"], [true]);
    const cuts = Array.from({ length: bytes.length }, (_, i) => i);
    expect(await read(bodyOf(bytes, cuts))).toEqual(events);
  });

  it("yields a last event that lacks its blank line", async () => {
    const bytes = new TextEncoder().encode('event: ping\ndata: {}\n\nevent: message_stop\ndata: {"é":1}');
    expect(await read(bodyOf(bytes, [3, 30, 41]))).toEqual([
      { event: "ping", data: "{}" },
      { event: "message_stop", data: '{"é":1}' },
    ]);
  });
});
