import { fill, h } from "../dom";
import type { PamWebApp } from "../pam-web-app";
import type { Screen } from "./screen";

/** First run: join the person's space by pairing with one of their devices, or start a new space here. */
export function setupScreen(app: PamWebApp, notify: (message: string) => void): Screen {
  const relay = h("input", {
    type: "url",
    value: app.config.relayUrl ?? "",
    placeholder: "relay URL",
    "data-testid": "relay-url",
  });
  const out = h("div", { className: "setup-out" });
  const show = (error: unknown) =>
    fill(out, h("p", { className: "problem" }, error instanceof Error ? error.message : String(error)));
  const join = async () => {
    const pairing = await app.beginPairing(relay.value);
    fill(
      out,
      h("p", {}, "On a device of your space, run:"),
      h("pre", {}, h("code", { "data-testid": "pairing-code" }, `pam pair ${pairing.code}`)),
      h("p", {}, "Waiting to be enrolled…"),
    );
    const sas = await pairing.joined;
    notify(`Joined. Check that the other device shows ${sas}.`);
  };
  const create = async () => {
    const phrase = await app.createSpace(relay.value);
    notify(`Your recovery phrase (write it down; it is shown once): ${phrase}`);
  };
  return {
    element: h(
      "section",
      { className: "screen setup" },
      h("h2", {}, "Set up this browser"),
      h("label", {}, "Relay ", relay),
      h(
        "div",
        { className: "toolbar" },
        h(
          "button",
          { type: "button", "data-testid": "join-space", onClick: () => join().catch(show) },
          "Join my space with a pairing code",
        ),
        h(
          "button",
          { type: "button", "data-testid": "create-space", onClick: () => create().catch(show) },
          "Start a new space",
        ),
      ),
      out,
    ),
    refresh() {},
  };
}
