import { readFile, writeFile } from "node:fs/promises";
import { createSpace, joinSpace } from "@hearth/sync";
import {
  createPairingCode,
  fromRecoveryPhrase,
  generateDeviceIdentity,
  generateRootSecret,
  parsePairingCode,
  toRecoveryPhrase,
} from "@hearth/transport";
import { Command, Option } from "commander";
import { importIcs } from "../calendar/import-ics";
import { dailyDigest } from "../digest/daily-digest";
import { DOCUMENT_IDS } from "../documents/document-shapes";
import { InvalidArgumentError } from "../errors/invalid-argument-error";
import { DeviceProfile, defaultProfileDir } from "../node/device-profile";
import { openDevice } from "../node/open-device";
import { readMailPath } from "../node/read-mail-path";
import { SemanticIndex } from "../search/semantic-index";
import { spaceKeyRing } from "../space-key-ring";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../triage/categories";
import { embeddingText } from "../triage/message-text";
import { ProgressReporter } from "./progress-reporter";

const say = (line = "") => process.stdout.write(`${line}\n`);

// Heavy modules (onnxruntime, the redactor's dictionaries, the relay's SQLite) load only for the commands that
// use them, so `pam tasks` or `pam sync now` start quickly.
const lazy = {
  audit: () => import("@hearth/escalate/node"),
  escalation: () => import("../escalation/create-escalator"),
  models: () => import("../node/load-models"),
  process: () => import("../process-inbox"),
  replies: () => import("../replies/quick-replies"),
  demo: () => import("./demo"),
  web: () => import("./web-server"),
  triager: () => import("../triage/triager"),
  head: () => import("../triage/correction-head"),
  queue: () => import("../node/file-task-queue"),
};

function parseBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|kib|mib|gib)?$/i.exec(text.trim());
  if (!m) throw new InvalidArgumentError(`"${text}" is not a size; write e.g. 30MB or 2GiB.`);
  const unit = (m[2] ?? "b").toLowerCase();
  const scale = unit.startsWith("k") ? 2 ** 10 : unit.startsWith("m") ? 2 ** 20 : unit.startsWith("g") ? 2 ** 30 : 1;
  return Math.round(Number(m[1]) * scale);
}

