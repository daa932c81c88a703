import type { Playbook } from './playbook';

// Keeping what exists in shape: bug fixes and documentation.

export const BUG_FIX_PLAYBOOK: Playbook = {
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
};

export const DOCS_PLAYBOOK: Playbook = {
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
};
