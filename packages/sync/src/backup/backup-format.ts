import {
  type KeyFileOptions,
  KeyRing,
  openEnvelope,
  openKeyFile,
  sealEnvelope,
  TransportError,
  WrongPassphraseError,
  wrapKeyFile,
} from "@hearth/transport";
import { BackupError } from "../errors/backup-error";

const MAGIC = [0x48, 0x53, 0x42]; // "HSB": Hearth sync backup
const VERSION = 1;
const PAYLOAD_VERSION = 1;
// A key file is fixed-size today, but the length is stored so a later key file format still parses.
const CONTEXT = new TextEncoder().encode("hearth/v1/sync-backup");

/** What a backup holds: one space, its key ring and every document's `Automerge.save`. */
export interface BackupContents {
  spaceId: string;
  keyRing: KeyRing;
  /** Document id to `Automerge.save` bytes. */
  documents: Map<string, Uint8Array>;
}

class Writer {
  readonly parts: Uint8Array[] = [];
  u32(n: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, false);
    this.parts.push(b);
  }
  bytes(b: Uint8Array): void {
    this.u32(b.length);
    this.parts.push(b);
  }
  text(s: string): void {
    this.bytes(new TextEncoder().encode(s));
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

class Reader {
  #offset = 0;
  constructor(readonly data: Uint8Array) {}
  u32(): number {
    if (this.#offset + 4 > this.data.length) throw new BackupError("The backup is truncated.");
    const n = new DataView(this.data.buffer, this.data.byteOffset + this.#offset, 4).getUint32(0, false);
    this.#offset += 4;
    return n;
  }
  bytes(): Uint8Array {
    const n = this.u32();
    if (this.#offset + n > this.data.length) throw new BackupError("The backup is truncated.");
    const out = this.data.subarray(this.#offset, this.#offset + n);
    this.#offset += n;
    return out;
  }
  text(): string {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(this.bytes());
    } catch (cause) {
      if (cause instanceof BackupError) throw cause;
      throw new BackupError("The backup holds a damaged name.", { cause });
    }
  }
  rest(): Uint8Array {
    const out = this.data.subarray(this.#offset);
    this.#offset = this.data.length;
    return out;
  }
  end(): void {
    if (this.#offset !== this.data.length) throw new BackupError("The backup has trailing bytes.");
  }
}

/**
 * Encrypts a backup under a passphrase. Layout: `"HSB" | version(1)=1 | key file length(4) | key file | envelope`.
 * The key file (`wrapKeyFile`: scrypt + XChaCha20-Poly1305) wraps a random 32-byte backup key; the envelope
 * (`sealEnvelope` under that key) holds the payload: `version(1)=1 | space id | key ring | document count |
 * (document id | Automerge.save)*`, every variable field length-prefixed (u32, big-endian).
 */
export async function encodeBackup(
  contents: BackupContents,
  passphrase: string,
  options: KeyFileOptions = {},
): Promise<Uint8Array> {
  const payload = new Writer();
  payload.parts.push(new Uint8Array([PAYLOAD_VERSION]));
  payload.text(contents.spaceId);
  payload.bytes(contents.keyRing.toBytes());
  payload.u32(contents.documents.size);
  for (const [id, data] of contents.documents) {
    payload.text(id);
    payload.bytes(data);
  }
  const backupKey = new Uint8Array(32);
  crypto.getRandomValues(backupKey);
  const keyFile = await wrapKeyFile(backupKey, passphrase, options);
  const envelope = sealEnvelope(backupKey, payload.done(), { context: CONTEXT });
  backupKey.fill(0);
  const out = new Writer();
  out.parts.push(new Uint8Array([...MAGIC, VERSION]));
  out.bytes(keyFile);
  out.parts.push(envelope);
  return out.done();
}

/**
 * Opens {@link encodeBackup}. A wrong passphrase throws the transport's `WrongPassphraseError` (`E_PASSPHRASE`);
 * anything damaged, truncated or of an unknown version throws {@link BackupError} (`E_BACKUP`). Never returns
 * partial contents.
 */
export async function decodeBackup(
  bytes: Uint8Array,
  passphrase: string,
  options: KeyFileOptions = {},
): Promise<BackupContents> {
  if (bytes.length < 4 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new BackupError("This is not a Hearth sync backup (it does not start with HSB).");
  }
  if (bytes[3] !== VERSION) {
    throw new BackupError(`Backup version ${bytes[3]} is not supported (this release reads version ${VERSION}).`);
  }
  const reader = new Reader(bytes.subarray(4));
  const keyFile = reader.bytes();
  const envelope = reader.rest();
  let backupKey: Uint8Array;
  try {
    backupKey = await openKeyFile(keyFile, passphrase, options);
  } catch (cause) {
    if (cause instanceof WrongPassphraseError) throw cause;
    throw new BackupError("The backup's key block is damaged; use another copy of the backup.", { cause });
  }
  let payload: Uint8Array;
  try {
    payload = openEnvelope(backupKey, envelope, CONTEXT);
  } catch (cause) {
    throw new BackupError("The backup's contents are damaged; use another copy of the backup.", { cause });
  } finally {
    backupKey.fill(0);
  }
  if (payload[0] !== PAYLOAD_VERSION) {
    throw new BackupError(`Backup payload version ${payload[0]} is not supported.`);
  }
  const body = new Reader(payload.subarray(1));
  const spaceId = body.text();
  let keyRing: KeyRing;
  try {
    keyRing = KeyRing.fromBytes(body.bytes());
  } catch (cause) {
    if (cause instanceof BackupError || !(cause instanceof TransportError)) throw cause;
    throw new BackupError("The backup's key ring is damaged.", { cause });
  }
  const count = body.u32();
  const documents = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const id = body.text();
    documents.set(id, body.bytes().slice());
  }
  body.end();
  return { spaceId, keyRing, documents };
}
