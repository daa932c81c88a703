/** @type {import('jest').Config} */
// The whole arrangement per test file (three api processes, two workers, nginx, PgBouncer): files
// run one after another (--runInBand in package.json), each on a database of its own.
module.exports = {
  ...require('../tooling/jest/preset.cjs')({ services: true }),
  testTimeout: 120_000,
};
