// Shared Jest preset: swc compiles TypeScript (and the workspace packages' source) on the fly.
const path = require('node:path');

const testing = path.join(__dirname, '..', '..', 'packages', 'core', 'testing');

/** @param {{ services?: boolean }} options services: the suite talks to real PostgreSQL and Redis */
module.exports = function preset(options = {}) {
  return {
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    transform: {
      '^.+\\.(t|j)s$': [
        '@swc/jest',
        { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
      ],
    },
    // A few dependencies ship ESM only; compile them too (Jest's CommonJS runtime cannot load them).
    transformIgnorePatterns: [
      '/node_modules/\\.pnpm/(?!(htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)@)',
    ],
    ...(options.services
      ? {
          globalSetup: path.join(testing, 'global-setup.ts'),
          globalTeardown: path.join(testing, 'global-teardown.ts'),
        }
      : {}),
    testTimeout: 30000,
    maxWorkers: 2,
  };
};
