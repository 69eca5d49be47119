import { IndexedDBStorage } from "@hearth/sync";
import { type DeviceIdentity, deviceIdentityFromBytes, deviceIdentityToBytes } from "@hearth/transport";

/** What this browser remembers about its PAM space. */
export interface BrowserSettings {
  readonly v: 1;
  readonly relayUrl: string;
  readonly spaceId: string;
  /** Pause survives a reload: edits stay queued in IndexedDB until the person resumes. */
  readonly paused: boolean;
}

const text = new TextEncoder();
const fromText = new TextDecoder();

/**
 * The browser device's profile in IndexedDB (its own database, apart from the space's documents): the device
 * identity, the space settings and the correction head, which never leaves this browser.
 */
export class BrowserProfile {
  private readonly store = new IndexedDBStorage("pam-profile");

  async identity(): Promise<DeviceIdentity | undefined> {
    const bytes = await this.store.load(["identity"]);
    return bytes ? deviceIdentityFromBytes(bytes) : undefined;
  }

  async saveIdentity(identity: DeviceIdentity): Promise<void> {
    await this.store.save(["identity"], deviceIdentityToBytes(identity));
  }

  async settings(): Promise<BrowserSettings | undefined> {
    const bytes = await this.store.load(["settings"]);
    if (!bytes) return undefined;
    const s = JSON.parse(fromText.decode(bytes)) as Partial<BrowserSettings>;
    if (s.v !== 1 || typeof s.relayUrl !== "string" || typeof s.spaceId !== "string") return undefined;
    return { v: 1, relayUrl: s.relayUrl, spaceId: s.spaceId, paused: !!s.paused };
  }

  async saveSettings(settings: BrowserSettings): Promise<void> {
    await this.store.save(["settings"], text.encode(JSON.stringify(settings)));
  }

  async head(): Promise<unknown> {
    const bytes = await this.store.load(["correction-head"]);
    return bytes ? (JSON.parse(fromText.decode(bytes)) as unknown) : undefined;
  }

  async saveHead(json: unknown): Promise<void> {
    await this.store.save(["correction-head"], text.encode(JSON.stringify(json)));
  }

  /** The name of the IndexedDB database that holds one space's documents on this device. */
  static spaceDatabase(spaceId: string, deviceId: string): string {
    return `pam-space-${spaceId}-${deviceId}`;
  }
}
