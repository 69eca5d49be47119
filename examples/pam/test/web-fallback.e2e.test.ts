// The web app on a device whose memory budget fits no model: a new space started in the browser (recovery phrase
// shown), both models passed over by variant selection, and triage that still labels every message by the rules,
// saying so.
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs helper shared with the root vitest config
import { chromiumArgs, findChromium, installHint } from "../../../scripts/chromium.mjs";
import { PageErrors } from "./helpers/page-errors";
import { sample, startWorld } from "./helpers/pam-cli";
import { type PamWebProcess, startPamWeb } from "./helpers/pam-web";

const executablePath: string | undefined = findChromium();

let world: Awaited<ReturnType<typeof startWorld>>;
let web: PamWebProcess;
let browser: Browser;
let page: Page;
let pageErrors: PageErrors;

describe.skipIf(!executablePath && process.env.CI !== "true")("pam web under a small memory budget", () => {
  beforeAll(async () => {
    if (!executablePath) throw new Error(installHint);
    world = await startWorld();
    web = await startPamWeb(join(world.root, "no-profile"), "--relay", world.relay.url, "--memory-budget", "1MB");
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await (await browser.newContext()).newPage();
    pageErrors = new PageErrors(page);
  }, 60_000);

  afterEach(() => pageErrors?.assertNone());

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await world?.relay.close();
  });

  it("starts a new space in the browser and shows its recovery phrase", async () => {
    await page.goto(web.url);
    await page.getByTestId("create-space").click();
    await expect.poll(() => page.getByTestId("notice").textContent(), { timeout: 20_000 }).toMatch(/recovery phrase/);
    const phrase = (await page.getByTestId("notice").textContent())?.split(": ").at(-1)?.trim().split(" ");
    expect(phrase).toHaveLength(24);
    await expect.poll(() => page.getByTestId("sync-state").textContent(), { timeout: 20_000 }).toBe("synced");
  }, 40_000);

  it("models that cannot load at all are shown as a problem, and the next triage tries again", async () => {
    // The app's model code cannot be fetched (as when \`pam web\` stopped): the space still opens.
    const blocked = "**/assets/browser-models-*.js";
    await page.route(blocked, (route) => route.abort());
    await page.reload();
    await expect
      .poll(() => page.getByTestId("status").textContent(), { timeout: 20_000 })
      .toMatch(/The models could not be loaded .*triage or search again to retry/);
    await page.unroute(blocked);
    await page.getByTestId("tab-inbox").click();
    await page.getByRole("button", { name: "Triage again" }).click();
    await expect.poll(() => page.getByTestId("status").textContent(), { timeout: 30_000 }).toBe("");
    await page.getByTestId("tab-models").click();
    await expect.poll(() => page.getByTestId("model").count(), { timeout: 30_000 }).toBe(2);
  }, 60_000);

  it("falls back to rules for both models, says why, and still triages every message", async () => {
    await page.getByTestId("tab-models").click();
    await expect
      .poll(() => page.getByTestId("model").evaluateAll((els) => els.map((e) => e.getAttribute("data-state"))), {
        timeout: 30_000,
      })
      .toEqual(["rules", "rules"]);
    const notes = await page.getByTestId("models").textContent();
    expect(notes).toContain("falling back to rules because it does not fit the memory budget");
    await page.getByTestId("tab-inbox").click();
    await page.getByTestId("import-file").setInputFiles(sample);
    await expect
      .poll(() => page.getByTestId("import-summary").textContent(), { timeout: 60_000 })
      .toMatch(/imported 40 messages \(40 new\), 0 skipped; triaged 40/);
    const labels = await page.getByTestId("label").allTextContents();
    expect(labels).toHaveLength(40);
    expect(labels).not.toContain("not triaged");
    const engines = await page.evaluate(() =>
      (window as unknown as { pam: { space: { messages(): { triage?: { engine: string } }[] } } }).pam.space
        .messages()
        .map((m) => m.triage?.engine),
    );
    expect(new Set(engines)).toEqual(new Set(["rules"]));
  }, 90_000);
});
