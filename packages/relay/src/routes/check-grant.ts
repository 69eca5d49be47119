import { ProtocolError } from "@hearth/sync/protocol";
import { type EnrollmentGrantInfo, verifyEnrollmentGrant } from "@hearth/transport";
import { ForbiddenError } from "../errors/forbidden-error";
import type { DeviceRecord } from "../store/relay-store";

/**
 * Checks a grant as the relay can without opening it: well formed, signed by its enroller, for this space, and
 * signed by the device making the request. Shared by enrollment and key-rotation grants.
 */
export function checkGrant(
  grant: Uint8Array,
  spaceId: string,
  signer: DeviceRecord,
  field: string,
): EnrollmentGrantInfo {
  let info: EnrollmentGrantInfo;
  try {
    info = verifyEnrollmentGrant(grant);
  } catch (error) {
    throw new ProtocolError(`Field ${field} is not a valid, signed enrollment grant (createEnrollmentGrant).`, {
      cause: error,
    });
  }
  if (info.spaceId !== spaceId) {
    throw new ProtocolError(`Field ${field} is a grant for another space; post it to that space.`);
  }
  if (info.enroller.deviceId !== signer.deviceId) {
    throw new ForbiddenError(
      `Field ${field} is signed by device ${info.enroller.deviceId}, not by the requesting device.`,
    );
  }
  return info;
}
