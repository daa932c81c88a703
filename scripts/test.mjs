#!/usr/bin/env node
// `npm test`: every check a change must pass — formatting, import cycles, migration drift, lint,
// typecheck and every test suite on real PostgreSQL and Redis. Ends with one line: `N passed, N failed`.
import { join } from 'node:path';
import { assertNode, install, root, run, turbo, turboEnv } from './lib.mjs';

assertNode();
await install();

const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures = [];

async function check(name, cmd, args) {
  console.log(`\n▸ ${name}`);
  const { code } = await run(cmd, args, { env: turboEnv });
  if (code === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

await check('format (prettier)', bin('prettier'), ['--check', '--log-level=warn', '.']);
await check('import cycles (dpdm)', bin('dpdm'), [
  '--no-warning',
  '--no-tree',
  '--exit-code',
  'circular:1',
  '--transform',
  'apps/*/src/**/*.ts',
  'packages/*/src/**/*.ts',
]);
await check('migrations match the schema', process.execPath, [join(root, 'scripts/check-migrations.mjs')]);
await check('lint and typecheck', turbo, [
  'run',
  'lint',
  'typecheck',
  '--continue',
  '--output-logs=errors-only',
  '--concurrency=2',
]);

console.log('\n▸ test suites');
const suites = await run(turbo, ['run', 'test', '--continue', '--concurrency=1', '--output-logs=full'], {
  env: turboEnv,
  capture: true,
});
// Jest prints, per package: "Test Suites: 1 failed, 3 passed, 4 total" then "Tests: 2 failed, 30 passed, 32 total".
// A suite that cannot load has no test counts, so a package's failures are at least its failed suites.
const count = (text, word) => Number(new RegExp(`(\\d+) ${word}`).exec(text)?.[1] ?? 0);
for (const m of suites.output.matchAll(/Test Suites:([^\n]*)\n[^\n]*Tests:([^\n]*)/g)) {
  passed += count(m[2], 'passed');
  failed += Math.max(count(m[2], 'failed'), count(m[1], 'failed'));
}
if (suites.code !== 0) {
  failures.push('test suites');
  if (failed === 0) failed++;
}

console.log(`\n${failures.length ? `✖ failed: ${failures.join(', ')}` : '✓ all checks passed'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
