import { base, boundaries } from '@teamflow/eslint-config/base';

export default [
  ...base,
  {
    // The schema, client and migrations are Drizzle's home.
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [boundaries.testHelpers] }] },
  },
  {
    // The rollout checks read the Drizzle schema and are command-line tools that print their verdict.
    files: ['rollout/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [boundaries.testHelpers] }],
      'no-console': 'off',
    },
  },
];
