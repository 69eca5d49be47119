import pg from "pg";
import type { RelayLogger } from "../../relay-logger";
import type { AppendNotice } from "../append-feed";

/** The channel appends are announced on. */
export const APPEND_CHANNEL = "hearth_relay_appends";

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 10_000;

/** What travels in a notification: ids and positions, and which relay process sent it. Never content. */
export interface AppendPayload extends AppendNotice {
  /** The sending process's random id, so that it skips its own announcements. */
  origin: string;
}

/** The NOTIFY payload of an append. */
export function encodeAppendPayload(payload: AppendPayload): string {
  return JSON.stringify({
    o: payload.origin,
    s: payload.spaceId,
    d: payload.documentId,
    f: payload.first,
    l: payload.last,
  });
}

/** Parses a payload; undefined for anything that is not one (another program may use the channel). */
export function decodeAppendPayload(text: string): AppendPayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const v = value as { o?: unknown; s?: unknown; d?: unknown; f?: unknown; l?: unknown } | null;
  if (
    typeof v?.o !== "string" ||
    typeof v.s !== "string" ||
    typeof v.d !== "string" ||
    !Number.isSafeInteger(v.f) ||
    !Number.isSafeInteger(v.l) ||
    (v.f as number) < 1 ||
    (v.l as number) < (v.f as number)
  ) {
    return undefined;
  }
  return { origin: v.o, spaceId: v.s, documentId: v.d, first: v.f as number, last: v.l as number };
}

/**
 * One dedicated connection that LISTENs for appends of other relay processes. A pooled connection cannot listen
 * (it goes back to the pool between queries). When the connection drops it reconnects with backoff; what was
 * announced meanwhile is not pushed, which clients notice (a push that does not follow their cursor, or their
 * periodic sync) and fetch.
 */
export class AppendListener {
  readonly #config: pg.ClientConfig;
  readonly #origin: string;
  readonly #logger: RelayLogger;
  readonly #listeners = new Set<(notice: AppendNotice) => void>();
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #failures = 0;
  #closed = false;

  constructor(config: pg.ClientConfig, origin: string, logger: RelayLogger) {
    this.#config = config;
    this.#origin = origin;
    this.#logger = logger;
  }

  /** Connects and listens; rejects when the first connection fails (later ones are retried). */
  start(): Promise<void> {
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  watch(listener: (notice: AppendNotice) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #connect(): Promise<void> {
    const client = new pg.Client(this.#config);
    client.on("notification", (message) => {
      if (message.channel !== APPEND_CHANNEL || !message.payload) return;
      const payload = decodeAppendPayload(message.payload);
      if (!payload || payload.origin === this.#origin) return;
      const { origin: _origin, ...notice } = payload;
      for (const listener of this.#listeners) listener(notice);
    });
    client.on("error", (error) => {
      this.#logger({ level: "warn", msg: "notification connection lost", error: String(error) });
    });
    client.on("end", () => {
      if (this.#client === client) this.#client = undefined;
      this.#scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${APPEND_CHANNEL}`);
    if (this.#closed) {
      await client.end();
      return;
    }
    this.#client = client;
    this.#failures = 0;
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#timer) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** this.#failures++);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#connect().then(
        () => this.#logger({ level: "info", msg: "notification connection restored" }),
        (error: unknown) => {
          this.#logger({ level: "warn", msg: "notification connection failed", error: String(error) });
          this.#scheduleReconnect();
        },
      );
    }, delay);
    this.#timer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#listeners.clear();
    await this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
