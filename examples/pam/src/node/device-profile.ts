import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { type DeviceIdentity, deviceIdentityFromBytes, deviceIdentityToBytes } from "@hearth/transport";
import { ProfileError } from "../errors/profile-error";

/** What a device remembers about its PAM space (profile.json). */
export interface ProfileSettings {
  readonly v: 1;
  readonly relayUrl: string;
  readonly spaceId: string;
  readonly deviceName: string;
  /** `pam sync pause` sets it; every command then opens sync paused until `pam sync resume`. */
  readonly paused: boolean;
}

/** The profile folder: `PAM_HOME`, else `~/.pam`. */
export function defaultProfileDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAM_HOME ?? join(homedir(), ".pam");
}

/**
 * A device's PAM profile on disk: its identity (mode 0600), the space settings, the sync storage folder, the
 * audit log, and the correction head (which never leaves the device).
 */
export class DeviceProfile {
  constructor(readonly dir: string) {}

  get storageDir(): string {
    return join(this.dir, "storage");
  }

  get auditPath(): string {
    return join(this.dir, "audit.jsonl");
  }

  /** Escalations waiting for a cloud model (in clear, so 0600 like the identity). */
  get queuePath(): string {
    return join(this.dir, "escalation-queue.json");
  }

  get headPath(): string {
    return join(this.dir, "correction-head.json");
  }

  get modelCache(): string {
    return join(this.dir, "models");
  }

  private async writeAtomic(name: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = join(this.dir, `.${name}.tmp`);
    await writeFile(tmp, data, { mode });
    await rename(tmp, join(this.dir, name));
  }

  async saveIdentity(identity: DeviceIdentity): Promise<void> {
    await this.writeAtomic("identity.key", deviceIdentityToBytes(identity));
  }

  async loadIdentity(): Promise<DeviceIdentity> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(join(this.dir, "identity.key")));
    } catch (cause) {
      throw new ProfileError(`No PAM device here (${this.dir}): run pam init, or pam pair to join a space.`, { cause });
    }
    try {
      return deviceIdentityFromBytes(bytes);
    } catch (cause) {
      throw new ProfileError("This device's identity file is damaged: pair the device again.", { cause });
    }
  }

  async saveSettings(settings: ProfileSettings): Promise<void> {
    await this.writeAtomic("profile.json", `${JSON.stringify(settings, null, 2)}\n`);
  }

  async loadSettings(): Promise<ProfileSettings> {
    let text: string;
    try {
      text = await readFile(join(this.dir, "profile.json"), "utf8");
    } catch (cause) {
      throw new ProfileError(`No PAM space on this device (${this.dir}): run pam init or pam pair.`, { cause });
    }
    const s = JSON.parse(text) as Partial<ProfileSettings>;
    if (s.v !== 1 || typeof s.relayUrl !== "string" || typeof s.spaceId !== "string")
      throw new ProfileError("profile.json is damaged or from a newer PAM: run pam init again in an empty PAM_HOME.");
    return { v: 1, relayUrl: s.relayUrl, spaceId: s.spaceId, deviceName: s.deviceName ?? "device", paused: !!s.paused };
  }

  async saveHead(json: unknown): Promise<void> {
    await this.writeAtomic("correction-head.json", JSON.stringify(json));
  }

  async loadHead(): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.headPath, "utf8")) as unknown;
    } catch {
      return undefined;
    }
  }
}
