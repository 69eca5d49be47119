import { fill, h } from "../dom";
import type { PamWebApp } from "../pam-web-app";
import type { Screen } from "./screen";

/** Sync: where it stands, progress, pause / resume / sync now, and enrolling another device with its code. */
export function syncScreen(app: PamWebApp): Screen {
  const state = h("div", { className: "sync-state" });
  const code = h("input", {
    type: "text",
    placeholder: "pairing code of the other device",
    "data-testid": "enroll-code",
  });
  const sas = h("p", { "data-testid": "enroll-sas" });
  const controls = h(
    "div",
    { className: "toolbar" },
    h("button", { type: "button", "data-testid": "sync-pause", onClick: () => void app.setPaused(true) }, "Pause"),
    h("button", { type: "button", "data-testid": "sync-resume", onClick: () => void app.setPaused(false) }, "Resume"),
    h("button", { type: "button", "data-testid": "sync-now", onClick: () => void app.syncNow() }, "Sync now"),
  );
  const enroll = h(
    "form",
    {
      className: "toolbar",
      onSubmit: async (e: Event) => {
        e.preventDefault();
        const s = await app.enroll(code.value);
        if (s) fill(sas, `Enrolled. Check that the other device shows ${s}.`);
      },
    },
    code,
    h("button", { type: "submit" }, "Enroll device"),
  );
  return {
    element: h("section", { className: "screen" }, state, controls, h("h3", {}, "Add a device"), enroll, sas),
    refresh() {
      const client = app.client;
      const s = app.status;
      const stats = client?.stats;
      fill(
        state,
        h("p", {}, "State: ", h("strong", { "data-testid": "sync-detail" }, app.settings?.paused ? "paused" : s.state)),
        s.state === "syncing" && h("progress", { max: s.total || 1, value: s.loaded, "data-testid": "sync-progress" }),
        s.state === "syncing" && h("span", {}, ` ${s.loaded} / ${s.total} entries`),
        (s.state === "offline" || s.state === "error") && s.error && h("p", { className: "note" }, s.error.message),
        client &&
          h(
            "dl",
            {},
            h("dt", {}, "Relay"),
            h("dd", {}, app.settings?.relayUrl ?? ""),
            h("dt", {}, "Space"),
            h("dd", { "data-testid": "space-id" }, client.spaceId),
            h("dt", {}, "This device"),
            h("dd", {}, client.deviceId),
            h("dt", {}, "Documents"),
            h("dd", {}, client.documentIds().join(", ")),
            h("dt", {}, "Entries"),
            h(
              "dd",
              {},
              stats
                ? `sent ${stats.entriesSent}, applied ${stats.entriesApplied}, rejected ${stats.entriesRejected}`
                : "",
            ),
          ),
      );
    },
  };
}
