// The relay is blind: after two devices sync documents full of distinctive plaintext (names, sentences, non-ASCII
// UTF-8, JSON keys), including a compaction snapshot, no file in the relay's data directory (relay.sqlite, its WAL
// and shared memory, anything else) and no line it logged contains any of those strings, as UTF-8 or UTF-16LE.
// On PostgreSQL the files scanned are every file of the database cluster (tables, indexes, TOAST, the WAL),
// after a checkpoint has written out what the server held in memory.
// The scan is shown to work: it finds a string planted in a control file in the same directory, and it finds every
// string in the device's own storage folder, where documents are kept as plain Automerge (so the relay would show
// them too if entries were not sealed).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FileStorage } from "@hearth/sync/node";
import { afterAll, describe, expect, it } from "vitest";
import { postgresCluster, testStoreKind, withDatabase } from "../helpers/test-store";
import {
  cleanUp,
  enrollNewDevice,
  fileStorage,
  founder,
  openClient,
  plain,
  type RelayProcess,
  settle,
  startRelayProcess,
} from "./sync-harness";

const relays: RelayProcess[] = [];
afterAll(async () => {
  for (const relay of relays) await relay.kill("SIGKILL");
  cleanUp();
});

// Values (each sent in its own small change, so Automerge stores it as is) and keys of the documents.
const SECRETS = [
  "Ingrid Þórðardóttir-Vasquez",
  "Bartholomew Quillfeather",
  "The quarterly budget review moves to the lighthouse on Thursday",
  "Grüße aus Köln: naïve café crème brûlée",
  "東京タワーで待ち合わせ",
  "Пароль от сейфа: журавль",
  "🦊 fox emoji secret 🔐",
];
const KEYS = ["medicalHistoryNotes", "secretRecipeIngredients", "ÜberGeheimerSchlüssel"];

interface Needle {
  text: string;
  encoding: "utf8" | "utf16le";
  bytes: Buffer;
}

const needles: Needle[] = [...SECRETS, ...KEYS].flatMap((text) =>
  (["utf8", "utf16le"] as const).map((encoding) => ({ text, encoding, bytes: Buffer.from(text, encoding) })),
);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every file the store wrote: the relay's data directory, or the whole PostgreSQL cluster after a checkpoint. */
async function storeFiles(relay: RelayProcess): Promise<string[]> {
  if (testStoreKind === "sqlite") return filesUnder(relay.dataDir);
  const cluster = postgresCluster();
  await withDatabase(cluster.url, (db) => db.query("CHECKPOINT"));
  return filesUnder(cluster.dataDir);
}

function count(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** Every (file, string, encoding) that occurs, with how often. */
function scan(files: string[]): string[] {
  const hits: string[] = [];
  for (const file of files) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      // PostgreSQL recycles WAL segments and removes temporary files while it runs.
      continue;
    }
    for (const needle of needles) {
      const n = count(data, needle.bytes);
      if (n > 0) hits.push(`${file}: ${JSON.stringify(needle.text)} as ${needle.encoding} x${n}`);
    }
  }
  return hits;
}

describe("relay blindness", () => {
  it("keeps no plaintext and no document key in any file or log line", { timeout: 60_000 }, async () => {
    const args = ["--rate", "0", "--retention-days", "0"];
    let relay = await startRelayProcess({ args });
    relays.push(relay);
    const { url, port, dataDir } = relay;
    const aDevice = await founder(url, fileStorage());
    const a = await openClient(url, aDevice);
    const b = await openClient(url, await enrollNewDevice(url, aDevice));

    const journal = await a.document<Record<string, unknown>>("journal");
    await journal.change((d) => {
      d.people = [];
    });
    for (const [i, secret] of SECRETS.entries()) {
      await journal.change((d) => {
        (d.people as string[]).push(secret);
      });
      await journal.change((d) => {
        d[KEYS[i % KEYS.length] as string] = secret;
      });
    }
    await settle([a, b]);
    const notes = await b.document<Record<string, unknown>>("notes");
    await notes.change((d) => {
      d.text = SECRETS[2];
      for (const key of KEYS) d[key] = SECRETS[3];
    });
    await settle([a, b]);
    await a.compact("journal");
    await b.compact("notes");
    await settle([a, b]);
    // The sync really carried the strings.
    expect(plain(await b.document("journal"))).toEqual(plain(journal));
    expect(plain(await a.document("notes"))).toEqual(plain(notes));
    expect(JSON.stringify(plain(journal))).toContain(SECRETS[4]);
    await Promise.all([a.close(), b.close()]);

    // The device's own folder holds the documents as plain Automerge: the scan finds every string (UTF-8) there.
    const deviceFiles = filesUnder((aDevice.storage as FileStorage).directory);
    const deviceHits = scan(deviceFiles).join("\n");
    for (const text of [...SECRETS, ...KEYS]) expect(deviceHits).toContain(JSON.stringify(text));

    // Killed first, so the WAL and shared-memory files are still there with whatever was last written.
    await relay.kill("SIGKILL");
    const control = join(dataDir, "control.bin");
    writeFileSync(control, Buffer.concat([Buffer.from("padding "), Buffer.from(SECRETS[0] as string, "utf16le")]));
    const afterKill = await storeFiles(relay);
    if (testStoreKind === "sqlite") {
      expect(afterKill.map((f) => f.slice(dataDir.length + 1))).toEqual(
        expect.arrayContaining(["relay.sqlite", "relay.sqlite-wal", "control.bin"]),
      );
    } else {
      // Tables and the WAL are there to be scanned, and they hold the relay's data (its space id).
      expect(afterKill.some((f) => f.includes("/pg_wal/"))).toBe(true);
      expect(afterKill.filter((f) => f.includes("/base/")).length).toBeGreaterThan(100);
      const holders = afterKill.filter((f) => {
        try {
          return readFileSync(f).includes(Buffer.from(aDevice.spaceId));
        } catch {
          return false;
        }
      });
      expect(holders.length).toBeGreaterThan(0);
    }
    expect(scan([control])).toEqual([`${control}: ${JSON.stringify(SECRETS[0])} as utf16le x1`]);
    expect(scan(afterKill.filter((f) => f !== control))).toEqual([]);

    // Restarted and stopped gracefully: the WAL is checkpointed into the database; still nothing.
    relay = await startRelayProcess({ dataDir, args: [...args, "--port", String(port)] });
    relays.push(relay);
    await relay.stop();
    const afterStop = (await storeFiles(relay)).filter((f) => f !== control);
    if (testStoreKind === "sqlite") {
      expect(afterStop.some((f) => f.endsWith("relay.sqlite") && statSync(f).size > 0)).toBe(true);
    }
    expect(scan(afterStop)).toEqual([]);

    // Nor in what it printed.
    const logs = JSON.stringify([...(relays[0] as RelayProcess).logs, ...relay.logs]);
    expect(logs.length).toBeGreaterThan(1000);
    for (const needle of needles) expect(logs.includes(needle.text), needle.text).toBe(false);
  });
});
