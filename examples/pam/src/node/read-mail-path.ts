import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { ImportResult } from "../import-problem";
import { importMbox } from "../mail/import-mbox";
import { importMessages, type NamedMessage } from "../mail/import-messages";
import type { MailMessage } from "../mail/mail-message";

/**
 * Imports mail from a path: an mbox file, an .eml file, a folder of .eml files, or a Maildir (a folder with
 * `cur/` and `new/`). Bad records become problems; the good ones are all returned.
 */
export async function readMailPath(path: string, options: { now?: Date } = {}): Promise<ImportResult<MailMessage>> {
  const info = await stat(path);
  if (info.isFile()) {
    const bytes = await readFile(path);
    if (/\.eml$/i.test(path)) return importMessages([{ name: basename(path), raw: bytes }], options);
    return importMbox(new TextDecoder().decode(bytes), { ...options, name: basename(path) });
  }
  const entries = await readdir(path);
  const isMaildir = entries.includes("cur") || entries.includes("new");
  const files: string[] = [];
  if (isMaildir) {
    for (const sub of ["new", "cur"]) {
      if (!entries.includes(sub)) continue;
      for (const f of (await readdir(join(path, sub))).sort()) if (!f.startsWith(".")) files.push(join(sub, f));
    }
  } else {
    for (const f of entries.sort()) if (/\.eml$/i.test(f)) files.push(f);
  }
  const messages: NamedMessage[] = [];
  for (const f of files) messages.push({ name: f, raw: await readFile(join(path, f)) });
  return importMessages(messages, options);
}
