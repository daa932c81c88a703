#!/usr/bin/env node
// Fails when the Drizzle schema and the committed migrations disagree: drizzle-kit must have nothing new to generate.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './lib.mjs';

const db = join(root, 'packages/db');
// drizzle-kit only takes an --out relative to its working directory.
const scratch = mkdtempSync(join(db, '.drift-'));
const relative = `./${scratch.slice(db.length + 1)}`;
try {
  // Generate into a copy of the migrations folder so the working tree is never touched.
  cpSync(join(db, 'migrations'), scratch, { recursive: true });
  const before = readdirSync(scratch).filter((f) => f.endsWith('.sql'));
  const kit = join(db, 'node_modules/.bin/drizzle-kit');
  const { code, output } = await run(
    kit,
    [
      'generate',
      '--dialect=postgresql',
      '--schema=./src/schema/index.ts',
      `--out=${relative}`,
      '--name=drift',
    ],
    {
      cwd: db,
      capture: true,
      quiet: true,
    },
  );
  if (code !== 0 || /Error/.test(output)) {
    console.error(output);
    console.error('✖ drizzle-kit generate failed');
    process.exitCode = 1;
  }
  const added = readdirSync(scratch).filter((f) => f.endsWith('.sql') && !before.includes(f));
  if (process.exitCode) {
    // already reported
  } else if (added.length) {
    console.error(
      `✖ The Drizzle schema has changes with no migration (drizzle-kit would generate ${added.join(', ')}).`,
    );
    console.error(
      '  Run: cd packages/db && npx drizzle-kit generate --name <what-changed>, and commit the SQL.',
    );
    process.exitCode = 1;
  } else {
    console.log('✓ migrations match the schema');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
