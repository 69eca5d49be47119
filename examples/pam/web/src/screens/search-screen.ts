import { fill, h } from "../dom";
import type { PamWebApp } from "../pam-web-app";
import type { Screen } from "./screen";

/** Semantic search over the inbox, on hearth/glove-sif in the model worker (keywords when it fell back). */
export function searchScreen(app: PamWebApp): Screen {
  const query = h("input", { type: "search", placeholder: "Search your mail", "data-testid": "search-query" });
  const results = h("ol", { className: "results", "data-testid": "search-results" });
  const mode = h("p", { className: "note" });
  const form = h(
    "form",
    {
      className: "toolbar",
      onSubmit: async (e: Event) => {
        e.preventDefault();
        if (!query.value.trim()) return;
        const found = await app.search(query.value);
        if (!found) return;
        fill(mode, found.mode === "embedding" ? "by meaning (embeddings)" : "by keywords (no embedding model)");
        fill(
          results,
          found.hits.length === 0 && h("li", { className: "empty" }, "Nothing matches."),
          found.hits.map((hit) => {
            const m = app.space?.message(hit.id);
            return h(
              "li",
              { "data-testid": "search-hit" },
              h("span", { className: "score" }, hit.score.toFixed(2)),
              h("span", { className: "subject" }, m?.subject ?? hit.id),
              h("span", { className: "from" }, m?.from ?? ""),
            );
          }),
        );
      },
    },
    query,
    h("button", { type: "submit" }, "Search"),
  );
  return { element: h("section", { className: "screen" }, form, mode, results), refresh() {} };
}
