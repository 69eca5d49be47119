import { acceptEnrollmentGrant, type DevicePublicKeys, KeyRing } from "@hearth/transport";
import { abortableSleep } from "../client/abortable-sleep";
import { mergeKeyRing } from "../client/key-ring-store";
import { NotFoundError } from "../errors/not-found-error";
import { OfflineError } from "../errors/offline-error";
import { RelayApi } from "../relay/relay-api";
import type { RelayConnectionOptions } from "./space-options";

/** Options of {@link joinSpace}. */
export interface JoinSpaceOptions extends RelayConnectionOptions {
  /** Only accept a grant for this space (default: the first space a grant arrives for). */
  spaceId?: string;
  /** How long to wait for the enrolling device, in milliseconds (default 5 minutes). */
  timeoutMs?: number;
  /** How often to ask the relay, in milliseconds (default 1 s). */
  pollIntervalMs?: number;
}

/** What a new device learns when it joins. */
export interface JoinedSpace {
  spaceId: string;
  keyRing: KeyRing;
  /** The device that enrolled this one. */
  enroller: DevicePublicKeys;
  /** Compare with the string the enrolling device shows. */
  shortAuthenticationString: string;
}

/**
 * The new device's side of pairing: after showing its pairing code, it waits for an enrollment grant addressed to
 * it (polling `GET /v1/devices/:device/grants`), opens it and returns the space id, the key ring (merged over every
 * grant of that space) and the short authentication string to compare. Rejects with {@link NotFoundError} after
 * `timeoutMs`, {@link OfflineError} when the signal aborts.
 */
export async function joinSpace(options: JoinSpaceOptions): Promise<JoinedSpace> {
  const api = new RelayApi(options.relayUrl, undefined, options.fetch ? { fetch: options.fetch } : {});
  const deadline = Date.now() + (options.timeoutMs ?? 5 * 60_000);
  const interval = options.pollIntervalMs ?? 1000;
  for (;;) {
    if (options.signal?.aborted) throw new OfflineError("Joining the space was cancelled.");
    let grants: { spaceId: string; grant: Uint8Array }[] = [];
    try {
      grants = await api.grantsFor(options.identity.deviceId, options.signal);
    } catch (error) {
      // The relay may be restarting; keep waiting until the deadline unless cancelled.
      if (!(error instanceof OfflineError) || options.signal?.aborted) throw error;
    }
    let joined: JoinedSpace | undefined;
    for (const { spaceId, grant } of grants) {
      if (options.spaceId !== undefined && spaceId !== options.spaceId) continue;
      if (joined && spaceId !== joined.spaceId) continue;
      let accepted: ReturnType<typeof acceptEnrollmentGrant>;
      try {
        accepted = acceptEnrollmentGrant(options.identity, grant);
      } catch {
        continue; // not for us or damaged: the relay cannot forge one that opens
      }
      if (accepted.spaceId !== spaceId) continue;
      if (!joined) {
        joined = {
          spaceId,
          keyRing: KeyRing.fromBytes(accepted.keyRing.toBytes()),
          enroller: accepted.enroller,
          shortAuthenticationString: accepted.shortAuthenticationString,
        };
      } else {
        mergeKeyRing(joined.keyRing, accepted.keyRing);
      }
    }
    if (joined) return joined;
    if (Date.now() >= deadline) {
      throw new NotFoundError(
        "No enrollment grant arrived in time: enroll this device from a device of the space with its pairing code, then try again.",
      );
    }
    await abortableSleep(Math.min(interval, Math.max(0, deadline - Date.now())), options.signal);
  }
}
