import { RelayError } from "../errors/relay-error";
import { relayOrigin } from "./relay-http";

/**
 * One relay URL, or several relay processes that serve the same spaces from one shared database: any of them
 * answers any request, so a client that loses one carries on with the next.
 */
export type RelayUrls = string | readonly string[];

/**
 * The relays a client may talk to, and which one it talks to now. Requests go to the current relay; when it does
 * not answer (no connection, a gateway error, a relay shutting down) the client moves on to the next, round robin,
 * so that a dead or restarting relay costs one failed attempt rather than every retry until it is back.
 */
export class RelayEndpoints {
  readonly origins: readonly string[];
  #current = 0;

  /** Checks every URL; throws {@link RelayError} for an empty list or a URL that is not http(s). */
  constructor(urls: RelayUrls) {
    const list = typeof urls === "string" ? [urls] : [...urls];
    if (list.length === 0) throw new RelayError("Give at least one relay URL.");
    this.origins = [...new Set(list.map(relayOrigin))];
  }

  /** The relay requests go to now. */
  get origin(): string {
    return this.origins[this.#current] as string;
  }

  /** `origin` did not answer: later requests go to the next relay (unless another failure already moved on). */
  failed(origin: string): void {
    if (this.origins.length > 1 && this.origin === origin) this.#current = (this.#current + 1) % this.origins.length;
  }
}
