// What @hearth/escalate adds to a cloud request: anonymizing the prompt (detection, one vault per conversation) and
// restoring the answer, whole or delta by delta while it streams. Goals: p95 <= 2 ms per 2 KB request, <= 50 µs per
// streamed delta. The baselines are @hearth/redact itself, called directly (a fresh Vault, its restore and its async
// restoreStream): the ratio is the cost of the escalation layer over the library it is built on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RedactAnonymizer } from "@hearth/escalate";
import { createRedactor, restore, restoreStream, Vault } from "@hearth/redact";
import { packageDir } from "../lib/package-dir.mjs";

export const description = "added latency of redact + restore per 2 KB request and per streamed delta";

const PROMPT_CHARS = 2048;
// Deltas as providers stream them: a few characters each (about one token).
const DELTA_CHARS = 4;
const PROMPTS = { quick: 20, full: 100 };
// The answers one streaming call restores, so that a call lasts long enough to time well.
const STREAMED_ANSWERS = 8;

/** 2 KB prompts made of consecutive prompts of the package's fixture (their labels stripped), as its bench does. */
function loadPrompts(count) {
  const file = join(packageDir("@hearth/escalate"), "test", "fixtures", "prompts.jsonl");
  const texts = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line).prompt.replace(/\{\{[A-Z_]+\|([^}]+)\}\}/g, "$1"));
  const prompts = [];
  for (let i = 0; prompts.length < count; i++) {
    let p = "";
    for (let j = i; p.length < PROMPT_CHARS; j++) p += `${texts[j % texts.length]}\n`;
    prompts.push(p.slice(0, PROMPT_CHARS));
  }
  return prompts;
}

function deltasOf(text) {
  const out = [];
  for (let k = 0; k < text.length; k += DELTA_CHARS) out.push(text.slice(k, k + DELTA_CHARS));
  return out;
}

function sanityCheck(ok, what) {
  if (!ok) throw new Error(`escalation suite: ${what}; the measure would be meaningless.`);
}

/** @param {{quick: boolean, measure: (spec: object) => Promise<unknown>}} ctx */
export async function run({ quick, measure }) {
  const prompts = loadPrompts(quick ? PROMPTS.quick : PROMPTS.full);
  const anonymizer = new RedactAnonymizer();
  const redactor = createRedactor();

  // Each prompt is a conversation of its own: the first call fills its vault, later ones reuse it (a later turn).
  let i = 0;
  let j = 0;
  const oursRequest = async () => {
    const k = i++ % prompts.length;
    const { text } = await anonymizer.anonymize(prompts[k], `c${k}`);
    return anonymizer.restore(text, `c${k}`);
  };
  const rawVaults = prompts.map(() => new Vault());
  const rawRequest = () => {
    const k = j++ % prompts.length;
    const { text } = redactor.redact(prompts[k], rawVaults[k]);
    return restore(text, rawVaults[k]);
  };
  const first = await anonymizer.anonymize(prompts[0], "check");
  sanityCheck(first.text !== prompts[0], "nothing in a prompt was redacted");
  sanityCheck(anonymizer.restore(first.text, "check") === prompts[0], "a prompt did not come back whole");
  // One pass over every prompt each first: the name pass's first calls are slow (its lexicons load lazily), and
  // the first turn of a conversation fills its vault, so every measured call is a later turn, alike on both sides.
  for (const _ of prompts) {
    await oursRequest();
    rawRequest();
  }

  await measure({
    name: `anonymize + restore, ${PROMPT_CHARS / 1024} KB prompt`,
    unit: "ms",
    ours: oursRequest,
    baselines: [{ name: "@hearth/redact redact + restore", fn: rawRequest, limit: { of: "p95", max: 2 } }],
  });

  // Answers as a model would send them back: the redacted prompts, placeholders and all.
  const answers = [];
  for (const [k, prompt] of prompts.entries()) {
    answers.push({ conversation: `c${k}`, text: (await anonymizer.anonymize(prompt, `c${k}`)).text });
  }
  const vaults = answers.map((a) => anonymizer.vault(a.conversation));
  let r = 0;
  let s = 0;
  await measure({
    name: `restore, ${PROMPT_CHARS / 1024} KB answer`,
    unit: "ms",
    ours: () => {
      const a = answers[r++ % answers.length];
      return anonymizer.restore(a.text, a.conversation);
    },
    baselines: [
      {
        name: "@hearth/redact restore",
        fn: () => {
          const k = s++ % answers.length;
          return restore(answers[k].text, vaults[k]);
        },
        limit: { of: "p95", max: 2 },
      },
    ],
  });

  const streamed = answers
    .slice(0, STREAMED_ANSWERS)
    .map((a, k) => ({ ...a, vault: vaults[k], deltas: deltasOf(a.text) }));
  const deltas = streamed.reduce((n, a) => n + a.deltas.length, 0);
  for (const a of streamed) {
    const restorer = anonymizer.restorer(a.conversation);
    const out = a.deltas.map((d) => restorer.push(d)).join("") + restorer.flush();
    sanityCheck(out === anonymizer.restore(a.text, a.conversation), "the streamed restore differs from the whole one");
  }
  await measure({
    name: `stream restore, ${DELTA_CHARS}-character deltas`,
    unit: "us",
    opsPerCall: deltas,
    ours: () => {
      let n = 0;
      for (const a of streamed) {
        const restorer = anonymizer.restorer(a.conversation);
        for (const d of a.deltas) n += restorer.push(d).length;
        n += restorer.flush().length;
      }
      return n;
    },
    baselines: [
      {
        name: "@hearth/redact restoreStream",
        fn: async () => {
          let n = 0;
          for (const a of streamed) for await (const piece of restoreStream(a.deltas, a.vault)) n += piece.length;
          return n;
        },
        limit: { of: "p50", max: 50 },
      },
    ],
  });
}
