// Every SHA-256 the package offers agrees with node:crypto on the same bytes fed in uneven chunks, including the
// WebCrypto hasher on both sides of its memory limit (where it hands over to @noble/hashes mid-file).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Hasher, nobleSha256, webCryptoSha256 } from "../src/index";
import { nodeSha256 } from "../src/node";
import { bytes } from "./helpers/fixture-model";

const data = bytes(3 * 2 ** 20 + 123, 5);
const expected = createHash("sha256").update(data).digest("hex");

async function feed(h: Hasher): Promise<string> {
  // Uneven chunks, and a reused buffer, as a stream reader might hand them over.
  const scratch = new Uint8Array(70_001);
  for (let at = 0; at < data.length; at += scratch.length) {
    const part = data.subarray(at, at + scratch.length);
    scratch.set(part);
    h.update(scratch.subarray(0, part.length));
  }
  return h.digestHex();
}

describe("SHA-256 hashers", () => {
  it("node:crypto, @noble/hashes and WebCrypto agree", async () => {
    expect(await feed(nodeSha256())).toBe(expected);
    expect(await feed(nobleSha256())).toBe(expected);
    expect(await feed(webCryptoSha256()())).toBe(expected);
  });

  it("WebCrypto hands over to @noble/hashes past maxBytes and still agrees", async () => {
    const h = webCryptoSha256({ maxBytes: 2 ** 20 })();
    expect(await feed(h)).toBe(expected);
    // An empty file too.
    expect(await webCryptoSha256()().digestHex()).toBe(createHash("sha256").digest("hex"));
  });
});
