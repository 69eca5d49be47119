import { ProtocolError } from "@hearth/sync/protocol";
import { verifySpaceGenesis } from "@hearth/transport";
import type { Route } from "../http/router";
import { decodeBytes } from "./decode-bytes";
import type { RouteDeps } from "./route-deps";

/** `POST /v1/spaces`: founds a space from a signed genesis; 201 when new, 200 when the same genesis came before. */
export function spaceRoutes({ store }: RouteDeps): Route[] {
  return [
    {
      method: "POST",
      template: "/v1/spaces",
      auth: "none",
      handle: async ({ body, now, log }) => {
        const genesis = decodeBytes(body.genesis, "genesis");
        let space: ReturnType<typeof verifySpaceGenesis>;
        try {
          space = verifySpaceGenesis(genesis);
        } catch (error) {
          throw new ProtocolError("Field genesis is not a valid, signed space genesis (createSpaceGenesis).", {
            cause: error,
          });
        }
        log.space = space.spaceId;
        log.device = space.founder.deviceId;
        const outcome = await store.createSpace({ spaceId: space.spaceId, genesis, founder: space.founder }, now);
        return { status: outcome === "created" ? 201 : 200, body: { spaceId: space.spaceId } };
      },
    },
  ];
}
