/** A step of a kind of work, as the local breakdown proposes it when the description is silent. */
export interface PlaybookStep {
  title: string;
  description: string;
  /** Hours for this step when the task has no story points. */
  hours: number;
  /** Where it goes in set-up → build → test → release, when its title alone would mislead. */
  phase?: 'setup' | 'build' | 'test' | 'release';
}

/**
 * Playbooks: a kind of work, recognised by words in the task's title and description, with the
 * steps it usually takes and the test step that proves it. Steps name the work, not the task:
 * the task's title is already above them, so no step repeats it.
 */
export interface Playbook {
  kind: string;
  /** How the web shows where a step came from ("Playbook: API work"). */
  label: string;
  triggers: string[];
  steps: PlaybookStep[];
  test: PlaybookStep;
}

export const PLAYBOOKS: Playbook[] = [
  {
    kind: 'release',
    label: 'a release',
    triggers: ['release', 'publish', 'version', 'changelog', 'bump'],
    steps: [
      {
        title: 'Bump the version number',
        description: 'In every package manifest that carries it.',
        hours: 0.5,
        phase: 'setup',
      },
      {
        title: 'Update the changelog',
        description: 'What changed since the last release, with links.',
        hours: 1,
        phase: 'setup',
      },
      {
        title: 'Tag the release',
        description: 'A tag on the released commit, and the release notes.',
        hours: 0.5,
      },
      {
        title: 'Publish the release',
        description: 'Run the publish pipeline and check it succeeded.',
        hours: 1,
      },
      { title: 'Announce the release', description: 'Where the users and the team will see it.', hours: 0.5 },
    ],
    test: {
      title: 'Smoke-test the release build',
      description: 'Install it fresh and run the main flow.',
      hours: 1,
    },
  },
  {
    kind: 'auth',
    label: 'sign-in work',
    triggers: [
      'login',
      'logout',
      'signin',
      'sign-in',
      'oauth',
      'auth',
      'authentication',
      'sso',
      'password',
      'signup',
      'sign-up',
      'register',
      'session',
    ],
    steps: [
      {
        title: 'Register the OAuth app and store its client credentials',
        description: 'Redirect URIs set, the client secret in configuration.',
        hours: 1,
      },
      {
        title: 'Implement the OAuth redirect and callback with token exchange',
        description: 'Authorization-code flow with state/PKCE; exchange the code and load the profile.',
        hours: 4,
      },
      {
        title: 'Create or link the user account and start a session',
        description: 'Match by verified email, create the user when new, issue the session.',
        hours: 3,
      },
      {
        title: 'Handle denied consent, expired state and sign-out',
        description: 'The error paths a user can reach, and a sign-out that clears the session.',
        hours: 2,
      },
    ],
    test: {
      title: 'Test sign-in, sign-out and the error paths',
      description: 'Against a local fake of the identity provider.',
      hours: 3,
    },
  },
  {
    kind: 'infra',
    label: 'deployment work',
    triggers: [
      'helm',
      'kubernetes',
      'k8s',
      'docker',
      'dockerfile',
      'container',
      'deploy',
      'deployment',
      'ci',
      'pipeline',
      'terraform',
      'infrastructure',
    ],
    steps: [
      {
        title: 'Write the deployment templates',
        description: 'Deployment, service and ingress, parameterised.',
        hours: 3,
      },
      {
        title: 'Make settings configurable per environment',
        description: 'Values for development, staging and production.',
        hours: 2,
      },
      {
        title: 'Wire the build into the pipeline',
        description: 'Build, push and deploy on merge.',
        hours: 2,
      },
    ],
    test: {
      title: 'Deploy to a test environment and check it',
      description: 'A real deployment, health checks green.',
      hours: 2,
    },
  },
  {
    kind: 'migration',
    label: 'a migration to another tool',
    triggers: ['migrate', 'migration', 'upgrade', 'replace', 'switch', 'port'],
    steps: [
      {
        title: 'List what depends on the old tool',
        description: 'Configuration, scripts, plugins and imports.',
        hours: 1,
        phase: 'setup',
      },
      {
        title: 'Configure the new tool to produce the same output',
        description: 'Same entry points, same files out.',
        hours: 4,
      },
      {
        title: 'Remove the old tool with its configuration and dependencies',
        description: 'No leftover references.',
        hours: 1,
      },
    ],
    test: {
      title: 'Compare the output before and after',
      description: 'Build, run and test as before the switch.',
      hours: 2,
    },
  },
  {
    kind: 'notifications',
    label: 'notifications',
    triggers: [
      'notification',
      'notifications',
      'notify',
      'email',
      'emails',
      'digest',
      'unsubscribe',
      'reminder',
    ],
    steps: [
      {
        title: 'Write the message templates',
        description: 'One per kind of notification, HTML and plain text.',
        hours: 3,
      },
      {
        title: 'Send a notification on each triggering event',
        description: 'Queued, once per event and recipient.',
        hours: 3,
      },
      {
        title: 'Let each user choose which notifications they receive',
        description: 'Preferences with sensible defaults.',
        hours: 3,
      },
      {
        title: 'Add an unsubscribe link to every email',
        description: 'Signed, one click, no login needed.',
        hours: 2,
      },
    ],
    test: {
      title: 'Test that each notification is sent once, and not when turned off',
      description: 'Against a local mail server.',
      hours: 2,
    },
  },
  {
    kind: 'permissions',
    label: 'access control',
    triggers: [
      'role',
      'roles',
      'permission',
      'permissions',
      'rbac',
      'access',
      'authorization',
      'authorisation',
      'admin',
    ],
    steps: [
      {
        title: 'Define the roles and what each may do',
        description: 'One table of role × permission.',
        hours: 2,
        phase: 'setup',
      },
      { title: "Store each user's role", description: 'With a default for new users.', hours: 2 },
      {
        title: 'Check permissions in middleware on protected routes',
        description: '403 for a role that may not.',
        hours: 3,
      },
      {
        title: 'Show or hide actions by role in the interface',
        description: 'The server still decides.',
        hours: 2,
      },
    ],
    test: {
      title: "Test each role's access, including the refusals",
      description: 'A token per role.',
      hours: 3,
    },
  },
  {
    kind: 'caching',
    label: 'caching',
    triggers: ['cache', 'caching', 'cached', 'redis', 'memoize', 'memoise', 'ttl'],
    steps: [
      {
        title: 'Choose what to cache and for how long',
        description: 'A time-to-live per kind of data.',
        hours: 1,
        phase: 'setup',
      },
      {
        title: 'Cache the read-heavy responses',
        description: 'Keyed by everything the answer depends on.',
        hours: 3,
      },
      {
        title: 'Invalidate cached entries when the data changes',
        description: 'On every write path.',
        hours: 3,
      },
      {
        title: 'Fall back to the source when the cache is unavailable',
        description: 'A cache outage is not an outage.',
        hours: 2,
      },
    ],
    test: {
      title: 'Measure hit rate and response times with the cache',
      description: 'Metrics for hits and misses.',
      hours: 2,
    },
  },
  {
    kind: 'performance',
    label: 'performance work',
    triggers: [
      'slow',
      'performance',
      'optimize',
      'optimise',
      'optimization',
      'latency',
      'speed',
      'fast',
      'lighthouse',
      'bundle',
      'scale',
    ],
    steps: [
      {
        title: 'Measure the current numbers and set a target',
        description: 'A benchmark or profile to compare against.',
        hours: 2,
      },
      { title: 'Find the bottleneck', description: 'Profile queries, network and rendering.', hours: 3 },
      {
        title: 'Optimise the slow path',
        description: 'The smallest change that removes the cost.',
        hours: 4,
      },
    ],
    test: {
      title: 'Measure again and keep the benchmark as a regression check',
      description: 'Before and after, on the same machine.',
      hours: 2,
    },
  },
  {
    kind: 'ui',
    label: 'interface work',
    triggers: [
      'page',
      'screen',
      'ui',
      'form',
      'component',
      'dialog',
      'modal',
      'view',
      'layout',
      'dashboard',
      'button',
      'frontend',
      'banner',
      'onboarding',
      'wizard',
      'profile',
    ],
    steps: [
      {
        title: 'Sketch the layout and its empty, loading and error states',
        description: 'Phone width and dark mode included.',
        hours: 2,
      },
      {
        title: 'Build the components',
        description: 'Accessible controls with labels; reuse the design components.',
        hours: 4,
      },
      {
        title: 'Connect the screen to the API',
        description: 'Queries and mutations with error handling.',
        hours: 3,
      },
    ],
    test: {
      title: 'Add component tests for the main states',
      description: 'Empty, loading, error and populated.',
      hours: 2,
    },
  },
  {
    kind: 'api',
    label: 'API work',
    triggers: ['api', 'endpoint', 'route', 'rest', 'graphql', 'backend', 'server', 'webhook', 'middleware'],
    steps: [
      {
        title: 'Define the request and response schemas',
        description: 'Validation rules, error codes and permissions.',
        hours: 2,
      },
      {
        title: 'Implement the endpoint and its use case',
        description: 'The route stays thin; the rules live in the use case.',
        hours: 4,
      },
    ],
    test: {
      title: 'Add integration tests for success, validation errors and permissions',
      description: 'Against the real database.',
      hours: 3,
    },
  },
  {
    kind: 'data',
    label: 'data work',
    triggers: ['database', 'schema', 'table', 'column', 'index', 'query', 'sql', 'postgres', 'mongo', 'data'],
    steps: [
      {
        title: 'Design the schema change',
        description: 'Columns, constraints and the indexes the queries need.',
        hours: 2,
      },
      { title: 'Write the migration', description: 'Safe on existing data; back up first.', hours: 3 },
      {
        title: 'Update the queries that read and write it',
        description: 'Parameterised; check the plans.',
        hours: 3,
      },
    ],
    test: {
      title: 'Test the migration on a copy of real data',
      description: 'Production-sized, with a rollback.',
      hours: 2,
    },
  },
  {
    kind: 'bug',
    label: 'a bug fix',
    triggers: ['bug', 'fix', 'crash', 'error', 'broken', 'regression', 'fail', 'wrong'],
    steps: [
      {
        title: 'Reproduce the problem and write a failing test',
        description: 'The exact steps, input and environment.',
        hours: 2,
        phase: 'setup',
      },
      {
        title: 'Find the root cause',
        description: 'Logs, recent changes, bisect if needed.',
        hours: 3,
        phase: 'setup',
      },
      {
        title: 'Fix the cause and make the test pass',
        description: 'The smallest change that removes the cause, not the symptom.',
        hours: 2,
      },
    ],
    test: {
      title: 'Check the same mistake elsewhere',
      description: 'Search for similar code paths.',
      hours: 1,
    },
  },
  {
    kind: 'integration',
    label: 'a third-party integration',
    triggers: [
      'integrate',
      'integration',
      'slack',
      'github',
      'stripe',
      'payment',
      'payments',
      'billing',
      'export',
      'import',
      'csv',
    ],
    steps: [
      {
        title: 'Set up the sandbox account and credentials',
        description: 'Keys in configuration, rate limits noted.',
        hours: 2,
      },
      {
        title: 'Implement the client with retries and error handling',
        description: 'Timeouts, backoff, idempotency.',
        hours: 4,
      },
    ],
    test: {
      title: 'Test against a local fake of the service',
      description: 'Success, errors and rate limiting, without the real service.',
      hours: 3,
    },
  },
  {
    kind: 'docs',
    label: 'documentation',
    triggers: ['doc', 'docs', 'document', 'documentation', 'readme', 'guide', 'tutorial'],
    steps: [
      {
        title: 'Outline who reads it and what they need',
        description: 'The questions it must answer.',
        hours: 1,
      },
      {
        title: 'Write the first draft with examples that run',
        description: 'Copy-paste examples, checked.',
        hours: 3,
      },
    ],
    test: {
      title: 'Have someone new to it follow the document',
      description: 'Fix what confused them.',
      hours: 1,
    },
  },
];

/** When no playbook matches: the generic plan. */
export const GENERIC: Playbook = {
  kind: 'generic',
  label: 'general work',
  triggers: [],
  steps: [
    {
      title: 'Clarify the scope and what done means',
      description: 'Agree what is in and what is out.',
      hours: 1,
    },
    {
      title: 'Design the approach',
      description: 'Pick the approach, note risks and open questions.',
      hours: 2,
    },
    { title: 'Implement the change', description: 'In small reviewable commits.', hours: 6 },
  ],
  test: {
    title: 'Write tests for the main flow and its edge cases',
    description: 'The cases found along the way.',
    hours: 3,
  },
};

/** The closing gap-fillers: written only when no step already covers them. */
export const DOCS_STEP: PlaybookStep = {
  title: 'Document the change',
  description: 'README, API reference or changelog: where its users will look.',
  hours: 1,
};
