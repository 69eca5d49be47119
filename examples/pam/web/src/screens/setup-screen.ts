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
  const join = async () => {
    let pairing: Awaited<ReturnType<PamWebApp["beginPairing"]>>;
    try {
      pairing = await app.beginPairing(relay.value);
    } catch (error) {
      fill(out, h("p", { className: "problem" }, error instanceof Error ? error.message : String(error)));
      return;
    }
    fill(
      out,
      h("p", {}, "On a device of your space, run:"),
      h("pre", {}, h("code", { "data-testid": "pairing-code" }, `pam pair ${pairing.code}`)),
      h("p", {}, "Waiting to be enrolled…"),
    );
    pairing.joined.then(
      (sas) => notify(`Joined. Check that the other device shows ${sas}.`),
      (error: unknown) =>
        fill(out, h("p", { className: "problem" }, String(error instanceof Error ? error.message : error))),
    );
  };
  const create = async () => {
    try {
      const phrase = await app.createSpace(relay.value);
      notify(`Your recovery phrase (write it down; it is shown once): ${phrase}`);
    } catch (error) {
      fill(out, h("p", { className: "problem" }, error instanceof Error ? error.message : String(error)));
    }
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
          { type: "button", "data-testid": "join-space", onClick: () => void join() },
          "Join my space with a pairing code",
        ),
        h(
          "button",
          { type: "button", "data-testid": "create-space", onClick: () => void create() },
          "Start a new space",
        ),
      ),
      out,
    ),
    refresh() {},
  };
}
