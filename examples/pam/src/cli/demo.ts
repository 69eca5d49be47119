import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileAuditLog } from "@hearth/escalate/node";
import { createRelay } from "@hearth/relay";
import { createSpace, joinSpace } from "@hearth/sync";
import {
  createPairingCode,
  generateDeviceIdentity,
  generateRootSecret,
  parsePairingCode,
  toRecoveryPhrase,
} from "@hearth/transport";
import { dailyDigest } from "../digest/daily-digest";
import { createPamEscalator } from "../escalation/create-escalator";
import { DeviceProfile } from "../node/device-profile";
import { loadModels } from "../node/load-models";
import { openDevice } from "../node/open-device";
import { readMailPath } from "../node/read-mail-path";
import { sampleMailboxPath } from "../node/sample-mailbox";
import { processInbox } from "../process-inbox";
import { spaceKeyRing } from "../space-key-ring";
import { CATEGORY_LABELS } from "../triage/categories";
import { Triager } from "../triage/triager";
import { ProgressReporter } from "./progress-reporter";

/** Options of {@link runDemo}. */
export interface DemoOptions {
  readonly memoryBudget?: number;
  readonly mailbox?: string;
  readonly keep?: boolean;
  readonly out?: NodeJS.WriteStream;
}

/** The counts the demo ends with (also printed as one JSON line, for CI). */
export interface DemoResult {
  readonly imported: number;
  readonly problems: number;
  readonly triaged: number;
  readonly spam: number;
  readonly tasks: number;
  readonly syncedDocuments: number;
  readonly secondDeviceMessages: number;
  readonly secondDeviceTasks: number;
  readonly sameInbox: boolean;
  readonly auditRecords: number;
  readonly escalationRoute: string;
  readonly fallbacks: number;
}

