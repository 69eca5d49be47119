import { fill, h } from "../dom";
import type { PamWebApp } from "../pam-web-app";
import type { Screen } from "./screen";

/** Tasks: extracted from mail or written here; done toggles; edits sync like any other change. */
export function tasksScreen(app: PamWebApp): Screen {
  const title = h("input", { type: "text", placeholder: "A new task", "data-testid": "task-title", required: true });
  const due = h("input", { type: "date", "data-testid": "task-due" });
  const form = h(
    "form",
    {
      className: "toolbar",
      onSubmit: async (e: Event) => {
        e.preventDefault();
        const text = title.value.trim();
        if (!text) return;
        await app.addTask(text, due.value || undefined);
        title.value = "";
        due.value = "";
      },
    },
    title,
    due,
    h("button", { type: "submit", "data-testid": "task-add" }, "Add task"),
  );
  const list = h("ul", { className: "tasks", "data-testid": "tasks" });
  return {
    element: h("section", { className: "screen" }, form, list),
    refresh() {
      const tasks = app.space?.tasks() ?? [];
      fill(
        list,
        tasks.length === 0 && h("li", { className: "empty" }, "No tasks yet."),
        tasks.map((t) => {
          const source = t.messageId ? app.space?.message(t.messageId) : undefined;
          return h(
            "li",
            { "data-testid": "task", "data-id": t.id, className: t.done ? "done" : "" },
            h("input", {
              type: "checkbox",
              checked: t.done,
              "aria-label": `done: ${t.title}`,
              onChange: (e: Event) => void app.setDone(t.id, (e.target as HTMLInputElement).checked),
            }),
            h("span", { className: "title", "data-testid": "task-text" }, t.title),
            h("time", {}, t.due ?? ""),
            t.people.length > 0 && h("span", { className: "people" }, t.people.join(", ")),
            source && h("span", { className: "from" }, `from “${source.subject}”`),
          );
        }),
      );
    },
  };
}
