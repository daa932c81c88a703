/** @type {import('jest').Config} */
// `npm run test:topology` (scripts/test-topology.mjs builds dist/ first). The whole arrangement per
// test file (three api processes, two workers, nginx, PgBouncer; a replica and a Redis Cluster in one file) on a database of its own: files
// run one after another, two would crowd a two-core machine.
module.exports = {
  ...require('../tooling/jest/preset.cjs')({ services: true }),
  maxWorkers: 1,
  // A create cut off by a killed instance waits out its Idempotency-Key reservation (60 s).
  testTimeout: 180_000,
};
