// Commands a browser test calls to run code in Node (vitest browser mode `commands`), so one test can seal on one
// side and open on the other. Node uses the built package (as a user's server would); bytes cross as hex.
import type { EntryContext } from "../src/index";

type Transport = typeof import("../src/index");
// A computed specifier keeps vitest's config bundler from pulling the sources into the config itself.
const load = (): Promise<Transport> => import(new URL("../dist/index.js", import.meta.url).href);

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, "hex"));
const hex = (data: Uint8Array) => Buffer.from(data).toString("hex");

export const transportCommands = {
  async transportSealInNode(_ctx: unknown, keyHex: string, plaintext: string, context: EntryContext): Promise<string> {
    const t = await load();
    const options = { epoch: context.epoch, context: t.encodeEntryContext(context), pad: true };
    return hex(t.sealEnvelope(bytes(keyHex), new TextEncoder().encode(plaintext), options));
  },
  async transportOpenInNode(
    _ctx: unknown,
    keyHex: string,
    envelopeHex: string,
    context: EntryContext,
  ): Promise<string> {
    const t = await load();
    return new TextDecoder().decode(t.openEnvelope(bytes(keyHex), bytes(envelopeHex), t.encodeEntryContext(context)));
  },
};

/** The browser-side signatures of {@link transportCommands}. */
export interface TransportBrowserCommands {
  transportSealInNode(keyHex: string, plaintext: string, context: EntryContext): Promise<string>;
  transportOpenInNode(keyHex: string, envelopeHex: string, context: EntryContext): Promise<string>;
}
