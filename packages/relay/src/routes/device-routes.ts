import { ForbiddenError } from "../errors/forbidden-error";
import type { Route } from "../http/router";
import type { DeviceRecord } from "../store/relay-store";
import { checkGrant } from "./check-grant";
import { decodeBytes } from "./decode-bytes";
import type { RouteDeps } from "./route-deps";

/** WebSocket close code for a device removed from the space while connected (policy violation). */
const CLOSE_REMOVED = 1008;

function publicDevice(device: DeviceRecord) {
  return {
    deviceId: device.deviceId,
    signingPublicKey: Buffer.from(device.signingPublicKey).toString("base64"),
    agreementPublicKey: Buffer.from(device.agreementPublicKey).toString("base64"),
    enrolledBy: device.enrolledBy,
    removed: device.removedAt !== null,
  };
}

/** Listing, enrolling and removing the devices of a space. */
export function deviceRoutes({ store, hub }: RouteDeps): Route[] {
  return [
    {
      method: "GET",
      template: "/v1/spaces/:space/devices",
      auth: "space",
      handle: async ({ params }) => ({
        status: 200,
        body: { devices: (await store.listDevices(params.space ?? "")).map(publicDevice) },
      }),
    },
    {
      method: "POST",
      template: "/v1/spaces/:space/devices",
      auth: "space",
      handle: async ({ params, body, device, now }) => {
        const spaceId = params.space ?? "";
        if (!device) throw new ForbiddenError("This route needs an enrolled device.");
        const grant = decodeBytes(body.grant, "grant");
        const info = checkGrant(grant, spaceId, device, "grant");
        const outcome = await store.addDevice(
          { spaceId, device: info.device, enrolledBy: device.deviceId, grant },
          now,
        );
        return { status: outcome === "added" ? 201 : 200, body: { deviceId: info.device.deviceId } };
      },
    },
    {
      method: "DELETE",
      template: "/v1/spaces/:space/devices/:device",
      auth: "space",
      handle: async ({ params, device, now }) => {
        const spaceId = params.space ?? "";
        const target = params.device ?? "";
        if (!device) throw new ForbiddenError("This route needs an enrolled device.");
        await store.removeDevice(spaceId, target, device.deviceId, now);
        hub.disconnectDevice(spaceId, target, CLOSE_REMOVED, "device removed from the space");
        return { status: 200, body: { deviceId: target, removed: true } };
      },
    },
  ];
}
