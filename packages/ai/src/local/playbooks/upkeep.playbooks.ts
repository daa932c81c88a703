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

/**
 * A title that reports a symptom ("Session expires while editing a long description", "Deploying
 * the worker drops in-flight jobs", "Export doesn't include archived tasks") asks for a fix, whatever
 * area its words name: without this, "session" picked the sign-in playbook and "deploying" the
 * deployment one. Verbs in the third person or past (a feature says "Drag and drop", a report
 * "drops"), negations, and words that only name trouble; not words a feature uses as well
 * ("slow" is the performance playbook's, "failed jobs", "line breaks", "lost password").
 */
const SYMPTOM =
  /\b(expires|drops|loses|crash(es|ed|ing)|hangs|freezes|froze|broke|broken|fails|leaks|flickers|disappears|vanishes|overwrites|ignores|times out|timed out|stuck|go(es)? stale|went stale|wrong|(does|did|is|are|was|were|can|could|wo)(n't| not)|cannot|no longer)\b/i;

// The same verbs after a plural subject ("Webhook retries fail…", "Tokens expire too early"), but
// never as the first word, where they give an order ("Expire old sessions", "Ignore archived tasks").
const PLURAL_SYMPTOM = /\b(expire|lose|fail|leak|flicker|disappear|vanish|overwrite|ignore|hang|time out)\b/i;

export function describesAProblem(title: string): boolean {
  const text = title.replace(/[’]/g, "'");
  return SYMPTOM.test(text) || PLURAL_SYMPTOM.test(text.replace(/^\s*\S+/, ''));
}

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
