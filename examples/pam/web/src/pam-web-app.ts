import {
  CorrectionHead,
  embeddingText,
  type ImportResult,
  importIcs,
  importMbox,
  importMessages,
  ModelUnavailableError,
  NoSpaceError,
  PamSpace,
  type ProcessReport,
  ProfileError,
  processInbox,
  type SearchHit,
  SemanticIndex,
  spaceKeyRing,
  Triager,
} from "@hearth/pam";
import { createSpace, IndexedDBStorage, joinSpace, SyncClient, type SyncStatus } from "@hearth/sync";
import {
  createPairingCode,
  generateDeviceIdentity,
  generateRootSecret,
  type KeyRing,
  parsePairingCode,
  toRecoveryPhrase,
} from "@hearth/transport";
import type { BrowserModels, ModelProgress } from "./browser-models";
import { BrowserProfile, type BrowserSettings } from "./browser-profile";

/** What `pam web` tells the page (`/config.json`). */
export interface WebConfig {
  /** The relay of the CLI's profile or `--relay`, offered when this browser joins or starts a space. */
  readonly relayUrl?: string;
  /** Where the catalog's model folders are served. */
  readonly modelsUrl: string;
  /** Bytes the models may use (`pam web --memory-budget`), to see the fallbacks. */
  readonly memoryBudget?: number;
}

/** The last import: how many records came in and which could not be read. */
export interface ImportSummary {
  readonly name: string;
  readonly kind: "messages" | "events";
  readonly imported: number;
  readonly added: number;
  readonly problems: ImportResult<unknown>["problems"];
  readonly triage?: ProcessReport;
}

/**
 * PAM in a browser tab: this device's profile and sync client (IndexedDB), the space's documents, the models in a
 * worker and the triage, and every action the screens offer. Screens re-render on `onChange`.
 */
export class PamWebApp {
  readonly profile = new BrowserProfile();
  client: SyncClient | undefined;
  space: PamSpace | undefined;
  settings: BrowserSettings | undefined;
  status: SyncStatus = { state: "offline" };
  readonly models = new Map<string, ModelProgress>();
  modelNotes: readonly string[] = [];
  lastImport: ImportSummary | undefined;
  /** A message for the person: what went wrong, in words they can act on. */
  problem: string | undefined;
  busy: string | undefined;
  private loaded: Promise<BrowserModels> | undefined;
  private triager: Promise<Triager> | undefined;
  private index: SemanticIndex | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(readonly config: WebConfig) {}

  /** Opens the space this browser already joined, if any. */
  async start(): Promise<void> {
    const [identity, settings] = await Promise.all([this.profile.identity(), this.profile.settings()]);
    if (identity && settings) await this.open(settings);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  /** Founds a new space on the relay with this browser as its first device; returns the recovery phrase. */
  async createSpace(relayUrl: string): Promise<string> {
    const identity = generateDeviceIdentity();
    const rootSecret = generateRootSecret();
    const { spaceId } = await createSpace({ relayUrl, identity });
    await this.profile.saveIdentity(identity);
    await this.open({ v: 1, relayUrl, spaceId, paused: false }, spaceKeyRing(rootSecret));
    return toRecoveryPhrase(rootSecret);
  }

  /**
   * Makes this browser a new device and waits to be enrolled: show `code` to a device of the space (`pam pair
   * CODE`); `joined` resolves with the short authentication string both devices show once it has.
   */
  async beginPairing(relayUrl: string, signal?: AbortSignal): Promise<{ code: string; joined: Promise<string> }> {
    const identity = generateDeviceIdentity();
    await this.profile.saveIdentity(identity);
    const joined = (async () => {
      const space = await joinSpace({ relayUrl, identity, ...(signal ? { signal } : {}) });
      await this.open({ v: 1, relayUrl, spaceId: space.spaceId, paused: false }, space.keyRing);
      return space.shortAuthenticationString;
    })();
    return { code: createPairingCode(identity), joined };
  }

  private async open(settings: BrowserSettings, keyRing?: KeyRing): Promise<void> {
    const identity = await this.profile.identity();
    if (!identity)
      throw new ProfileError("This browser has no device identity yet: join your space or start a new one.");
    await this.profile.saveSettings(settings);
    const client = await SyncClient.open({
      relayUrl: settings.relayUrl,
      identity,
      spaceId: settings.spaceId,
      storage: new IndexedDBStorage(BrowserProfile.spaceDatabase(settings.spaceId, identity.deviceId)),
      paused: settings.paused,
      ...(keyRing ? { keyRing } : {}),
    });
    this.client = client;
    this.settings = settings;
    this.status = client.status;
    client.on("status", (status) => {
      this.status = status;
      this.emit();
    });
    this.space = await PamSpace.open(client);
    this.space.onChange(() => this.emit());
    this.emit();
    // Models load in the background: the inbox, tasks and sync work while they download. A failure is already in
    // `problem`, and the next triage or search tries again.
    this.loadModels().catch(() => undefined);
  }

  /**
   * Downloads (or finds in the cache) and opens the models; later calls share the first. If loading fails, the
   * error is shown and forgotten, so that the next call tries again.
   */
  loadModels(): Promise<BrowserModels> {
    if (this.loaded) return this.loaded;
    const loaded = import("./browser-models")
      .then(({ loadBrowserModels }) =>
        loadBrowserModels({
          modelsUrl: this.config.modelsUrl,
          ...(this.config.memoryBudget !== undefined ? { memoryBudget: this.config.memoryBudget } : {}),
          onProgress: (p) => {
            this.models.set(p.id, p);
            this.emit();
          },
        }),
      )
      .then(
        (models) => {
          this.modelNotes = models.notes;
          this.emit();
          return models;
        },
        (error: unknown) => {
          if (this.loaded === loaded) this.loaded = undefined;
          const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
          const failure = new ModelUnavailableError(
            `The models could not be loaded (${why}). Check that \`pam web\` is still running, then triage or search again to retry.`,
            { cause: error },
          );
          this.problem = failure.message;
          this.emit();
          throw failure;
        },
      );
    this.loaded = loaded;
    return loaded;
  }

  private getTriager(): Promise<Triager> {
    if (this.triager) return this.triager;
    const triager = this.loadModels()
      .then((m) => Triager.create({ spam: m.spam, ...(m.embedder ? { embedder: m.embedder } : {}) }))
      .catch((error: unknown) => {
        if (this.triager === triager) this.triager = undefined;
        throw error;
      });
    this.triager = triager;
    return triager;
  }

  private requireSpace(): PamSpace {
    if (!this.space) throw new NoSpaceError("Join your space with a pairing code, or start a new one, first.");
    return this.space;
  }

  private async run<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    this.busy = what;
    this.problem = undefined;
    this.emit();
    try {
      return await work();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      this.busy = undefined;
      this.emit();
    }
  }

