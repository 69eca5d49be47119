import { RELAY_API_VERSION } from "@hearth/sync/protocol";
import type { Route } from "../http/router";
import { RELAY_VERSION } from "../relay-version";

/** `GET /health`: `{ ok: true, version, relay }` (API version and relay release). */
export function healthRoutes(): Route[] {
  return [
    {
      method: "GET",
      template: "/health",
      auth: "none",
      handle: async () => ({ status: 200, body: { ok: true, version: RELAY_API_VERSION, relay: RELAY_VERSION } }),
    },
  ];
}
