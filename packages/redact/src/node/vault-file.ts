import { randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { InvalidVaultError } from "../errors/invalid-vault-error";
import { Vault } from "../vault";

/** Reads a vault file written by {@link writeVaultFile}; a missing file is an empty vault (a new conversation). */
export async function readVaultFile(path: string): Promise<Vault> {
  let json: string;
  try {
    json = await readFile(path, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return new Vault();
    throw new InvalidVaultError("The vault file could not be read.", { cause });
  }
  return Vault.parse(json);
}

/**
 * Writes a vault file readable only by its owner, through a temporary file and a rename, so a crash never leaves
 * half a vault and the previous one stays intact until the new one is complete.
 */
export async function writeVaultFile(path: string, vault: Vault): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, `${JSON.stringify(vault.toJSON(), null, 1)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}
