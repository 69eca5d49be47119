import type { IncomingMessage } from "node:http";
import { ProtocolError } from "@hearth/sync/protocol";
import { BodyAbandonedError } from "../errors/body-abandoned-error";
import { TooLargeError } from "../errors/too-large-error";

/**
 * Reads a request body of at most `maxBytes`. A larger body is still read to its end (and thrown away) so the
 * client can read the 413; a body four times over the limit makes the relay stop reading and close the connection.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    `The request body is larger than ${maxBytes} bytes: send fewer or smaller entries per request.`;
  const abandonAt = maxBytes * 4 + 1024 * 1024;
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > abandonAt) return Promise.reject(new BodyAbandonedError(tooLarge()));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
      } else if (size > abandonAt) {
        cleanup();
        req.pause();
        reject(new BodyAbandonedError(tooLarge()));
      } else {
        chunks.length = 0;
      }
    };
    const onEnd = () => {
      cleanup();
      if (size > maxBytes) reject(new TooLargeError(tooLarge()));
      else resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanup();
      reject(new ProtocolError("The request body was cut off before its end."));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
  });
}

/** Parses a body as a JSON object; anything else is a `ProtocolError`. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new ProtocolError("The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ProtocolError("The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}
