import { fill, formatBytes, h } from "../dom";
import type { PamWebApp } from "../pam-web-app";
import type { Screen } from "./screen";

/** Model downloads: progress per model, the variant and provider chosen, and what fell back to rules. */
export function modelsScreen(app: PamWebApp): Screen {
  const list = h("ul", { className: "models", "data-testid": "models" });
  const notes = h("ul", { className: "notes" });
  return {
    element: h("section", { className: "screen" }, list, notes),
    refresh() {
      fill(
        list,
        app.models.size === 0 && h("li", { className: "empty" }, "Models load once a space is open."),
        [...app.models.values()].map((m) =>
          h(
            "li",
            { "data-testid": "model", "data-id": m.id, "data-state": m.state },
            h("strong", {}, m.id),
            h("progress", { max: m.total || 1, value: m.state === "ready" ? m.total || 1 : m.loaded }),
            h("span", {}, m.total ? `${formatBytes(m.loaded)} / ${formatBytes(m.total)}` : ""),
            h("span", { className: "note" }, `${m.state}: ${m.note}`),
          ),
        ),
      );
      fill(
        notes,
        app.modelNotes.map((n) => h("li", {}, n)),
      );
    },
  };
}
