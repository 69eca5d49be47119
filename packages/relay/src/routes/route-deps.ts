import type { Compactor } from "../compactor";
import type { Ed25519Verifier } from "../crypto/ed25519-verifier";
import type { LiveHub } from "../live-hub";
import type { RelayStore } from "../store/relay-store";

/** What route handlers use. */
export interface RouteDeps {
  store: RelayStore;
  verifier: Ed25519Verifier;
  hub: LiveHub;
  compactor: Compactor;
  /** Largest envelope accepted, in bytes. */
  maxEntryBytes: number;
  /** A fetch stops adding entries past this many envelope bytes. */
  maxFetchBytes: number;
}
