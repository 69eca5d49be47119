// The behaviour every StorageAdapter must have, as one suite run against each adapter (Node and Chromium).
import { expect, it } from "vitest";
import type { StorageAdapter } from "../../src/index";

const bytes = (...values: number[]) => new Uint8Array(values);

export function storageContract(make: () => Promise<StorageAdapter> | StorageAdapter): void {
  it("loads what it saved, and undefined for what it never saved", async () => {
    const storage = await make();
    expect(await storage.load(["a"])).toBeUndefined();
    await storage.save(["a"], bytes(1, 2, 3));
    await storage.save(["a", "b"], bytes(4));
    expect(await storage.load(["a"])).toEqual(bytes(1, 2, 3));
    expect(await storage.load(["a", "b"])).toEqual(bytes(4));
    expect(await storage.load(["a", "c"])).toBeUndefined();
  });

  it("replaces a value and stores a copy, not the caller's buffer", async () => {
    const storage = await make();
    const data = bytes(1, 2, 3);
    await storage.save(["k"], data);
    data[0] = 99;
    expect(await storage.load(["k"])).toEqual(bytes(1, 2, 3));
    await storage.save(["k"], bytes(7));
    expect(await storage.load(["k"])).toEqual(bytes(7));
    await storage.save(["k"], new Uint8Array());
    expect(await storage.load(["k"])).toEqual(new Uint8Array());
  });

  it("removes a key and ignores removing a missing one", async () => {
    const storage = await make();
    await storage.save(["x", "1"], bytes(1));
    await storage.remove(["x", "1"]);
    await storage.remove(["x", "2"]);
    expect(await storage.load(["x", "1"])).toBeUndefined();
  });

  it("loads and removes ranges by prefix, segment by segment (not by string prefix)", async () => {
    const storage = await make();
    await storage.save(["docs", "a"], bytes(0));
    await storage.save(["docs", "a", "1"], bytes(1));
    await storage.save(["docs", "a", "2", "x"], bytes(2));
    await storage.save(["docs", "ab", "1"], bytes(3));
    await storage.save(["other"], bytes(4));
    const range = await storage.loadRange(["docs", "a"]);
    const keys = range.map((c) => JSON.stringify(c.key)).sort();
    expect(keys).toEqual([`["docs","a","1"]`, `["docs","a","2","x"]`, `["docs","a"]`].sort());
    expect(range.find((c) => c.key.join("/") === "docs/a/2/x")?.data).toEqual(bytes(2));
    expect((await storage.loadRange([])).length).toBe(5);
    await storage.removeRange(["docs", "a"]);
    expect(await storage.loadRange(["docs", "a"])).toEqual([]);
    expect(await storage.load(["docs", "ab", "1"])).toEqual(bytes(3));
    expect(await storage.load(["other"])).toEqual(bytes(4));
    await storage.removeRange([]);
    expect(await storage.loadRange([])).toEqual([]);
  });

  it("keeps keys apart that differ only in case, punctuation or path-like characters", async () => {
    const storage = await make();
    const keys = [
      ["Doc"],
      ["doc"],
      ["DOC"],
      [".."],
      ["."],
      ["a/b"],
      ["a", "b"],
      ["a\\b"],
      ["%41"],
      ["A"],
      ["é"],
      ["e\u0301"],
    ];
    for (const [i, key] of keys.entries()) await storage.save(key, bytes(i));
    for (const [i, key] of keys.entries()) expect(await storage.load(key)).toEqual(bytes(i));
    const all = await storage.loadRange([]);
    expect(all.length).toBe(keys.length);
  });

  it("accepts long segments and refuses malformed keys with E_STORAGE", async () => {
    const storage = await make();
    const long = "Z".repeat(256);
    await storage.save([long, long], bytes(5));
    expect(await storage.load([long, long])).toEqual(bytes(5));
    expect((await storage.loadRange([long])).map((c) => c.key)).toEqual([[long, long]]);
    for (const bad of [[], [""], ["a", ""], ["x".repeat(257)], Array(17).fill("a")]) {
      await expect(storage.save(bad, bytes(1))).rejects.toMatchObject({ code: "E_STORAGE" });
    }
  });
}
