import { ProtocolError } from "@hearth/sync/protocol";
import { ForbiddenError } from "../errors/forbidden-error";
import { TooLargeError } from "../errors/too-large-error";
import type { Route } from "../http/router";
import type { NewGrant } from "../store/relay-store";
import { checkGrant } from "./check-grant";
import { decodeBytes } from "./decode-bytes";
import type { RouteDeps } from "./route-deps";

/** Most key grants one rotation may post: one per remaining device. */
const MAX_GRANTS_PER_REQUEST = 1000;

/** Key grants after a rotation, and the grants waiting for a device. */
export function grantRoutes({ store }: RouteDeps): Route[] {
  return [
    {
      method: "GET",
      template: "/v1/devices/:device/grants",
      auth: "none",
      handle: async ({ params, log }) => {
        const grants = await store.listGrants(params.device ?? "");
        log.device = params.device;
        return {
          status: 200,
          body: {
            grants: grants.map((g) => ({ spaceId: g.spaceId, grant: Buffer.from(g.grant).toString("base64") })),
          },
        };
      },
    },
    {
      method: "POST",
      template: "/v1/spaces/:space/grants",
      auth: "space",
      handle: async ({ params, body, device, now }) => {
        const spaceId = params.space ?? "";
        if (!device) throw new ForbiddenError("This route needs an enrolled device.");
        const list = body.grants;
        if (!Array.isArray(list) || list.length === 0) {
          throw new ProtocolError("Field grants must be a non-empty array of base64 grants.");
        }
        if (list.length > MAX_GRANTS_PER_REQUEST) {
          throw new TooLargeError(`At most ${MAX_GRANTS_PER_REQUEST} grants per request; send the rest separately.`);
        }
        const grants: NewGrant[] = list.map((value, i) => {
          const field = `grants[${i}]`;
          const grant = decodeBytes(value, field);
          const info = checkGrant(grant, spaceId, device, field);
          return { spaceId, deviceId: info.device.deviceId, enrollerId: device.deviceId, grant };
        });
        await store.storeGrants(grants, now);
        return { status: 201, body: { stored: grants.length } };
      },
    },
  ];
}
