// PAM in the browser: the same space as the CLI, triaged by models in a Web Worker, stored in IndexedDB.
import "./style.css";
import { fill, h } from "./dom";
import { PamWebApp, type WebConfig } from "./pam-web-app";
import { inboxScreen } from "./screens/inbox-screen";
import { modelsScreen } from "./screens/models-screen";
import type { Screen } from "./screens/screen";
import { searchScreen } from "./screens/search-screen";
import { setupScreen } from "./screens/setup-screen";
import { syncScreen } from "./screens/sync-screen";
import { tasksScreen } from "./screens/tasks-screen";

const TABS = ["inbox", "tasks", "search", "sync", "models"] as const;
type Tab = (typeof TABS)[number];

async function boot(root: HTMLElement): Promise<void> {
  const config = (await (await fetch("config.json")).json()) as WebConfig;
  const app = new PamWebApp(config);
  const notice = h("p", { className: "notice", "data-testid": "notice", hidden: true });
  const notify = (message: string) => {
    notice.hidden = false;
    fill(notice, message);
  };
  const screens: Record<Tab, Screen> = {
    inbox: inboxScreen(app),
    tasks: tasksScreen(app),
    search: searchScreen(app),
    sync: syncScreen(app),
    models: modelsScreen(app),
  };
  const setup = setupScreen(app, notify);
  let tab: Tab = (TABS as readonly string[]).includes(location.hash.slice(1))
    ? (location.hash.slice(1) as Tab)
    : "inbox";
  const pill = h("span", { className: "pill", "data-testid": "sync-state" });
  const status = h("span", { className: "status", "data-testid": "status" });
  const nav = h("nav", {});
  const main = h("main", {});
  root.append(h("header", {}, h("h1", {}, "PAM"), nav, pill, status), notice, main);

  const render = () => {
    const joined = app.space !== undefined;
    fill(
      nav,
      joined &&
        TABS.map((t) =>
          h(
            "a",
            { href: `#${t}`, className: t === tab ? "active" : "", "data-testid": `tab-${t}` },
            t[0]!.toUpperCase() + t.slice(1),
          ),
        ),
    );
    const state = app.settings?.paused ? "paused" : app.status.state;
    pill.className = `pill ${state}`;
    fill(pill, joined ? state : "not set up");
    fill(status, app.busy ? `${app.busy}…` : "", app.problem ? h("span", { className: "problem" }, app.problem) : "");
    const screen = joined ? screens[tab] : setup;
    if (main.firstChild !== screen.element) fill(main, screen.element);
    screen.refresh();
  };
  window.addEventListener("hashchange", () => {
    const next = location.hash.slice(1);
    if ((TABS as readonly string[]).includes(next)) tab = next as Tab;
    render();
  });
  // Bursts of sync changes redraw once per frame.
  let queued = false;
  app.onChange(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      render();
    });
  });
  render();
  await app.start();
  render();
  (window as unknown as { pam: PamWebApp }).pam = app;
}

const root = document.getElementById("app");
if (root) {
  boot(root).catch((error: unknown) => {
    fill(
      root,
      h(
        "p",
        { className: "problem" },
        `PAM could not start: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  });
}
