#!/usr/bin/env node
import { main } from "./cli/main";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    process.stderr.write(
      `pam: ${error instanceof Error ? error.message : String(error)}${typeof code === "string" ? ` (${code})` : ""}\n`,
    );
    process.exitCode = 1;
  },
);
