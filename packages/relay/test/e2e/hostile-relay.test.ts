// A hostile relay (a man in the middle rewriting the real relay's answers and pushes, see hostile-proxy.ts) cannot
// make a device apply an entry twice, apply an entry to the wrong document, or accept a tampered or spliced entry:
// those are rejected and reported with E_VERIFY, authentic-but-repeated ones are not, and once the proxy turns
// honest both devices converge with every change exactly once.
import type { DocHandle, SyncClient, SyncError } from "@hearth/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Automerge from "./automerge";
import { type HostileMode, HostileProxy } from "./hostile-proxy";
import {
  cleanUp,
  enrollNewDevice,
  errorsOf,
  founder,
  openClient,
  plain,
  type RelayProcess,
  settle,
  startRelayProcess,
} from "./sync-harness";

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelayProcess({ args: ["--rate", "0", "--log-level", "warn"] });
});
afterAll(async () => {
  await relay?.stop();
  cleanUp();
});

const DOCS = ["x", "y"] as const;
const ROUNDS = 4;

/** Each change pushes one item and increments the counter once: in any state, hits === items.length. */
interface Tally {
  items: string[];
  hits: Automerge.Counter;
}

/** Problems seen in a device's documents at any moment, not just at the end. */
function watch(handle: DocHandle<Tally>, documentId: string, violations: string[]): void {
  handle.on("change", ({ doc }) => {
    const items = doc.items ?? [];
    if (new Set(items).size !== items.length) violations.push(`${documentId}: an item appears twice`);
    const foreign = items.filter((item) => !item.startsWith(`${documentId}-`));
    if (foreign.length > 0) violations.push(`${documentId}: holds ${foreign.join(", ")}`);
    if (doc.hits && doc.hits.value !== items.length) {
      violations.push(`${documentId}: counter ${doc.hits.value} for ${items.length} items`);
    }
  });
}

async function write(handle: DocHandle<Tally>, item: string): Promise<void> {
  await handle.change((d) => {
    d.items.push(item);
    d.hits.increment(1);
  });
}

/** The codes a device's syncNow may fail with while the proxy lies: entries withheld (gap) or unreadable. */
async function syncThroughLies(client: SyncClient, failures: string[]): Promise<void> {
  try {
    await client.syncNow();
  } catch (error) {
    failures.push((error as SyncError).code);
  }
}

const TAMPERING: HostileMode[] = ["splice-entry", "splice-answer", "seq", "epoch", "kind", "flip"];
const REPEATING: HostileMode[] = ["duplicate", "reorder", "replay"];

describe("a hostile relay", () => {
  it.each([...REPEATING, ...TAMPERING])(
    "%s: nothing applied twice or elsewhere; converges once honest",
    async (mode) => {
      const proxy = await HostileProxy.start(relay.url);
      const aDevice = await founder(relay.url);
      const a = await openClient(relay.url, aDevice);
      // B talks to the relay only through the proxy, over HTTP and the live WebSocket.
      const b = await openClient(proxy.url, await enrollNewDevice(relay.url, aDevice));
      const problems = errorsOf(b);
      const aProblems = errorsOf(a);
      const violations: string[] = [];
      try {
        const onA = new Map<string, DocHandle<Tally>>();
        const onB = new Map<string, DocHandle<Tally>>();
        for (const id of DOCS) {
          const handle = await a.document<Tally>(id);
          await handle.change((d) => {
            d.items = [];
            d.hits = new Automerge.Counter(0);
          });
          onA.set(id, handle);
          const mirror = await b.document<Tally>(id);
          watch(mirror, id, violations);
          onB.set(id, mirror);
        }
        await settle([a, b]);

        proxy.mode = mode;
        const failures: string[] = [];
        const expected = new Map<string, string[]>(DOCS.map((id) => [id, []]));
        for (let round = 0; round < ROUNDS; round++) {
          // A writes to both documents (the same number of entries, so entries of x and y share (device, seq) pairs
          // a splice can swap); B reads through the proxy, by push and by fetch, and writes too.
          for (const id of DOCS) {
            for (let i = 0; i < 2; i++) {
              const item = `${id}-a${round}.${i}`;
              await write(onA.get(id) as DocHandle<Tally>, item);
              expected.get(id)?.push(item);
              await a.flush();
            }
          }
          await a.syncNow();
          await syncThroughLies(b, failures);
          const item = `x-b${round}`;
          await write(onB.get("x") as DocHandle<Tally>, item);
          expected.get("x")?.push(item);
          await syncThroughLies(b, failures);
        }

        // The proxy really lied, and the device said so exactly when entries were forged.
        expect(proxy.stats.rewritten).toBeGreaterThan(0);
        const verifyErrors = problems.filter((p) => p.code === "E_VERIFY");
        if (TAMPERING.includes(mode)) {
          expect(proxy.stats.forged).toBeGreaterThan(0);
          expect(verifyErrors.length).toBeGreaterThan(0);
        } else {
          if (mode !== "reorder") expect(proxy.stats.repeated).toBeGreaterThan(0);
          expect(verifyErrors.map((e) => e.message)).toEqual([]);
          expect(failures).toEqual([]);
        }
        expect(problems.every((p) => p.code === "E_VERIFY" || p.code === "E_GAP")).toBe(true);

        proxy.mode = "honest";
        await settle([a, b]);
        for (const id of DOCS) {
          const mine = onA.get(id) as DocHandle<Tally>;
          const theirs = onB.get(id) as DocHandle<Tally>;
          expect(plain(theirs)).toEqual(plain(mine));
          expect([...Automerge.getHeads(theirs.doc())].sort()).toEqual([...Automerge.getHeads(mine.doc())].sort());
          expect([...theirs.doc().items].sort()).toEqual([...(expected.get(id) ?? [])].sort());
          expect(theirs.doc().hits.value).toBe(expected.get(id)?.length);
        }
        // Each device applied each of the other's entries exactly once.
        expect(b.stats.entriesApplied).toBe(a.stats.entriesSent);
        expect(a.stats.entriesApplied).toBe(b.stats.entriesSent);
        expect(violations).toEqual([]);
        expect(aProblems).toEqual([]);
      } finally {
        await Promise.all([a.close(), b.close()]);
        await proxy.close();
      }
    },
  );
});
