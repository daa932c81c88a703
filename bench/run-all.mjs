#!/usr/bin/env node
// pnpm bench: every bench, one after another (they share the machine, so never in parallel).
// Arguments are passed on to each bench. Exits non-zero if any bench failed to measure;
// a missed goal is reported by the bench itself and is not a failure.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = [
  { name: 'api', script: 'api/run.mjs' },
  { name: 'realtime', script: 'realtime/run.mjs' },
  { name: 'queue', script: 'queue/run.mjs' },
  { name: 'markdown', script: 'markdown/run.mjs' },
];

const cwd = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const failed = [];
for (const bench of BENCHES) {
  process.stdout.write(`\n=== bench: ${bench.name} ===\n`);
  const r = spawnSync(process.execPath, [bench.script, ...args], { cwd, stdio: 'inherit' });
  if (r.status !== 0) failed.push(`${bench.name} (exit ${r.status ?? r.signal})`);
}
if (failed.length) {
  process.stderr.write(`\nbenches that failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
