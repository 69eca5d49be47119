import { checkId } from "@hearth/sync/protocol";
import { MethodNotAllowedError } from "../errors/method-not-allowed-error";
import { NotFoundError } from "../errors/not-found-error";
import type { RelayLogRecord } from "../relay-logger";
import type { DeviceRecord } from "../store/relay-store";

/** What a route handler gets. */
export interface RequestContext {
  /** Path parameters (`space`, `doc`, `device`), already checked against the id pattern. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body of a POST; an empty object otherwise. */
  body: Record<string, unknown>;
  /** The authenticated, active device for routes with `auth: "space"`. */
  device: DeviceRecord | undefined;
  /** Relay clock at the start of the request, in milliseconds. */
  now: number;
  /** The request's log record: handlers add `entries` and `bytes`. */
  log: RelayLogRecord;
}

/** A handler's answer, sent as JSON. */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

/** One route of the API. */
export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** Path template with `:name` parameters, as in the logs. */
  template: string;
  /** "space": signed by an active device of the `:space` in the path; "none": open. */
  auth: "space" | "none";
  handle: (ctx: RequestContext) => Promise<RouteAnswer>;
}

/** A matched route and its path parameters. */
export interface RouteMatch<R> {
  route: R;
  params: Record<string, string>;
}

interface Compiled<R> {
  route: R;
  pattern: RegExp;
  names: string[];
}

/** Matches a path against route templates; 404 when no template fits, 405 when it fits with another method. */
export class Router<R extends { method: string; template: string } = Route> {
  readonly #routes: Compiled<R>[];

  constructor(routes: readonly R[]) {
    this.#routes = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split("/")
        .map((part) => {
          if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(part.slice(1));
          return "([^/]+)";
        })
        .join("/");
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** The route for `method` and `pathname`; throws `NotFoundError`, `MethodNotAllowedError` or `ProtocolError`. */
  match(method: string, pathname: string): RouteMatch<R> {
    const allowed: string[] = [];
    for (const { route, pattern, names } of this.#routes) {
      const found = pattern.exec(pathname);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = checkId(found[i + 1], name);
      });
      return { route, params };
    }
    if (allowed.length > 0) {
      throw new MethodNotAllowedError(`${method} is not allowed here; use ${allowed.join(" or ")}.`, allowed);
    }
    throw new NotFoundError(
      `No route ${method} ${pathname.slice(0, 200)} on this relay: see the API table in @hearth/relay's README.`,
    );
  }
}
