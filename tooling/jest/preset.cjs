// Shared Jest preset: swc compiles TypeScript (and the workspace packages' source) on the fly.
const fs = require('node:fs');
const path = require('node:path');

const testing = path.join(__dirname, '..', '..', 'packages', 'core', 'testing');

// The dependencies that ship ESM only, as pnpm names their folders: sanitize-html's parser, the
// OpenID Connect client, and the Markdown family (unified, remark, rehype, micromark, mdast/hast
// utilities, lowlight) that the api's sanitizer and the web's renderer use.
const ESM_ONLY = [
  'htmlparser2',
  'domhandler',
  'domutils',
  'dom-serializer',
  'domelementtype',
  'entities',
  'react-markdown',
  'remark-[^@]+',
  'rehype-[^@]+',
  'micromark[^@]*',
  'mdast-util-[^@]+',
  'hast-util-[^@]+',
  'hastscript',
  'unist-util-[^@]+',
  'unified',
  'bail',
  'trough',
  'vfile[^@]*',
  'devlop',
  'property-information',
  'space-separated-tokens',
  'comma-separated-tokens',
  'decode-named-character-reference',
  'character-entities[^@]*',
  'character-reference-invalid',
  'ccount',
  'escape-string-regexp',
  'markdown-table',
  'longest-streak',
  'zwitch',
  'html-url-attributes',
  'html-void-elements',
  'estree-util-[^@]+',
  'is-plain-obj',
  'trim-lines',
  'web-namespaces',
  'lowlight',
  'parse5',
  'is-decimal',
  'is-hexadecimal',
  'is-alphanumerical',
  'is-alphabetical',
  // The CommonMark spec's examples: the web's Markdown parser is compared with micromark on them.
  'commonmark\\.json',
  // The OpenID Connect client (Google sign-in) and its JOSE and OAuth layers.
  'openid-client',
  'oauth4webapi',
  'jose',
  // GitHub's webhook verification (@octokit/webhooks and its helpers).
  '@octokit\\+[^@]+',
];

// Packages whose exports offer only an `import` condition, which Jest's CommonJS resolver never
// matches: mapped to their Node entry file (compiled like the ESM_ONLY ones above). Node itself
// loads them through `import`, as @octokit/webhooks does.
const IMPORT_ONLY = { '@octokit/webhooks-methods': 'dist-node/index.js' };
const pnpmStore = path.join(__dirname, '..', '..', 'node_modules', '.pnpm');
function importOnlyEntries() {
  const folders = fs.existsSync(pnpmStore) ? fs.readdirSync(pnpmStore) : [];
  return Object.fromEntries(
    Object.entries(IMPORT_ONLY).flatMap(([name, entry]) => {
      const folder = folders.find((f) => f.startsWith(`${name.replace('/', '+')}@`));
      return folder ? [[`^${name}$`, path.join(pnpmStore, folder, 'node_modules', name, entry)]] : [];
    }),
  );
}

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
    // Some dependencies ship ESM only; compile them too (Jest's CommonJS runtime cannot load them).
    transformIgnorePatterns: [`/node_modules/\\.pnpm/(?!(${ESM_ONLY.join('|')})@)`],
    moduleNameMapper: importOnlyEntries(),
    ...(options.services
      ? {
          globalSetup: path.join(testing, 'global-setup.ts'),
          globalTeardown: path.join(testing, 'global-teardown.ts'),
        }
      : {}),
    testTimeout: 30000,
    maxWorkers: 2,
    // Jest 30 "soft deletes" what a test file left on the worker's globals: each such property
    // becomes a getter/setter whose setter assigns the property again, i.e. calls itself. When a
    // later file in the same worker sets it once more (Sentry's per-version carrier, '10.78.0',
    // as the api starts), that file fails to load with "Maximum call stack size exceeded" — which
    // files share a worker varies from run to run, so it failed suites at random. Off: no cleanup.
    testEnvironmentOptions: { globalsCleanup: 'off' },
  };
};
