// Runs before `install` and `test`: this workspace needs pnpm (workspace: links, the lockfile, allowBuilds).
// npm or yarn would half-install it and fail later with a confusing error, so stop early with one line.
const agent = process.env.npm_config_user_agent ?? "";
if (!agent.startsWith("pnpm/")) {
  console.error(
    "Hearth uses pnpm: run `npx -y pnpm@10.34.5 install` (or `corepack enable pnpm && pnpm install`), not npm or yarn.",
  );
  process.exit(1);
}
