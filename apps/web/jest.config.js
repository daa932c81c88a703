const preset = require('../../tooling/jest/preset.cjs')();

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
