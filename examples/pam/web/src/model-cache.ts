// Model files in the browser's Cache Storage: put there by the page after download and SHA-256 check, read by the
// model worker. Both sides run this module.

/** The Cache Storage bucket for model files. */
export const MODEL_CACHE = "pam-models-v1";

/** A fetch that answers from the model cache first, and falls back to the network for anything not cached. */
export async function cachedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const method = init?.method ?? "GET";
  if (typeof caches !== "undefined" && (method === "GET" || method === "HEAD")) {
    const hit = await (await caches.open(MODEL_CACHE)).match(String(input instanceof Request ? input.url : input));
    if (hit) return method === "HEAD" ? new Response(null, { status: 200, headers: hit.headers }) : hit;
  }
  return fetch(input, init);
}