/**
 * `pam demo`: an embedded relay on loopback (SQLite in a temporary folder), two devices, the zoo's models pulled
 * through @hearth/models, the sample mailbox imported, triaged and mined for tasks, synced to the second device,
 * an escalation, and the audit log. Needs no network.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const out = options.out ?? process.stdout;
  const say = (line = "") => out.write(`${line}\n`);
  const started = Date.now();
  const root = await mkdtemp(join(tmpdir(), "pam-demo-"));
  const relay = await createRelay({ dataDir: join(root, "relay"), port: 0, rateLimit: false });
  say(`PAM demo: relay on ${relay.url} (SQLite in a temporary folder)`);
  const opened: { close(): Promise<void> }[] = [];
  try {
    // Device 1: a new account. Its recovery phrase is the only way back if every device is lost.
    const rootSecret = generateRootSecret();
    const phrase = toRecoveryPhrase(rootSecret).split(" ");
    const laptopProfile = new DeviceProfile(join(root, "laptop"));
    const laptopIdentity = generateDeviceIdentity();
    await laptopProfile.saveIdentity(laptopIdentity);
    const { spaceId } = await createSpace({ relayUrl: relay.url, identity: laptopIdentity });
    await laptopProfile.saveSettings({ v: 1, relayUrl: relay.url, spaceId, deviceName: "laptop", paused: false });
    const laptop = await openDevice(laptopProfile, { keyRing: spaceKeyRing(rootSecret) });
    opened.push(laptop);
    say(
      `device 1 (laptop): space ${spaceId.slice(0, 8)}…, recovery phrase ${phrase.length} words: ${phrase.slice(0, 3).join(" ")} …`,
    );

    // Models, pulled from the zoo's local catalog into a fresh cache, verified.
    say("models (hearth/email-triage, hearth/glove-sif) from the local catalog:");
    const bars = new ProgressReporter(out);
    const models = await loadModels({
      cacheRoot: join(root, "models"),
      ...(options.memoryBudget !== undefined ? { memoryBudget: options.memoryBudget } : {}),
      onProgress: (id, p) => bars.update(id, p.loaded, p.total),
    });
    bars.stop();
    for (const note of models.notes) say(`  ${note}`);

    // Mail.
    const mailbox = options.mailbox ?? sampleMailboxPath();
    const imported = await readMailPath(mailbox);
    for (const p of imported.problems) say(`  skipped ${p.source}: ${p.message}`);
    await laptop.space.addMessages(imported.records);
    say(`imported ${imported.records.length} messages (${imported.problems.length} problems)`);

    const triager = await Triager.create({
      spam: models.spam,
      ...(models.embedder ? { embedder: models.embedder } : {}),
    });
    const report = await processInbox(laptop.space, triager);
    const messages = laptop.space.messages();
    const counts = new Map<string, number>();
    for (const m of messages) {
      const key = m.triage?.spam ? "spam" : CATEGORY_LABELS[m.triage?.category ?? "fyi"];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    say(
      `triaged ${report.triaged} (spam ${models.spam.engine === "model" ? "by hearth/email-triage" : "by rules"}, categories by ${triager.engines.categories}): ${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")}`,
    );
    say(`extracted ${laptop.space.tasks().length} tasks, e.g.:`);
    for (const t of laptop.space.tasks().slice(0, 3)) say(`  - ${t.title}${t.due ? ` (due ${t.due})` : ""}`);

    // Device 2 joins with a pairing code; both show the same six digits.
    const phoneProfile = new DeviceProfile(join(root, "phone"));
    const phoneIdentity = generateDeviceIdentity();
    await phoneProfile.saveIdentity(phoneIdentity);
    const code = createPairingCode(phoneIdentity);
    const joining = joinSpace({ relayUrl: relay.url, identity: phoneIdentity, pollIntervalMs: 100 });
    const enrolled = await laptop.client.enrollDevice(parsePairingCode(code));
    const joined = await joining;
    await phoneProfile.saveSettings({
      v: 1,
      relayUrl: relay.url,
      spaceId: joined.spaceId,
      deviceName: "phone",
      paused: false,
    });
    say(
      `device 2 (phone) paired: laptop shows ${enrolled.shortAuthenticationString}, phone shows ${joined.shortAuthenticationString}`,
    );

    await laptop.client.syncNow();
    const phone = await openDevice(phoneProfile, { keyRing: joined.keyRing });
    opened.push(phone);
    const sync = new ProgressReporter(out);
    phone.client.on("status", (s) => {
      if (s.state === "syncing") sync.update("sync", s.loaded, s.total, "entries");
    });
    await phone.client.syncNow();
    sync.stop();
    const phoneMessages = phone.space.messages();
    const same =
      JSON.stringify(phoneMessages.map((m) => [m.id, m.triage])) ===
      JSON.stringify(messages.map((m) => [m.id, m.triage]));
    const syncedDocuments = phone.client.documentIds().length;
    say(
      `phone sees ${phoneMessages.length} messages and ${phone.space.tasks().length} tasks in ${syncedDocuments} synced documents; same inbox and labels: ${same ? "yes" : "NO"}`,
    );

    // Escalation: a scheduling request with names and addresses in it.
    const audit = new FileAuditLog(join(root, "audit.jsonl"));
    const { escalator, notice } = createPamEscalator(process.env, { audit });
    say(notice);
    const ask = messages.find((m) => m.triage?.category === "action" && !m.triage.spam);
    const prompt = `Find a 45-minute slot next week to discuss "${ask?.subject ?? "the project"}" with ${ask?.fromName || ask?.from || "the sender"}: not Monday morning, only Tuesday or Thursday after 2 pm, ending before 5 pm, and draft the invitation.`;
    const result = await escalator.generate({
      conversation: "demo",
      kind: "scheduling",
      messages: [{ role: "user", content: prompt }],
    });
    say(
      `escalation of a scheduling task: route ${result.route} (${result.decision.reasons.map((r) => r.code).join(", ")})`,
    );
    if (result.text) say(`  answer: ${result.text.slice(0, 200)}`);
    const records = await audit.read();
    say(`audit log (${records.length} records):`);
    if (records.length === 0) say("  empty: nothing left this device");
    for (const r of records)
      say(
        `  ${r.time} ${r.provider}/${r.model} redacted ${r.redacted.map((e) => `${e.type}x${e.count}`).join(" ") || "nothing"}`,
      );

    say("");
    for (const line of dailyDigest(messages, laptop.space.tasks()).lines) say(line);

    const demo: DemoResult = {
      imported: imported.records.length,
      problems: imported.problems.length,
      triaged: report.triaged,
      spam: report.spam,
      tasks: laptop.space.tasks().length,
      syncedDocuments,
      secondDeviceMessages: phoneMessages.length,
      secondDeviceTasks: phone.space.tasks().length,
      sameInbox: same,
      auditRecords: records.length,
      escalationRoute: result.route,
      fallbacks: models.notes.filter((n) => n.includes("rules")).length,
    };
    await models.dispose();
    say("");
    say(`PAM_DEMO_RESULT ${JSON.stringify(demo)}`);
    say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (options.keep) say(`kept ${root}`);
    return demo;
  } finally {
    for (const o of opened.reverse()) await o.close();
    await relay.close();
    if (!options.keep) await rm(root, { recursive: true, force: true });
  }
}
