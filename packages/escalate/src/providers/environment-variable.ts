/**
 * Reads an environment variable where there is an environment (Node, Deno, Bun); undefined in a browser. Kept
 * free of Node's types so the default entry stays browser-safe.
 */
export function environmentVariable(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === "" ? undefined : value;
}
