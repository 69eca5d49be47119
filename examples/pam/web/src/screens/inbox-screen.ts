import { CATEGORY_LABELS, type InboxMessage } from "@hearth/pam";
import { fill, h } from "../dom";
import type { PamWebApp } from "../pam-web-app";
import type { Screen } from "./screen";

const labelOf = (m: InboxMessage): string =>
  m.triage ? (m.triage.spam ? "spam" : CATEGORY_LABELS[m.triage.category]) : "not triaged";

/** The inbox: import mail (or a calendar), what the import skipped, and every message with its triage label. */
export function inboxScreen(app: PamWebApp): Screen {
  const summary = h("div", { className: "summary", "data-testid": "import-summary" });
  const list = h("ul", { className: "messages", "data-testid": "messages" });
  const input = h("input", {
    type: "file",
    multiple: true,
    accept: ".mbox,.eml,.ics,.txt,application/mbox,message/rfc822,text/calendar",
    "data-testid": "import-file",
    onChange: () => {
      const files = [...(input.files ?? [])];
      input.value = "";
      void app.importFiles(files);
    },
  });
  const element = h(
    "section",
    { className: "screen" },
    h(
      "div",
      { className: "toolbar" },
      h("label", { className: "button" }, "Import mail or calendar…", input),
      h("button", { type: "button", onClick: () => void app.triageNow() }, "Triage again"),
    ),
    summary,
    list,
  );
  return {
    element,
    refresh() {
      const last = app.lastImport;
      fill(
        summary,
        last &&
          h(
            "p",
            {},
            `${last.name}: imported ${last.imported} ${last.kind} (${last.added} new), ${last.problems.length} skipped`,
            last.triage
              ? `; triaged ${last.triage.triaged}, spam ${last.triage.spam}, new tasks ${last.triage.tasksAdded}`
              : "",
          ),
        last &&
          last.problems.length > 0 &&
          h(
            "ul",
            { className: "problems", "data-testid": "import-problems" },
            last.problems.map((p) => h("li", {}, h("code", {}, p.source), ` ${p.message}`)),
          ),
      );
      const messages = app.space?.messages() ?? [];
      const events = app.space?.events() ?? [];
      fill(
        list,
        messages.length === 0 && h("li", { className: "empty" }, "No mail yet: import an mbox or .eml file."),
        messages.map((m) =>
          h(
            "li",
            { "data-testid": "message", "data-id": m.id },
            h(
              "span",
              {
                className: `label ${m.triage?.spam ? "spam" : (m.triage?.category ?? "none")}`,
                "data-testid": "label",
              },
              labelOf(m),
            ),
            h("span", { className: "from" }, m.from),
            h("span", { className: "subject" }, m.subject || "(no subject)"),
            h("time", {}, m.date.slice(0, 10)),
          ),
        ),
        events.length > 0 && h("li", { className: "heading" }, `Calendar: ${events.length} events`),
        events.map((e) =>
          h(
            "li",
            { "data-testid": "event" },
            h("span", { className: "label event" }, e.allDay ? "all day" : e.start.slice(11, 16)),
            h("span", { className: "subject" }, e.summary),
            h("time", {}, e.start.slice(0, 10)),
          ),
        ),
      );
    },
  };
}
