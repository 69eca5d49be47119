import { CacheError } from "../errors/cache-error";
import { ModelsError } from "../errors/models-error";
import { QuotaError } from "../errors/quota-error";

/**
 * Runs one write to browser storage, turning the browser's refusals into this package's errors: the origin's storage
 * is full (QuotaExceededError) is a {@link QuotaError}, anything else a {@link CacheError}, both naming the store.
 */
export async function storageCall<T>(store: string, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ModelsError) throw e;
    const name = (e as { name?: unknown })?.name;
    if (name === "QuotaExceededError") {
      throw new QuotaError(
        `${store}: the browser refused ${what}: this site's storage is full. Remove models, or ask the user to free space or grant persistent storage.`,
        { cause: e },
      );
    }
    throw new CacheError(`${store}: ${what} failed: ${(e as Error)?.message ?? String(e)}.`, { cause: e });
  }
}
