// `npm test`'s "migrations are expand-only" check: every migration after the grandfathered ones
// must leave the schema usable by the previous release (rollout/expand-only-rules.ts). Prints one
// line per problem (file:line: [rule] message) and exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkMigrations, type ExpandOnlyConfig } from './expand-only-rules';
import { readPreviousRelease } from './release-schema';

const migrationsDir = process.argv[2] ?? join(__dirname, '..', 'migrations');
const config = JSON.parse(
  readFileSync(join(__dirname, 'expand-only.config.json'), 'utf8'),
) as ExpandOnlyConfig;
const migrations = readdirSync(migrationsDir)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => ({ name: f.slice(0, -4), sql: readFileSync(join(migrationsDir, f), 'utf8') }));

const missing = config.grandfathered.filter((name) => !migrations.some((m) => m.name === name));
for (const name of missing)
  console.error(`✖ expand-only.config.json grandfathers ${name}, which is not in ${migrationsDir}`);

const violations = checkMigrations(migrations, config, readPreviousRelease());
const where = relative(process.cwd(), migrationsDir) || '.';
for (const v of violations) {
  console.error(`${where}/${v.migration}.sql:${v.line}: [${v.rule}] ${v.message}`);
  console.error(`    ${v.statement.length > 160 ? `${v.statement.slice(0, 157)}...` : v.statement}`);
}
const judged = migrations.filter((m) => !config.grandfathered.includes(m.name)).length;
if (violations.length || missing.length) {
  console.error(
    `✖ ${violations.length} problem(s) in the migrations after the grandfathered ones: see docs/ARCHITECTURE.md, "Migrations: expand → migrate → contract"`,
  );
  process.exitCode = 1;
} else {
  console.log(
    `✓ migrations are expand-only (${judged} judged, ${config.grandfathered.length} grandfathered)`,
  );
}
