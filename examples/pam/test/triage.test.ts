import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CorrectionHead,
  dailyDigest,
  embeddingText,
  extractTasks,
  type InboxMessage,
  type MailMessage,
  parseEmail,
  quickReplies,
  SemanticIndex,
  Triager,
} from "../src/index";
import { type LoadedModels, loadModels } from "../src/node/load-models";
import { readMailPath } from "../src/node/read-mail-path";
import { sampleMailboxPath } from "../src/node/sample-mailbox";

// Real models: the zoo's catalog, pulled through @hearth/models into a fresh cache, run on onnxruntime-node.
let models: LoadedModels;
let messages: MailMessage[];
const labels: string[] = JSON.parse(
  readFileSync(new URL("../data/sample.labels.json", import.meta.url), "utf8"),
).labels;

beforeAll(async () => {
  models = await loadModels({ cacheRoot: await mkdtemp(join(tmpdir(), "pam-models-")) });
  messages = (await readMailPath(sampleMailboxPath())).records;
});
afterAll(() => models.dispose());

describe("triage on the sample mailbox", () => {
  it("runs hearth/email-triage and hearth/glove-sif, and tells spam from ham like the corpus labels", async () => {
    expect(models.notes).toEqual(["hearth/email-triage: int8 on cpu", "hearth/glove-sif: int8 on cpu"]);
    expect(messages).toHaveLength(40);
    const triager = await Triager.create({ spam: models.spam, embedder: models.embedder! });
    expect(triager.engines).toEqual({ spam: "model", categories: "embedding" });
    const result = await triager.triage(messages);
    const agree = messages.filter((m, i) => result.get(m.id)?.spam === (labels[i] === "spam")).length;
    expect(agree / messages.length).toBeGreaterThanOrEqual(0.95);
    const categories = new Set([...result.values()].filter((l) => !l.spam).map((l) => l.category));
    expect(categories.size).toBeGreaterThanOrEqual(3);
  });

  it("the person's corrections win, and teach a head that generalizes to similar mail", async () => {
    const triager = await Triager.create({ spam: models.spam, embedder: models.embedder! });
    const travel = [
      "Your flight to Lisbon is confirmed, boarding pass attached",
      "Hotel booking for your trip to Rome next week",
      "Train ticket and seat reservation for Berlin",
    ];
    const mails = await Promise.all(
      travel.map((subject, i) =>
        parseEmail(`From: Agency <trips@example.org>\nSubject: ${subject}\nMessage-ID: <t${i}@x>\n\n${subject}.\n`),
      ),
    );
    // The person files them under "personal"; the head learns that such mail is personal for them.
    const corrections = Object.fromEntries(
      mails.slice(0, 2).map((m) => [m.id, { messageId: m.id, category: "personal" as const, at: "2024-01-01" }]),
    );
    const head = await triager.learn(mails, corrections);
    expect(head?.examples).toBe(2);
    const out = await triager.triage(mails, { corrections });
    expect(out.get(mails[0]!.id)).toMatchObject({ category: "personal", source: "correction" });
    expect(out.get(mails[2]!.id)).toMatchObject({ category: "personal", source: "head" });
    // The head is the device's own: it round-trips through JSON and refuses a damaged copy.
    const copy = CorrectionHead.fromJSON(JSON.parse(JSON.stringify(head!.toJSON())));
    const v = (await models.embedder!.embed([embeddingText(mails[2]!)]))[0]!;
    expect(copy.predict(v)).toEqual(head!.predict(v));
    expect(() => CorrectionHead.fromJSON({ v: 2 })).toThrow(/unknown version/);
  });

  it("falls back to rules when the models do not fit the memory budget, and says which", async () => {
    const small = await loadModels({ cacheRoot: await mkdtemp(join(tmpdir(), "pam-models-")), memoryBudget: 2 ** 20 });
    expect(small.spam.engine).toBe("rules");
    expect(small.embedder).toBeUndefined();
    expect(small.notes.filter((n) => n.includes("does not fit the memory budget"))).toHaveLength(2);
    const triager = await Triager.create({ spam: small.spam });
    const result = await triager.triage(messages);
    expect([...result.values()].every((l) => l.engine === "rules" && l.source === "rules")).toBe(true);
  });
});

describe("tasks, replies, search and digest", () => {
  const mailText = `From: Maria Gonzalez <maria@example.org>
To: me@example.org
Subject: Quarterly report
Date: Thu, 22 Aug 2002 09:00:00 +0000
Message-ID: <q1@example.org>

Hi,

Could you please send me the quarterly report by Friday? John Baker needs it for the board.
The weather was nice today.

> Can you also fix the old quoted thing?

Thanks, Maria
`;

  it("extracts the request with its deadline and people, linked to the message", async () => {
    const message = await parseEmail(mailText);
    const tasks = extractTasks(message);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ messageId: message.id, origin: "extracted", done: false });
    expect(tasks[0]?.title).toMatch(/^Could you please send me the quarterly report by Friday\?/);
    expect(tasks[0]?.due).toMatch(/^2002-08-2[23]$/);
    expect(tasks[0]?.people).toContain("Maria Gonzalez");
    expect(extractTasks(message)[0]?.id).toBe(tasks[0]?.id);
  });

  it("suggests replies by embedding with the name and date filled in", async () => {
    const message = await parseEmail(mailText);
    const replies = await quickReplies(message, { embedder: models.embedder!, due: "Friday" });
    expect(replies).toHaveLength(3);
    expect(replies[0]?.text).toContain("Hi Maria,");
    expect(replies.some((r) => r.text.includes("Friday"))).toBe(true);
    expect(replies.every((r) => !r.text.includes("{"))).toBe(true);
  });

  it("finds mail by meaning", async () => {
    const index = new SemanticIndex(models.embedder);
    await index.add(messages.map((m) => ({ id: m.id, text: embeddingText(m) })));
    const target = messages.find((m) => /DMA/i.test(m.text));
    expect(target).toBeDefined();
    const hits = await index.search("hard disk DMA driver problem", 3);
    expect(hits.map((h) => h.id)).toContain(target!.id);
    expect(index.mode).toBe("embedding");
    const keywords = new SemanticIndex();
    await keywords.add([
      { id: "a", text: "the quarterly report" },
      { id: "b", text: "a dinner invitation" },
    ]);
    expect(keywords.mode).toBe("keywords");
    expect((await keywords.search("report", 1))[0]?.id).toBe("a");
  });

  it("builds a digest of counts, due tasks and mail needing action", async () => {
    const message = await parseEmail(mailText);
    const inbox: InboxMessage[] = [
      { ...message, triage: { spam: false, spamScore: 0.01, category: "action", source: "rules", engine: "model" } },
    ];
    const digest = dailyDigest(inbox, extractTasks(message), "2002-08-30");
    expect(digest.byCategory.action).toBe(1);
    expect(digest.dueTasks).toHaveLength(1);
    expect(digest.needAction[0]?.subject).toBe("Quarterly report");
    expect(digest.lines[0]).toBe("Digest for 2002-08-30: 1 messages, 0 spam");
  });
});
