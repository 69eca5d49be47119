// The web app in real Chromium against a real relay, with a CLI device in the same space: pairing, importing a
// mailbox that the models in the page's worker triage, tasks travelling both ways, and edits made offline that
// converge once the browser is back online.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs helper shared with the root vitest config
import { chromiumArgs, findChromium, installHint } from "../../../scripts/chromium.mjs";
import { PageErrors } from "./helpers/page-errors";
import { pam, sample, startWorld } from "./helpers/pam-cli";
import { type PamWebProcess, startPamWeb } from "./helpers/pam-web";

const executablePath: string | undefined = findChromium();
if (!executablePath) console.warn(`web e2e: ${installHint}`);

let world: Awaited<ReturnType<typeof startWorld>>;
let laptop = "";
let web: PamWebProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: PageErrors;

// The tasks a device holds, as the CLI lists them: "[ ] id due title".
async function cliTasks(): Promise<string> {
  const synced = await pam(laptop, "sync", "now");
  expect(synced.status, synced.err).toBe(0);
  return (await pam(laptop, "tasks")).out;
}

async function untilCli(predicate: (tasks: string) => boolean, what: string): Promise<string> {
  let tasks = "";
  for (let i = 0; i < 30; i++) {
    tasks = await cliTasks();
    if (predicate(tasks)) return tasks;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the CLI device never saw ${what}; it has:\n${tasks}`);
}

const pageTasks = () =>
  page.evaluate(() =>
    (window as unknown as { pam: { space: { tasks(): { id: string; title: string; done: boolean }[] } } }).pam.space
      .tasks()
      .map((t) => ({ id: t.id, title: t.title, done: t.done })),
  );

describe.skipIf(!executablePath && process.env.CI !== "true")("pam web in Chromium", () => {
  beforeAll(async () => {
    if (!executablePath) throw new Error(installHint);
    world = await startWorld();
    laptop = join(world.root, "laptop");
    const init = await pam(laptop, "init", "--relay", world.relay.url, "--name", "laptop");
    expect(init.status, init.err).toBe(0);
    web = await startPamWeb(laptop);
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    context = await browser.newContext();
    page = await context.newPage();
    pageErrors = new PageErrors(page);
  }, 60_000);

  afterEach(() => pageErrors?.assertNone());

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await world?.relay.close();
  });

  it("joins the CLI's space by pairing: both devices show the same short authentication string", async () => {
    await page.goto(web.url);
    await expect.poll(() => page.getByTestId("relay-url").inputValue()).toBe(world.relay.url);
    await page.getByTestId("join-space").click();
    const command = await page.getByTestId("pairing-code").textContent();
    const code = /pam pair (\S+)/.exec(command ?? "")?.[1];
    expect(code).toBeTruthy();
    const enroll = await pam(laptop, "pair", code!);
    expect(enroll.status, enroll.err).toBe(0);
    const sas = /shows (\d{3} \d{3})/.exec(enroll.out)?.[1];
    expect(sas).toMatch(/^\d{3} \d{3}$/);
    await expect.poll(() => page.getByTestId("notice").textContent(), { timeout: 15_000 }).toContain(sas);
    await expect.poll(() => page.getByTestId("sync-state").textContent(), { timeout: 15_000 }).toBe("synced");
  }, 40_000);

  it("imports the sample mailbox and triages it with the models in its worker", async () => {
    await page.getByTestId("import-file").setInputFiles(sample);
    await expect
      .poll(() => page.getByTestId("import-summary").textContent(), { timeout: 60_000 })
      .toMatch(/imported 40 messages \(40 new\), 0 skipped; triaged 40, spam \d+, new tasks \d+/);
    const labels = await page.getByTestId("label").allTextContents();
    expect(labels).toHaveLength(40);
    expect(labels).not.toContain("not triaged");
    const spam = labels.filter((l) => l === "spam").length;
    // The sample is 40 real SpamAssassin messages, a mix of spam and ham (its labels file says which).
    expect(spam).toBeGreaterThan(5);
    expect(spam).toBeLessThan(35);
    expect(new Set(labels.filter((l) => l !== "spam")).size).toBeGreaterThan(1);
    // Both models ran in the browser: downloaded, verified and opened in the worker, not replaced by rules.
    await page.getByTestId("tab-models").click();
    // The tab redraws on the next frame: poll rather than read the screen once.
    await expect
      .poll(() => page.getByTestId("model").evaluateAll((els) => els.map((e) => e.getAttribute("data-state"))))
      .toEqual(["ready", "ready"]);
    // The CLI device receives the browser's inbox, triage labels included.
    const status = await (async () => {
      for (let i = 0; i < 30; i++) {
        await pam(laptop, "sync", "now");
        const s = await pam(laptop, "sync", "status");
        if (s.out.includes("inbox 40")) return s.out;
        await new Promise((r) => setTimeout(r, 300));
      }
      return "";
    })();
    expect(status).toContain("inbox 40");
    const inbox = JSON.parse(
      await (async () => {
        const file = join(world.root, "inbox.json");
        await pam(laptop, "export", file, "--json", "inbox");
        return readFile(file, "utf8");
      })(),
    ) as Record<string, { triage?: { spam: boolean } }>;
    expect(Object.values(inbox).filter((m) => m.triage?.spam).length).toBe(spam);
  }, 120_000);

  it("triages again on request, then says it is done", async () => {
    await page.getByTestId("tab-inbox").click();
    await page.getByRole("button", { name: "Triage again" }).click();
    // The click sets `busy` at once; the status bar redraws on the next frame, so it could still read "" here.
    const busy = () => page.evaluate(() => (window as unknown as { pam: { busy?: string } }).pam.busy ?? "");
    await expect.poll(busy, { timeout: 30_000 }).toBe("");
    // The status bar follows `busy` on the next frame, so it is polled too rather than read once.
    await expect.poll(() => page.getByTestId("status").textContent(), { timeout: 5_000 }).toBe("");
    expect(await page.getByTestId("label").allTextContents()).not.toContain("not triaged");
  }, 60_000);

  it("searches the inbox by meaning with the embedding model in the worker", async () => {
    await page.getByTestId("tab-search").click();
    await page.getByTestId("search-query").fill("cheap loans and mortgage offers");
    await page.getByTestId("search-query").press("Enter");
    await expect.poll(() => page.getByTestId("search-hit").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText("by meaning (embeddings)").count()).toBe(1);
    const scores = (await page.locator("[data-testid=search-hit] .score").allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }, 60_000);

  it("a corrupt mailbox keeps its good messages and lists each bad one", async () => {
    await page.getByTestId("tab-inbox").click();
    const messages = (await readFile(sample, "utf8")).split(/\n(?=From \S)/);
    // Junk before the first separator, and a message whose headers are binary garbage, between two good ones.
    const corrupt = [
      "\x00\x01 junk",
      "",
      messages[0],
      "From x@y Thu Aug 22 2002\n\x00\x01\x02 \x7f",
      "",
      messages[1],
    ].join("\n");
    await page.getByTestId("import-file").setInputFiles({
      name: "corrupt.mbox",
      mimeType: "application/mbox",
      buffer: Buffer.from(corrupt),
    });
    await expect
      .poll(() => page.getByTestId("import-summary").textContent(), { timeout: 30_000 })
      .toContain("corrupt.mbox: imported 2 messages (0 new), 2 skipped");
    const problems = await page.getByTestId("import-problems").locator("li").allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/corrupt\.mbox:1 1 line\(s\) before the first "From " separator/);
    expect(problems[1]).toMatch(/corrupt\.mbox#2 \(line \d+\) The message does not start with mail headers/);
    expect(await page.getByTestId("message").count()).toBe(40);
  }, 60_000);

  it("a task created in the browser arrives on the CLI device, and one from the CLI arrives in the browser", async () => {
    await page.getByTestId("tab-tasks").click();
    await page.getByTestId("task-title").fill("Call the plumber about the leak");
    await page.getByTestId("task-add").click();
    await untilCli((t) => t.includes("Call the plumber about the leak"), "the browser's task");

    const add = await pam(laptop, "tasks", "--add", "Buy stamps", "--due", "2030-05-01");
    expect(add.status, add.err).toBe(0);
    await pam(laptop, "sync", "now");
    await expect.poll(async () => (await pageTasks()).map((t) => t.title), { timeout: 20_000 }).toContain("Buy stamps");
    await expect.poll(() => page.getByTestId("task-text").filter({ hasText: "Buy stamps" }).count()).toBe(1);
  }, 60_000);

  it("edits made offline in the browser and on the CLI meanwhile converge once it is back online", async () => {
    await context.setOffline(true);
    // Offline in the browser: a new task, and one from the CLI marked done. Sending them fails, and says so.
    await page.getByTestId("task-title").fill("Written offline in the browser");
    await page.getByTestId("task-add").click();
    await page.getByRole("checkbox", { name: "done: Buy stamps" }).check();
    await expect.poll(() => page.getByTestId("sync-state").textContent(), { timeout: 20_000 }).not.toBe("synced");
    // Meanwhile on the CLI device.
    await pam(laptop, "tasks", "--add", "Written on the CLI meanwhile");
    const meanwhile = await cliTasks();
    expect(meanwhile).toContain("Written on the CLI meanwhile");
    expect(meanwhile).not.toContain("Written offline in the browser");

    await context.setOffline(false);
    await page.getByTestId("tab-sync").click();
    await page.getByTestId("sync-now").click();
    const cli = await untilCli(
      (t) => t.includes("Written offline in the browser") && /\[x\] \S+ 2030-05-01 Buy stamps/.test(t),
      "the browser's offline edits",
    );
    await expect
      .poll(async () => (await pageTasks()).map((t) => t.title), { timeout: 20_000 })
      .toContain("Written on the CLI meanwhile");
    // Both devices hold the same tasks, in the same state.
    const browserTasks = await pageTasks();
    const cliLines = cli.trim().split("\n");
    expect(browserTasks.length).toBeGreaterThanOrEqual(4);
    expect(cliLines).toHaveLength(browserTasks.length);
    for (const t of browserTasks) expect(cli).toContain(`${t.done ? "[x]" : "[ ]"} ${t.id}`);
  }, 90_000);
  it("pause keeps the browser's edits on the device, across a reload, until resume", async () => {
    await page.getByTestId("tab-sync").click();
    await page.getByTestId("sync-pause").click();
    await expect.poll(() => page.getByTestId("sync-state").textContent()).toBe("paused");
    await page.getByTestId("tab-tasks").click();
    await page.getByTestId("task-title").fill("Written while paused");
    await page.getByTestId("task-add").click();
    await expect.poll(async () => (await pageTasks()).map((t) => t.title)).toContain("Written while paused");
    // Saved on the device (the app is no longer busy saving) before the reload; whether it was also sealed into the
    // offline queue by then is left to chance, and both must survive the reload.
    const busy = () => page.evaluate(() => (window as unknown as { pam: { busy?: string } }).pam.busy ?? "");
    await expect.poll(busy).toBe("");
    await page.reload();
    await expect.poll(() => page.getByTestId("sync-state").textContent(), { timeout: 20_000 }).toBe("paused");
    expect(await cliTasks()).not.toContain("Written while paused");
    await page.getByTestId("tab-sync").click();
    await page.getByTestId("sync-resume").click();
    await untilCli((t) => t.includes("Written while paused"), "the task written while paused");
  }, 60_000);

  it("after a reload the browser is still a device of the space, with its data from IndexedDB and models from the cache", async () => {
    const before = await pageTasks();
    const weights: string[] = [];
    const watch = (r: { url(): string }) => {
      if (r.url().endsWith(".onnx")) weights.push(r.url());
    };
    page.on("request", watch);
    await page.reload();
    await page.getByTestId("tab-inbox").click();
    await expect.poll(() => page.getByTestId("message").count(), { timeout: 20_000 }).toBe(40);
    expect(await pageTasks()).toEqual(before);
    await expect.poll(() => page.getByTestId("sync-state").textContent(), { timeout: 20_000 }).toBe("synced");
    await page.getByTestId("tab-models").click();
    await expect
      .poll(() => page.getByTestId("model").evaluateAll((els) => els.map((e) => e.getAttribute("data-state"))), {
        timeout: 30_000,
      })
      .toEqual(["ready", "ready"]);
    page.off("request", watch);
    expect(weights).toEqual([]);
  }, 60_000);
});
