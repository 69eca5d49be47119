import { generateDeviceIdentity, KeyRing } from "@hearth/transport";
import { describe, expect, it } from "vitest";
import { decodeBackup, MemoryStorage } from "../src/index";
import { offlineClient } from "./helpers/offline-client";

// scrypt at its cheapest allowed cost keeps the many damaged-backup attempts fast; one test uses the default.
const fast = { scrypt: { logN: 10, r: 8, p: 1 } };

interface Notes {
  title?: string;
  items?: string[];
  count?: number;
}

async function clientWithNotes() {
  const keyRing = KeyRing.create();
  keyRing.rotate();
  const client = await offlineClient({ keyRing });
  const notes = await client.document<Notes>("notes");
  await notes.change((d) => {
    d.title = "Groceries";
    d.items = ["milk", "bread"];
  });
  const other = await client.document<Notes>("other:doc.1");
  await other.change((d) => {
    d.count = 3;
  });
  return client;
}

describe("backups", () => {
  it("round-trips every document, the key ring and the space id", async () => {
    const client = await clientWithNotes();
    const backup = await client.exportBackup("correct horse", fast);
    expect([...backup.subarray(0, 4)]).toEqual([0x48, 0x53, 0x42, 1]);

    const contents = await decodeBackup(backup, "correct horse");
    expect(contents.spaceId).toBe("space-1");
    expect(contents.keyRing.epochs).toEqual([0, 1]);
    expect(contents.keyRing.spaceKey(1)).toEqual(client.keyRing.spaceKey(1));
    expect([...contents.documents.keys()].sort()).toEqual(["notes", "other:doc.1"]);

    // A new device of the same space, knowing only epoch 0, restores everything.
    const fresh = await offlineClient({ keyRing: KeyRing.create(client.keyRing.spaceKey(0)) });
    expect(fresh.keyRing.epochs).toEqual([0]);
    await fresh.importBackup(backup, "correct horse");
    expect(fresh.keyRing.epochs).toEqual([0, 1]);
    expect((await fresh.document<Notes>("notes")).doc()).toEqual({ title: "Groceries", items: ["milk", "bread"] });
    expect((await fresh.document<Notes>("other:doc.1")).doc()).toEqual({ count: 3 });
    expect(fresh.documentIds()).toEqual(["notes", "other:doc.1"]);
    await Promise.all([client.close(), fresh.close()]);
  });

  it("merges into existing documents instead of overwriting them", async () => {
    const client = await clientWithNotes();
    const backup = await client.exportBackup("pw", fast);
    const notes = await client.document<Notes>("notes");
    await notes.change((d) => {
      d.items?.push("eggs");
    });
    await client.importBackup(backup, "pw");
    expect(notes.doc().items).toEqual(["milk", "bread", "eggs"]);
    await client.close();
  });

  it("refuses a wrong passphrase with E_PASSPHRASE (default scrypt cost)", async () => {
    const client = await clientWithNotes();
    const backup = await client.exportBackup("right passphrase");
    await expect(decodeBackup(backup, "wrong passphrase")).rejects.toMatchObject({ code: "E_PASSPHRASE" });
    await expect(client.importBackup(backup, "wrong passphrase")).rejects.toMatchObject({ code: "E_PASSPHRASE" });
    await client.close();
  });

  it("refuses damaged, truncated or extended backups with E_BACKUP and never returns partial contents", async () => {
    const client = await clientWithNotes();
    const backup = await client.exportBackup("pw", fast);
    const positions = new Set<number>();
    for (let i = 0; i < 200; i++) positions.add(i); // magic, version, length, key file header
    for (let i = 200; i < backup.length; i += Math.max(1, Math.floor(backup.length / 150))) positions.add(i);
    positions.add(backup.length - 1);
    for (const position of positions) {
      const damaged = backup.slice();
      damaged[position] = (damaged[position] ?? 0) ^ 0x01;
      await expect(decodeBackup(damaged, "pw"), `flip at ${position}`).rejects.toMatchObject({ code: "E_BACKUP" });
    }
    for (const length of [0, 3, 4, 8, 100, backup.length - 1]) {
      await expect(decodeBackup(backup.subarray(0, length), "pw"), `cut at ${length}`).rejects.toMatchObject({
        code: "E_BACKUP",
      });
    }
    const extended = new Uint8Array(backup.length + 1);
    extended.set(backup);
    await expect(decodeBackup(extended, "pw")).rejects.toMatchObject({ code: "E_BACKUP" });
    const future = backup.slice();
    future[3] = 2;
    await expect(decodeBackup(future, "pw")).rejects.toThrow(/version 2 is not supported/);
    await client.close();
  });

  it("refuses a backup of another space with E_BACKUP", async () => {
    const client = await clientWithNotes();
    const backup = await client.exportBackup("pw", fast);
    const elsewhere = await offlineClient({ spaceId: "space-2" });
    await expect(elsewhere.importBackup(backup, "pw")).rejects.toMatchObject({ code: "E_BACKUP" });
    expect(elsewhere.documentIds()).toEqual([]);
    await Promise.all([client.close(), elsewhere.close()]);
  });

  it("exports one document as plain JSON", async () => {
    const client = await offlineClient({ storage: new MemoryStorage(), identity: generateDeviceIdentity() });
    const handle = await client.document<{ text: string; n: number; when: Date; bytes: Uint8Array }>("d");
    await handle.change((d) => {
      d.text = "héllo";
      d.n = 2;
      d.when = new Date("2024-05-01T10:00:00Z");
      d.bytes = new Uint8Array([1, 2, 3]);
    });
    const json = await client.exportJson("d");
    expect(JSON.parse(json)).toEqual({ text: "héllo", n: 2, when: "2024-05-01T10:00:00.000Z", bytes: "AQID" });
    expect(json).toContain("\n  ");
    await client.close();
  });
});
