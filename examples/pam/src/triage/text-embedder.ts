/** Turns texts into unit-length vectors, so a dot product is the cosine similarity. */
export interface TextEmbedder {
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

/** Dot product of two vectors of the same length (the cosine for unit vectors). */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * (b[i] ?? 0);
  return sum;
}

/** The mean of vectors scaled to unit length. */
export function centroid(vectors: readonly Float32Array[]): Float32Array {
  const first = vectors[0];
  const out = new Float32Array(first?.length ?? 0);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i] = out[i]! + (v[i] ?? 0);
  const norm = Math.sqrt(dot(out, out)) || 1;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / norm;
  return out;
}
