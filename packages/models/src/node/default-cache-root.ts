import { homedir } from "node:os";
import { join } from "node:path";

/** The default cache folder: `$HEARTH_MODELS_CACHE`, else `$XDG_CACHE_HOME/hearth/models`, else `~/.cache/hearth/models`. */
export function defaultCacheRoot(): string {
  const env = process.env;
  if (env.HEARTH_MODELS_CACHE) return env.HEARTH_MODELS_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "hearth", "models");
}
