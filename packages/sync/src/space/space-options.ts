import type { DeviceIdentity } from "@hearth/transport";
import type { FetchLike } from "../relay/relay-http";

/** What every space operation needs: where the relay is and who this device is. */
export interface RelayConnectionOptions {
  /** The relay's URL (`http(s)://host:port`). */
  relayUrl: string;
  /** This device's identity; requests are signed with it. */
  identity: DeviceIdentity;
  /** A `fetch` to use instead of the platform's. */
  fetch?: FetchLike;
  signal?: AbortSignal;
}
