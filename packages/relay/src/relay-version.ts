import packageJson from "../package.json";

/** This relay's release (the package version), reported by `/health`. */
export const RELAY_VERSION: string = packageJson.version;
