import type { Playbook, PlaybookStep } from './playbook';

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
