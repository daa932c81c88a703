const preset = require('../../tooling/jest/preset.cjs')();

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  // The web's code runs in a browser: window, DOM events and timers as jsdom provides them.
  testEnvironment: 'jsdom',
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
};
