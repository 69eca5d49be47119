import { fileURLToPath } from "node:url";

/** The bundled sample mailbox: 40 real SpamAssassin messages (Apache-2.0), 14 of them spam. */
export function sampleMailboxPath(): string {
  // dist/node.js and src/node/sample-mailbox.ts both sit one or two levels below the package root.
  const here = import.meta.url;
  const up = here.includes("/src/node/") ? "../../data/sample.mbox" : "../data/sample.mbox";
  return fileURLToPath(new URL(up, here));
}
