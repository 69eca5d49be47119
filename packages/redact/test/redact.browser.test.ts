// The default entry in real Chromium: detection, placeholders and a byte-chunked stream restore.
import { expect, it } from "vitest";
import { createRedactor, Vault } from "../src/index";

it("redacts and restores in the browser", async () => {
  const redactor = createRedactor();
  const vault = new Vault();
  const { text } = redactor.redact("Grüße von Zoë Ångström, zoe@example.org, +33 6 12 34 56 78 😀", vault);
  expect(text).toBe("Grüße von [PERSON_1], [EMAIL_1], [PHONE_1] 😀");
  const bytes = new TextEncoder().encode("Merci [PERSON_1] 😀 [EMAIL_1]");
  const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
  let out = "";
  for await (const piece of redactor.restoreStream(chunks, vault)) out += piece;
  expect(out).toBe("Merci Zoë Ångström 😀 zoe@example.org");
});