  /** Imports files (mbox, .eml, .ics): every good record is kept, each bad one is listed; mail is then triaged. */
  async importFiles(files: readonly { name: string; text(): Promise<string> }[]): Promise<void> {
    await this.run("importing", async () => {
      const space = this.requireSpace();
      for (const source of files) {
        const file = { name: source.name, text: await source.text() };
        if (/\.ics$/i.test(file.name)) {
          const result = importIcs(file.text, { name: file.name });
          const added = await space.addEvents(result.records);
          this.lastImport = {
            name: file.name,
            kind: "events",
            imported: result.records.length,
            added,
            problems: result.problems,
          };
          continue;
        }
        const result = /\.eml$/i.test(file.name)
          ? await importMessages([{ name: file.name, raw: file.text }])
          : await importMbox(file.text, { name: file.name });
        const { added } = await space.addMessages(result.records);
        this.lastImport = {
          name: file.name,
          kind: "messages",
          imported: result.records.length,
          added,
          problems: result.problems,
        };
        this.busy = "triaging";
        this.emit();
        const triage = await this.triage(space);
        this.lastImport = { ...this.lastImport, triage };
      }
    });
  }

  /** Triages the inbox with the models (or the rules they fell back to) and extracts tasks. */
  triageNow(): Promise<ProcessReport | undefined> {
    return this.run("triaging", () => this.triage(this.requireSpace()));
  }

  private async triage(space: PamSpace): Promise<ProcessReport> {
    const triager = await this.getTriager();
    const saved = await this.profile.head();
    if (saved) triager.useHead(CorrectionHead.fromJSON(saved));
    const head = await triager.learn(space.messages(), space.corrections());
    if (head) await this.profile.saveHead(head.toJSON());
    return processInbox(space, triager);
  }

  async addTask(title: string, due?: string): Promise<void> {
    await this.run("saving", () => this.requireSpace().createTask(title, due ? { due } : {}));
  }

  async setDone(id: string, done: boolean): Promise<void> {
    await this.run("saving", () => this.requireSpace().updateTask(id, { done }));
  }

  async renameTask(id: string, title: string): Promise<void> {
    await this.run("saving", () => this.requireSpace().updateTask(id, { title }));
  }

  /** Semantic search over the inbox (keywords when the embedding model fell back). */
  async search(query: string): Promise<{ hits: SearchHit[]; mode: "embedding" | "keywords" } | undefined> {
    return this.run("searching", async () => {
      const space = this.requireSpace();
      const models = await this.loadModels();
      this.index ??= new SemanticIndex(models.embedder);
      await this.index.add(space.messages().map((m) => ({ id: m.id, text: embeddingText(m) })));
      return { hits: await this.index.search(query, 8), mode: this.index.mode };
    });
  }

  /** Enrolls another device into this space with its pairing code; returns the short authentication string. */
  async enroll(code: string): Promise<string | undefined> {
    return this.run("enrolling", async () => {
      const client = this.client;
      if (!client) throw new NoSpaceError("Join your space or start a new one before enrolling another device.");
      const { shortAuthenticationString } = await client.enrollDevice(parsePairingCode(code.trim()));
      await client.syncNow();
      return shortAuthenticationString;
    });
  }

  async setPaused(paused: boolean): Promise<void> {
    const client = this.client;
    const settings = this.settings;
    if (!client || !settings) return;
    await this.run(paused ? "pausing" : "resuming", async () => {
      this.settings = { ...settings, paused };
      await this.profile.saveSettings(this.settings);
      if (paused) client.pause();
      else client.resume();
    });
  }

  async syncNow(): Promise<void> {
    const client = this.client;
    if (!client) return;
    await this.run("syncing", () => client.syncNow());
  }
}