/** Runs the `pam` command line; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command("pam")
    .description("PAM, the Personal AI Manager: your mail, tasks and calendar, understood on your devices.")
    .option("--home <dir>", "the device profile folder (default: PAM_HOME or ~/.pam)")
    .showHelpAfterError();
  const profile = () => new DeviceProfile(program.opts<{ home?: string }>().home ?? defaultProfileDir());
  let exit = 0;

  const withModels = async (memoryBudget?: string) => {
    const p = profile();
    const bars = new ProgressReporter(process.stderr);
    const { loadModels } = await lazy.models();
    const models = await loadModels({
      cacheRoot: p.modelCache,
      ...(memoryBudget ? { memoryBudget: parseBytes(memoryBudget) } : {}),
      onProgress: (id, pr) => bars.update(id, pr.loaded, pr.total),
    });
    bars.stop();
    for (const note of models.notes) if (note.includes("rules")) process.stderr.write(`pam: ${note}\n`);
    return models;
  };

  program
    .command("demo")
    .description("the whole of PAM on this machine: relay, two devices, models, triage, tasks, sync, audit (offline)")
    .option(
      "--memory-budget <size>",
      "pretend the device has only this much for models (e.g. 30MB) to see the fallbacks",
    )
    .option("--mailbox <path>", "an mbox, .eml or Maildir instead of the bundled sample")
    .option("--keep", "keep the temporary folder")
    .action(async (o: { memoryBudget?: string; mailbox?: string; keep?: boolean }) => {
      const { runDemo } = await lazy.demo();
      const result = await runDemo({
        ...(o.memoryBudget ? { memoryBudget: parseBytes(o.memoryBudget) } : {}),
        ...(o.mailbox ? { mailbox: o.mailbox } : {}),
        ...(o.keep ? { keep: true } : {}),
      });
      if (!result.sameInbox) exit = 1;
    });

  program
    .command("web")
    .description("serve the web app (inbox, tasks, search, sync, models in the browser) on loopback")
    .option("--port <port>", "the port (0: any free one)", "5178")
    .option("--host <host>", "the address to listen on", "127.0.0.1")
    .option("--relay <url>", "the relay the app offers (default: this device's relay, if it has a profile)")
    .option("--memory-budget <size>", "memory the app's models may use (e.g. 30MB) to see the fallbacks")
    .action(async (o: { port: string; host: string; relay?: string; memoryBudget?: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InvalidArgumentError(`"${o.port}" is not a port number.`);
      const relayUrl =
        o.relay ??
        (await profile()
          .loadSettings()
          .then(
            (s) => s.relayUrl,
            () => undefined,
          ));
      const { startWebServer } = await lazy.web();
      const server = await startWebServer({
        port,
        host: o.host,
        ...(relayUrl ? { relayUrl } : {}),
        ...(o.memoryBudget ? { memoryBudget: parseBytes(o.memoryBudget) } : {}),
      });
      say(`PAM web on ${server.url}${relayUrl ? ` (relay ${relayUrl})` : ""}`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void server.close().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });

  program
    .command("init")
    .description("create this device's keys and a new space on a relay; prints the recovery phrase")
    .requiredOption("--relay <url>", "the relay's URL")
    .option("--name <name>", "this device's name", "device")
    .option("--recover <phrase>", "recreate the space key from a recovery phrase instead of a new account")
    .action(async (o: { relay: string; name: string; recover?: string }) => {
      const p = profile();
      const rootSecret = o.recover ? fromRecoveryPhrase(o.recover) : generateRootSecret();
      const identity = generateDeviceIdentity();
      const { spaceId } = await createSpace({ relayUrl: o.relay, identity });
      await p.saveIdentity(identity);
      await p.saveSettings({ v: 1, relayUrl: o.relay, spaceId, deviceName: o.name, paused: false });
      const device = await openDevice(p, { keyRing: spaceKeyRing(rootSecret) });
      await device.close();
      say(`space ${spaceId} created on ${o.relay}; device ${identity.deviceId}`);
      if (!o.recover) {
        say("recovery phrase (write it down; it is shown once):");
        say(`  ${toRecoveryPhrase(rootSecret)}`);
      }
    });

  program
    .command("pair [code]")
    .description("without a code: show this new device's pairing code and wait; with a code: enroll that device")
    .option("--relay <url>", "the relay's URL (on the new device)")
    .option("--timeout <seconds>", "how long the new device waits", "300")
    .action(async (code: string | undefined, o: { relay?: string; timeout: string }) => {
      const p = profile();
      if (code) {
        const device = await openDevice(p);
        const { shortAuthenticationString } = await device.client.enrollDevice(parsePairingCode(code));
        // Send what this device still holds in its queue, so the new device finds the whole space when it joins.
        await device.client.syncNow();
        await device.close();
        say(`enrolled; check that the other device shows ${shortAuthenticationString}`);
        return;
      }
      if (!o.relay) throw new InvalidArgumentError("The new device needs --relay <url>.");
      const identity = generateDeviceIdentity();
      await p.saveIdentity(identity);
      say(`pairing code: ${createPairingCode(identity)}`);
      say("on a device already in the space run: pam pair <code>");
      const joined = await joinSpace({ relayUrl: o.relay, identity, timeoutMs: Number(o.timeout) * 1000 });
      await p.saveSettings({ v: 1, relayUrl: o.relay, spaceId: joined.spaceId, deviceName: "device", paused: false });
      const device = await openDevice(p, { keyRing: joined.keyRing });
      await device.client.syncNow();
      await device.close();
      say(`joined space ${joined.spaceId}; short authentication string ${joined.shortAuthenticationString}`);
    });

  const sync = program.command("sync").description("sync status and controls");
  sync
    .command("status")
    .description("what this device holds and whether sync is paused")
    .action(async () => {
      const p = profile();
      const settings = await p.loadSettings();
      const device = await openDevice(p, { paused: true });
      say(`relay ${settings.relayUrl}, space ${settings.spaceId}, ${settings.paused ? "paused" : "active"}`);
      say(`documents: ${device.client.documentIds().join(", ") || "none"}`);
      say(
        `inbox ${device.space.messages().length}, tasks ${device.space.tasks().length}, events ${device.space.events().length}`,
      );
      await device.close();
    });
  sync
    .command("now")
    .description("send and fetch everything now")
    .action(async () => {
      const p = profile();
      if ((await p.loadSettings()).paused) throw new InvalidArgumentError("Sync is paused: run pam sync resume first.");
      const device = await openDevice(p);
      const bars = new ProgressReporter();
      device.client.on("status", (s) => {
        if (s.state === "syncing") bars.update("sync", s.loaded, s.total, "entries");
      });
      await device.client.syncNow();
      bars.stop();
      say(`synced: inbox ${device.space.messages().length}, tasks ${device.space.tasks().length}`);
      await device.close();
    });
  for (const [name, paused] of [
    ["pause", true],
    ["resume", false],
  ] as const) {
    sync
      .command(name)
      .description(paused ? "stop talking to the relay (edits stay queued on this device)" : "talk to the relay again")
      .action(async () => {
        const p = profile();
        await p.saveSettings({ ...(await p.loadSettings()), paused });
        say(`sync ${paused ? "paused" : "resumed"}`);
      });
  }

  program
    .command("import <path>")
    .description("import mail (mbox, .eml, Maildir), a calendar (.ics), or an encrypted backup (.pam)")
    .option("--passphrase <text>", "the backup's passphrase")
    .action(async (path: string, o: { passphrase?: string }) => {
      const device = await openDevice(profile());
      try {
        if (/\.pam$/i.test(path)) {
          if (!o.passphrase) throw new InvalidArgumentError("A backup needs --passphrase.");
          const { documents } = await device.client.importBackup(new Uint8Array(await readFile(path)), o.passphrase);
          say(`restored ${documents} documents`);
          return;
        }
        const result = /\.ics$/i.test(path)
          ? importIcs(await readFile(path, "utf8"), { name: path })
          : await readMailPath(path);
        for (const problem of result.problems)
          process.stderr.write(`pam: skipped ${problem.source}: ${problem.message}\n`);
        if (/\.ics$/i.test(path)) {
          const added = await device.space.addEvents(result.records as Parameters<typeof device.space.addEvents>[0]);
          say(`imported ${result.records.length} events (${added} new), ${result.problems.length} problems`);
        } else {
          const { added } = await device.space.addMessages(
            result.records as Parameters<typeof device.space.addMessages>[0],
          );
          say(`imported ${result.records.length} messages (${added} new), ${result.problems.length} problems`);
        }
        if (result.problems.length > 0) exit = 2;
      } finally {
        await device.close();
      }
    });

  program
    .command("export <file>")
    .description("an encrypted backup of everything (--passphrase), or one document as plain JSON (--json)")
    .option("--passphrase <text>", "encrypt the backup with this passphrase")
    .addOption(new Option("--json <document>", "write one document as plain JSON").choices(Object.values(DOCUMENT_IDS)))
    .action(async (file: string, o: { passphrase?: string; json?: string }) => {
      const device = await openDevice(profile());
      try {
        if (o.json) {
          await writeFile(file, await device.client.exportJson(o.json));
          say(`wrote ${o.json} as JSON to ${file}`);
        } else {
          if (!o.passphrase) throw new InvalidArgumentError("An encrypted backup needs --passphrase (or use --json).");
          await writeFile(file, await device.client.exportBackup(o.passphrase), { mode: 0o600 });
          say(`wrote an encrypted backup to ${file}`);
        }
      } finally {
        await device.close();
      }
    });

  program
    .command("triage")
    .description("triage the inbox on this device and list the labels")
    .option("--memory-budget <size>", "memory the models may use")
    .action(async (o: { memoryBudget?: string }) => {
      const p = profile();
      const device = await openDevice(p);
      const models = await withModels(o.memoryBudget);
      try {
        const [{ Triager }, { CorrectionHead }, { processInbox }] = await Promise.all([
          lazy.triager(),
          lazy.head(),
          lazy.process(),
        ]);
        const triager = await Triager.create({
          spam: models.spam,
          ...(models.embedder ? { embedder: models.embedder } : {}),
        });
        const saved = await p.loadHead();
        if (saved) triager.useHead(CorrectionHead.fromJSON(saved));
        const head = await triager.learn(device.space.messages(), device.space.corrections());
        if (head) await p.saveHead(head.toJSON());
        const report = await processInbox(device.space, triager);
        for (const m of device.space.messages()) {
          const t = m.triage;
          say(
            `${m.id}  ${t?.spam ? "spam" : CATEGORY_LABELS[t?.category ?? "fyi"]}`.padEnd(38) +
              `${m.subject.slice(0, 70)}`,
          );
        }
        say(`triaged ${report.triaged}, spam ${report.spam}, new tasks ${report.tasksAdded}`);
      } finally {
        await models.dispose();
        await device.close();
      }
    });

  program
    .command("correct <messageId> <category>")
    .description(`fix a label (${CATEGORIES.join(", ")}); pam triage learns from it, on this device only`)
    .action(async (messageId: string, category: string) => {
      if (!CATEGORIES.includes(category as Category))
        throw new InvalidArgumentError(`Category must be one of ${CATEGORIES.join(", ")}.`);
      const device = await openDevice(profile());
      await device.space.correct(messageId, category as Category);
      await device.close();
      say(`${messageId} is ${category}; run pam triage to retrain`);
    });

  program
    .command("tasks")
    .description("list tasks, or add one")
    .option("--add <title>", "add a task")
    .option("--due <date>", "its due date, YYYY-MM-DD")
    .option("--done <id>", "mark a task done")
    .action(async (o: { add?: string; due?: string; done?: string }) => {
      const device = await openDevice(profile());
      try {
        if (o.add) say(`added ${(await device.space.createTask(o.add, o.due ? { due: o.due } : {})).id}`);
        if (o.done) await device.space.updateTask(o.done, { done: true });
        for (const t of device.space.tasks())
          say(
            `${t.done ? "[x]" : "[ ]"} ${t.id} ${t.due ?? "          "} ${t.title}${t.people.length ? ` (${t.people.join(", ")})` : ""}`,
          );
      } finally {
        await device.close();
      }
    });

  program
    .command("search <query...>")
    .description("semantic search over the inbox")
    .action(async (words: string[]) => {
      const device = await openDevice(profile(), { paused: true });
      const models = await withModels();
      try {
        const index = new SemanticIndex(models.embedder);
        const messages = device.space.messages();
        await index.add(messages.map((m) => ({ id: m.id, text: embeddingText(m) })));
        for (const hit of await index.search(words.join(" "), 5)) {
          const m = device.space.message(hit.id);
          say(`${hit.score.toFixed(3)}  ${hit.id}  ${m?.subject.slice(0, 70) ?? ""}`);
        }
        if (index.mode === "keywords") process.stderr.write("pam: keyword search (no embedding model)\n");
      } finally {
        await models.dispose();
        await device.close();
      }
    });

  program
    .command("digest")
    .description("today's digest")
    .action(async () => {
      const device = await openDevice(profile(), { paused: true });
      for (const line of dailyDigest(device.space.messages(), device.space.tasks()).lines) say(line);
      await device.close();
    });

  program
    .command("reply <messageId>")
    .description("quick replies for a message, names and dates filled in")
    .action(async (messageId: string) => {
      const device = await openDevice(profile(), { paused: true });
      const models = await withModels();
      try {
        const message = device.space.message(messageId);
        if (!message) throw new InvalidArgumentError(`There is no message ${messageId}; list them with pam triage.`);
        const { quickReplies } = await lazy.replies();
        const due = device.space.tasks().find((t) => t.messageId === messageId && t.due)?.due;
        for (const r of await quickReplies(message, {
          ...(models.embedder ? { embedder: models.embedder } : {}),
          ...(due ? { due } : {}),
        }))
          say(`--- ${r.templateId} (${r.score.toFixed(2)})\n${r.text}`);
      } finally {
        await models.dispose();
        await device.close();
      }
    });

  // The escalator with this device's audit log and its persistent queue (tasks wait there across restarts).
  const escalation = async () => {
    const p = profile();
    const [{ createPamEscalator }, { FileAuditLog }, { FileTaskQueue }] = await Promise.all([
      lazy.escalation(),
      lazy.audit(),
      lazy.queue(),
    ]);
    const queue = new FileTaskQueue(p.queuePath);
    return { queue, ...createPamEscalator(process.env, { audit: new FileAuditLog(p.auditPath), queue }) };
  };
  // Sends what waits in the queue when a cloud model is configured; a provider still unreachable keeps it queued.
  const flush = async (e: Awaited<ReturnType<typeof escalation>>) => {
    if (!e.cloud) return;
    const { OfflineError: CloudOffline, TimeoutError: CloudTimeout } = await import("@hearth/escalate");
    try {
      for (const { task, result } of await e.escalator.flushQueue())
        say(`sent queued ${task.id} (${task.enqueuedAt}) via ${result.route}:\n${result.text}`);
    } catch (error) {
      if (!(error instanceof CloudOffline || error instanceof CloudTimeout)) throw error;
      process.stderr.write(`pam: ${error.message} Queued tasks stay on this device.\n`);
    }
  };

  program
    .command("ask <prompt...>")
    .description("a complex task (scheduling, careful composition): local, queued, or escalated with PII stripped")
    .option("--kind <kind>", "the task kind for the policy", "compose")
    .action(async (words: string[], o: { kind: string }) => {
      const e = await escalation();
      process.stderr.write(`pam: ${e.notice}\n`);
      await flush(e);
      const request = {
        conversation: `cli-${Date.now()}`,
        kind: o.kind,
        messages: [{ role: "user" as const, content: words.join(" ") }],
      };
      const { OfflineError: CloudOffline, TimeoutError: CloudTimeout } = await import("@hearth/escalate");
      let result: Awaited<ReturnType<typeof e.escalator.generate>>;
      try {
        result = await e.escalator.generate(request);
      } catch (error) {
        if (!(error instanceof CloudOffline || error instanceof CloudTimeout)) throw error;
        // The cloud was chosen but cannot be reached: keep the task rather than lose it.
        const id = `q-${Date.now().toString(36)}`;
        await e.queue.push({ id, enqueuedAt: new Date().toISOString(), request });
        say(`route: queue (${error.code})`);
        say(`${error.message} Queued on this device as ${id}; pam queue --flush sends it later.`);
        return;
      }
      say(`route: ${result.route} (${result.decision.reasons.map((r) => r.code).join(", ")})`);
      const waiting = (await e.queue.list()).length;
      say(
        result.route === "queue"
          ? `queued on this device (${waiting} waiting) until a cloud model is reachable; pam queue --flush sends them`
          : result.text,
      );
    });

  program
    .command("queue")
    .description("escalations waiting on this device for a cloud model; --flush sends them now")
    .option("--flush", "send the queued tasks (needs a configured, reachable cloud model)")
    .action(async (o: { flush?: boolean }) => {
      const e = await escalation();
      if (o.flush) {
        if (!e.cloud) throw new InvalidArgumentError(`Nothing can be sent: ${e.notice}`);
        await flush(e);
      }
      const tasks = await e.queue.list();
      if (tasks.length === 0) say("the escalation queue is empty");
      for (const t of tasks) {
        const text = t.request.messages.at(-1)?.content;
        say(`${t.id} ${t.enqueuedAt} ${t.request.kind ?? ""} ${typeof text === "string" ? text.slice(0, 60) : ""}`);
      }
    });

  program
    .command("audit")
    .description("every request that left this device, with what was redacted")
    .option("--json", "the raw JSONL records")
    .action(async (o: { json?: boolean }) => {
      const { FileAuditLog } = await lazy.audit();
      const records = await new FileAuditLog(profile().auditPath).read();
      if (records.length === 0) say("nothing has left this device");
      for (const r of records)
        say(
          o.json
            ? JSON.stringify(r)
            : `${r.time} ${r.provider}/${r.model} ${r.url} redacted: ${r.redacted.map((e) => `${e.type}x${e.count}`).join(" ") || "nothing"}`,
        );
    });

  await program.parseAsync([...argv]);
  return exit;
}
