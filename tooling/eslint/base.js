// Shared flat config: type-aware rules, process.env only inside packages/config, and the import
// boundaries of the house (HOUSE-STYLE.md) held by the linter rather than by habit.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * `no-restricted-imports` patterns, one per boundary. A config block that sets the rule replaces
 * what earlier blocks set, so a package adding patterns of its own spreads the ones it keeps.
 * tooling/eslint/test/boundaries.test.ts proves each one fires on a deliberate breach.
 */
export const boundaries = {
  drizzle: {
    group: ['drizzle-orm', 'drizzle-orm/*'],
    message: 'Only *.repository.ts files (and packages/db) use Drizzle: add a repository function.',
  },
  testHelpers: {
    group: ['@teamflow/*/testing/*', '**/testing/*'],
    message: 'Test helpers are for tests: product code never imports a testing entry point.',
  },
  repositories: {
    group: ['@teamflow/core/**/*.repository'],
    message: 'Apps call core use cases, never its repositories: add a use case to core.',
  },
};

/** One factory opens Redis, so REDIS_CLUSTER_NODES reaches every client (a plain one or a Cluster). */
export const redisClients = {
  selector: 'NewExpression[callee.name=/^(Redis|IORedis|Cluster)$/]',
  message:
    'Open Redis through createRedisConnection (@teamflow/queue/connection) or createRedis: they pick a plain client or a Cluster (REDIS_CLUSTER_NODES).',
};

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts', '**/testing/**/*.ts', '**/*.spec.ts'];

export const base = tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.next/**',
      '**/node_modules/**',
      '**/migrations/**',
      '**/*.config.*',
      '**/next-env.d.ts',
      '**/build.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @teamflow/config.' },
      ],
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [boundaries.drizzle, boundaries.testHelpers, boundaries.repositories] },
      ],
      'no-restricted-syntax': ['error', redisClients],
    },
  },
  {
    files: ['**/*.repository.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [boundaries.testHelpers, boundaries.repositories] }],
    },
  },
  {
    // Tests may set up and inspect state directly (repositories, Drizzle) and use the test helpers.
    files: TEST_FILES,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);
