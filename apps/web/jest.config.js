const preset = require('../../tooling/jest/preset.cjs')();

// The device is in Los Angeles for every web test (workers inherit it): a local date computed in
// the device's zone instead of the user's (lib/local-dates.ts) shows up as a failure, not as UTC
// agreeing with itself. A test cannot move the zone itself: Jest gives it its own copy of process.env.
process.env.TZ = 'America/Los_Angeles';

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  // The web's code runs in a browser: window, DOM events and timers as jsdom provides them.
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.{ts,tsx}'],
  // Components are tested too: TSX with React's automatic runtime.
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
};
