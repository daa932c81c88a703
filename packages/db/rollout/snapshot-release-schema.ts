// Writes rollout/previous-release-schema.json from the Drizzle schema of this checkout: run it on
// the commit a release was cut from, right after tagging it, and commit the file:
//   pnpm --filter @teamflow/db run release-schema -- v1.4.0
// From then on the rollout test checks every later migration against what that release reads.
import { writeFileSync } from 'node:fs';
import {
  currentSchemaTables,
  lastMigration,
  PREVIOUS_RELEASE_FILE,
  type ReleaseSchema,
} from './release-schema';

const release = process.argv.slice(2).find((a) => a !== '--');
if (!release) {
  console.error('usage: pnpm --filter @teamflow/db run release-schema -- <release tag, e.g. v1.4.0>');
  process.exit(1);
}
const snapshot: ReleaseSchema = { release, lastMigration: lastMigration(), tables: currentSchemaTables() };
writeFileSync(PREVIOUS_RELEASE_FILE, `${JSON.stringify(snapshot, null, 2)}\n`);
const columns = Object.values(snapshot.tables).reduce((n, t) => n + Object.keys(t).length, 0);
console.log(
  `✓ ${PREVIOUS_RELEASE_FILE}: ${release} (through ${snapshot.lastMigration}), ${Object.keys(snapshot.tables).length} tables, ${columns} columns`,
);
