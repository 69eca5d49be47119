// Every changeset must name workspace packages in its front matter. A Markdown formatter once turned the front
// matter into a heading, which `changeset version` then read as a changeset releasing nothing; this catches that.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import readChangesets from "@changesets/read";

const root = join(import.meta.dirname, "..");
const names = new Set();
for (const group of ["packages", "examples"]) {
  for (const dir of readdirSync(join(root, group))) {
    try {
      names.add(JSON.parse(readFileSync(join(root, group, dir, "package.json"), "utf8")).name);
    } catch {
      // not a package folder
    }
  }
}

const read = readChangesets.default ?? readChangesets;
const problems = [];
let changesets = [];
try {
  changesets = await read(root);
} catch (error) {
  problems.push(String(error.message).split("\n")[0]);
}
for (const changeset of changesets) {
  if (changeset.releases.length === 0) problems.push(`.changeset/${changeset.id}.md releases no package`);
  for (const release of changeset.releases) {
    if (!names.has(release.name)) problems.push(`.changeset/${changeset.id}.md names unknown package ${release.name}`);
  }
  if (!changeset.summary.trim()) problems.push(`.changeset/${changeset.id}.md has no summary`);
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`error: ${problem}`);
  console.error('A changeset starts with front matter: ---, a line "@hearth/name": patch|minor|major, ---.');
  process.exit(1);
}
