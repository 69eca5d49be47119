import { createSpaceGenesis, KeyRing } from "@hearth/transport";
import { RelayError } from "../errors/relay-error";
import { RelayApi } from "../relay/relay-api";
import type { RelayConnectionOptions } from "./space-options";

/**
 * Founds a new space on the relay with this device as its first member: posts a signed genesis and returns the
 * space id and a fresh key ring (epoch 0). Keep both: pass them to `SyncClient.open`, which stores the ring sealed.
 */
export async function createSpace(options: RelayConnectionOptions): Promise<{ spaceId: string; keyRing: KeyRing }> {
  const { spaceId, genesis } = createSpaceGenesis(options.identity);
  const api = new RelayApi(options.relayUrl, options.identity, options.fetch ? { fetch: options.fetch } : {});
  const answered = await api.createSpace(genesis, options.signal);
  if (answered !== spaceId) {
    throw new RelayError("The relay answered another space id than the genesis derives; it is not a Hearth relay.");
  }
  return { spaceId, keyRing: KeyRing.create() };
}
