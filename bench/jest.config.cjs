/** @type {import('jest').Config} */
// Only the AI evaluation's unit tests (its scorer); the benches themselves never run under Jest.
module.exports = {
  ...require('../tooling/jest/preset.cjs')(),
  testMatch: ['<rootDir>/ai-eval/**/*.test.ts'],
};
