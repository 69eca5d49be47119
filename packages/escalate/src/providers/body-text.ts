import { type BodyReadOptions, bodyChunks } from "./body-chunks";

/** A whole response body as text, read with {@link bodyChunks}'s bounds; UTF-8 decoded across chunks. */
export async function bodyText(body: ReadableStream<Uint8Array> | null, options: BodyReadOptions): Promise<string> {
  if (body === null) return "";
  const decoder = new TextDecoder("utf-8");
  let text = "";
  for await (const chunk of bodyChunks(body, options)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
