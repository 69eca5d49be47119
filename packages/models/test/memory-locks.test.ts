// The in-realm locks the browser caches fall back to where the Web Locks API is missing (and that Node uses for
// blobStoreCache): one holder per name at a time, in arrival order, names independent, abort while waiting.
import { describe, expect, it } from "vitest";
import { sleep } from "../src/index";
import { memoryLocks } from "../src/web";

describe("memoryLocks", () => {
  it("runs holders of one name one at a time, in order, and different names at once", async () => {
    const locks = memoryLocks();
    const events: string[] = [];
    const job = (name: string, id: string, ms: number) =>
      locks.run(name, async () => {
        events.push(`start ${id}`);
        await sleep(ms);
        events.push(`end ${id}`);
        return id;
      });
    const results = await Promise.all([job("a", "a1", 30), job("a", "a2", 1), job("b", "b1", 5)]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(events.indexOf("end a1")).toBeLessThan(events.indexOf("start a2"));
    expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
    expect(await locks.held("a")).toBe(false);
  });

  it("releases on failure, says who holds a name, and gives up waiting on abort", async () => {
    const locks = memoryLocks();
    await expect(locks.run("x", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    let release = () => {};
    const holding = locks.run("x", () => new Promise<void>((r) => (release = r)));
    await sleep(1);
    expect(await locks.held("x")).toBe(true);
    const controller = new AbortController();
    const waiting = locks.run("x", async () => "ran", controller.signal);
    controller.abort();
    // Rejected while the holder still holds the lock: an aborted waiter does not wait for its turn.
    await expect(waiting).rejects.toMatchObject({ code: "E_ABORTED" });
    expect(await locks.held("x")).toBe(true);
    release();
    await holding;
    expect(await locks.run("x", async () => "free")).toBe("free");
    expect(await locks.held("x")).toBe(false);
  });
});
