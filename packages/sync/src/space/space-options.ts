import type { DeviceIdentity } from "@hearth/transport";
import type { RelayUrls } from "../relay/relay-endpoints";
import type { FetchLike } from "../relay/relay-http";

/** What every space operation needs: where the relay is and who this device is. */
export interface RelayConnectionOptions {
  /**
   * The relay's URL (`http(s)://host:port`), or the URLs of several relay processes over one shared database: the
   * first is used, and the next whenever one does not answer.
   */
  relayUrl: RelayUrls;
  /** This device's identity; requests are signed with it. */
  identity: DeviceIdentity;
  /** A `fetch` to use instead of the platform's. */
  fetch?: FetchLike;
  signal?: AbortSignal;
}
