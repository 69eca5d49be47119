// Runs in real Chromium: the same envelopes cross between Node and the browser, both ways.
import { describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import {
  acceptEnrollmentGrant,
  bytesToHex,
  createEnrollmentGrant,
  DecryptError,
  type EntryContext,
  encodeEntryContext,
  generateDeviceIdentity,
  hexToBytes,
  KeyRing,
  openEnvelope,
  publicKeysOf,
  sealEnvelope,
} from "../src/index";
import type { TransportBrowserCommands } from "./node-commands";

declare module "vitest/browser" {
  interface BrowserCommands extends TransportBrowserCommands {}
}

const context: EntryContext = { documentId: "inbox", deviceId: "phone", seq: 7, epoch: 2, kind: "change" };
const text = "Grüße from Chromium, 日本語 and emoji 🧭 included";

describe("transport in Chromium", () => {
  it("runs in a real browser, not in Node", () => {
    expect(typeof navigator.userAgent).toBe("string");
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect(typeof (globalThis as { process?: unknown }).process).toBe("undefined");
  });

  it("opens in Chromium what Node sealed, and Node opens what Chromium sealed", async () => {
    const key = KeyRing.create().documentKey("inbox");
    const fromNode = await commands.transportSealInNode(bytesToHex(key), text, context);
    expect(new TextDecoder().decode(openEnvelope(key, hexToBytes(fromNode), encodeEntryContext(context)))).toBe(text);

    const fromBrowser = sealEnvelope(key, new TextEncoder().encode(text), {
      epoch: 2,
      context: encodeEntryContext(context),
      pad: true,
    });
    expect(await commands.transportOpenInNode(bytesToHex(key), bytesToHex(fromBrowser), context)).toBe(text);
    // Same layout on both sides: header, padded ciphertext and tag have the same length.
    expect(fromBrowser.length).toBe(hexToBytes(fromNode).length);
    expect(() => openEnvelope(key, hexToBytes(fromNode), encodeEntryContext({ ...context, seq: 8 }))).toThrow(
      DecryptError,
    );
  });

  it("enrolls a device inside the browser", () => {
    const a = generateDeviceIdentity();
    const b = generateDeviceIdentity();
    const { grant, shortAuthenticationString } = createEnrollmentGrant(a, publicKeysOf(b), {
      spaceId: "s",
      keyRing: KeyRing.create(),
    });
    expect(acceptEnrollmentGrant(b, grant).shortAuthenticationString).toBe(shortAuthenticationString);
  });
});
