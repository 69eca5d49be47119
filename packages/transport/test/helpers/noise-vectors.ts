// Loads the cacophony Noise test vectors (test/fixtures, MIT, see noise-cacophony-LICENSE-MIT).
import { readFileSync } from "node:fs";

/** One cacophony vector; every byte field is hex. */
export interface CacophonyVector {
  protocol_name: string;
  init_prologue: string;
  init_static?: string;
  init_ephemeral: string;
  init_remote_static?: string;
  init_psks?: string[];
  resp_prologue: string;
  resp_static?: string;
  resp_ephemeral?: string;
  resp_remote_static?: string;
  resp_psks?: string[];
  handshake_hash: string;
  messages: { payload: string; ciphertext: string }[];
}

export function loadCacophonyVectors(): CacophonyVector[] {
  const url = new URL("../fixtures/noise-cacophony.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { vectors: CacophonyVector[] }).vectors;
}

export function hex(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, "hex"));
}
