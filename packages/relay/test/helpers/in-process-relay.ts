// A relay inside the test process, on a free loopback port, over a real SQLite file in a temporary directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRelay, type Relay, type RelayLogRecord, type RelayOptions } from "../../src/index";

/** A running in-process relay, its data directory and every log record it wrote. */
export interface TestRelay {
  relay: Relay;
  url: string;
  dataDir: string;
  logs: RelayLogRecord[];
  /** Closes the relay and deletes its data directory. */
  dispose(): Promise<void>;
}

/** Starts a relay on 127.0.0.1:0 with `options` (rate limit off unless given). */
export async function startTestRelay(options: Omit<RelayOptions, "dataDir" | "store"> = {}): Promise<TestRelay> {
  const dataDir = mkdtempSync(join(tmpdir(), "hearth-relay-test-"));
  const logs: RelayLogRecord[] = [];
  const relay = await createRelay({
    rateLimit: false,
    ...options,
    dataDir,
    port: 0,
    logger: (record) => logs.push(record),
  });
  return {
    relay,
    url: relay.url,
    dataDir,
    logs,
    dispose: async () => {
      await relay.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
