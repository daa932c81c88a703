import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import nextPlugin from '@next/eslint-plugin-next';
import { base } from '@teamflow/eslint-config/base';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Every folder of src/modules is a module (ARCHITECTURE.md, Web). Another module is reached only
// through its public files: `components/`, `hooks/` and its top-level files. `stores/` (Zustand UI
// state) and files named `*.internal.ts(x)` are its own. test/module-boundaries.test.ts proves
// each rule fires on a fixture.
const modules = readdirSync(join(import.meta.dirname, 'src', 'modules'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const PRIVATE_MESSAGE =
  'is private to its module (stores/ and *.internal files): use the hooks or functions the module exports, or add one to its hooks/.';

/** The import patterns code in `self` (a module name, or undefined for app/) may not use. */
function privateParts(self) {
  const other = self ? `(?!${self}/)` : '';
  return [
    { regex: `^@/modules/${other}[^/]+/stores/`, message: `Another module's store ${PRIVATE_MESSAGE}` },
    { regex: `^@/modules/${other}[^/]+/(.+/)?[^/]+\\.internal$`, message: `This file ${PRIVATE_MESSAGE}` },
  ];
}

const LEAVES_MODULE = 'Import another module by its @/modules/<name>/… path, not a relative one.';

const moduleBoundaries = [
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: privateParts(undefined) }] },
  },
  {
    // lib/ is below every module: the api client, query keys, env.
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@/modules/', message: 'lib/ is shared by every module and imports none.' }] },
      ],
    },
  },
  ...modules.flatMap((self) => [
    {
      files: [`src/modules/${self}/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [...privateParts(self), { regex: '^\\.\\./', message: LEAVES_MODULE }] },
        ],
      },
    },
    {
      files: [`src/modules/${self}/*/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [...privateParts(self), { regex: '^\\.\\./\\.\\./', message: LEAVES_MODULE }] },
        ],
      },
    },
  ]),
];

// The task cache (a project's task lists and one task) has one writer, modules/task-cache: any
// other setQueryData must name its key inline (so the key is visible here) and not a task key.
const TASK_CACHE_MESSAGE =
  'The task cache has one writer: use applyTaskChange / addTask / removeTask / applyOptimistic / rollback from @/modules/task-cache/task-cache.';
const taskCacheOwner = [
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='setQueriesData']", message: TASK_CACHE_MESSAGE },
        {
          selector:
            "CallExpression[callee.property.name='setQueryData']:not([arguments.0.object.name='queryKeys']):not([arguments.0.callee.object.name='queryKeys'])",
          message:
            'Name the key inline (queryClient.setQueryData(queryKeys.…, …)) so a write to the task cache cannot hide behind a variable.',
        },
        {
          selector:
            "CallExpression[callee.property.name='setQueryData'][arguments.0.callee.property.name=/^(boardTasks|task)$/]",
          message: TASK_CACHE_MESSAGE,
        },
      ],
    },
  },
  { files: ['src/modules/task-cache/task-cache.ts'], rules: { 'no-restricted-syntax': 'off' } },
];

export default [
  // Fixtures break the rules on purpose; test/module-boundaries.test.ts lints them with this config.
  { ignores: ['test/fixtures/**'] },
  ...base,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The env modules: server config (env.ts) and the build-time NEXT_PUBLIC_* values (public-env.ts).
    files: ['src/lib/env.ts', 'src/lib/public-env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  ...moduleBoundaries,
  ...taskCacheOwner,
];
