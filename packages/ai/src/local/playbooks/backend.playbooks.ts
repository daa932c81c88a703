import type { Playbook } from './playbook';

// The server side: endpoints, the data behind them, and the services they call.

export const API_PLAYBOOK: Playbook = {
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
};

export const DATA_PLAYBOOK: Playbook = {
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
};

export const INTEGRATION_PLAYBOOK: Playbook = {
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
};
