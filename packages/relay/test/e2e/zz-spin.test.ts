import { expect, it } from "vitest";
import { founder, openClient, startRelayProcess } from "./sync-harness";
it("spin", async () => {
  const relay = await startRelayProcess({ args: ["--rate", "0"] });
  const a = await openClient(relay.url, await founder(relay.url));
  await a.syncNow();
  const pending = a.syncNow().catch((e) => e);
  a.pause();
  await new Promise((r) => setTimeout(r, 200));
  expect((await pending).code).toBe("E_OFFLINE");
  await a.close();
  await relay.stop();
});
