import { base, boundaries } from '@teamflow/eslint-config/base';

export default [
  ...base,
  {
    // The schema, client and migrations are Drizzle's home.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [boundaries.testHelpers] }] },
  },
];
