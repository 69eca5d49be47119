import type { DeviceRecord, RelayApi } from "../relay/relay-api";

/**
 * The devices of a space as the relay lists them, cached: whose signatures entries may carry. Refreshed on
 * connect and when an entry names a device not in the cache.
 */
export class DeviceDirectory {
  readonly #api: RelayApi;
  readonly #spaceId: string;
  #devices = new Map<string, DeviceRecord>();
  #refreshedAt = 0;

  constructor(api: RelayApi, spaceId: string) {
    this.#api = api;
    this.#spaceId = spaceId;
  }

  get(deviceId: string): DeviceRecord | undefined {
    return this.#devices.get(deviceId);
  }

  /** Every device ever enrolled, removed ones included. */
  all(): DeviceRecord[] {
    return [...this.#devices.values()];
  }

  /** Devices not removed. */
  active(): DeviceRecord[] {
    return this.all().filter((d) => !d.removed);
  }

  /** When the list was last fetched (ms since 1970), 0 if never. */
  get refreshedAt(): number {
    return this.#refreshedAt;
  }

  async refresh(signal?: AbortSignal): Promise<void> {
    const devices = await this.#api.devices(this.#spaceId, signal);
    this.#devices = new Map(devices.map((d) => [d.deviceId, d]));
    this.#refreshedAt = Date.now();
  }
}
