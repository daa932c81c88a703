import type { BreakdownOutput, BreakdownSuggestion } from '@teamflow/contracts/ai';
import type { BreakdownInput } from '../inputs';
import { analyse, contentLemmas } from './nlp';

interface Step {
  title: string;
  description: string;
  hours: number;
}

/**
 * Playbooks: a kind of work, recognised by lemmas in the task's title and description, and the
 * steps that kind of work usually takes. `{x}` is the task's subject (its title without the verb).
 */
const PLAYBOOKS: { kind: string; triggers: string[]; steps: Step[] }[] = [
  {
    kind: 'auth',
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
        title: 'Register the OAuth app and store client credentials',
        description:
          'Create the app with the identity provider, set redirect URIs, keep the client secret in configuration.',
        hours: 1,
      },
      {
        title: 'Implement the OAuth redirect and callback with token exchange',
        description:
          'Authorization-code flow with state/PKCE; exchange the code for tokens and load the user profile.',
        hours: 4,
      },
      {
        title: 'Create or link the user account and start a session',
        description: 'Match by verified email, create the user when new, issue the session cookie or tokens.',
        hours: 3,
      },
      {
        title: 'Build the login form UI',
        description:
          'Email/password fields and the "Continue with provider" button, with loading and error states.',
        hours: 3,
      },
      {
        title: 'Handle logout and error cases',
        description:
          'Denied consent, expired or replayed state, provider outage; sign-out clears the session.',
        hours: 2,
      },
    ],
  },
  {
    kind: 'ui',
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
    ],
    steps: [
      {
        title: 'Sketch the layout and states of {x}',
        description: 'Empty, loading, error and populated states; phone width and dark mode.',
        hours: 2,
      },
      {
        title: 'Build the {x} components',
        description: 'Accessible controls with labels; reuse existing design components.',
        hours: 4,
      },
      {
        title: 'Wire {x} to the API',
        description: 'Queries and mutations with error handling and retry.',
        hours: 3,
      },
    ],
  },
  {
    kind: 'api',
    triggers: ['api', 'endpoint', 'route', 'rest', 'graphql', 'backend', 'server', 'webhook'],
    steps: [
      {
        title: 'Define the request and response schemas for {x}',
        description: 'Validation rules, error codes and permissions.',
        hours: 2,
      },
      {
        title: 'Implement the {x} endpoint and its use case',
        description: 'Keep the route thin; the rules live in the use case.',
        hours: 4,
      },
      {
        title: 'Add integration tests for {x}',
        description: 'Success, validation errors, permissions and not-found.',
        hours: 3,
      },
    ],
  },
  {
    kind: 'data',
    triggers: [
      'database',
      'migration',
      'schema',
      'table',
      'column',
      'index',
      'query',
      'sql',
      'postgres',
      'data',
    ],
    steps: [
      {
        title: 'Design the schema change for {x}',
        description: 'Columns, constraints and indexes that follow the queries.',
        hours: 2,
      },
      {
        title: 'Write and test the migration for {x}',
        description: 'Safe on existing data; check it on a copy of production-sized data.',
        hours: 3,
      },
      {
        title: 'Update the repository queries for {x}',
        description: 'Keep queries parameterised; check the plans use the new indexes.',
        hours: 3,
      },
    ],
  },
  {
    kind: 'bug',
    triggers: ['bug', 'fix', 'crash', 'error', 'broken', 'regression', 'fail', 'issue', 'wrong'],
    steps: [
      {
        title: 'Reproduce {x} and write a failing test',
        description: 'Pin down the exact steps, input and environment.',
        hours: 2,
      },
      {
        title: 'Find the root cause of {x}',
        description: 'Logs, recent changes, bisect if needed.',
        hours: 3,
      },
      {
        title: 'Fix {x} and make the test pass',
        description: 'The smallest change that removes the cause, not the symptom.',
        hours: 2,
      },
      {
        title: 'Check for the same bug elsewhere and release the fix',
        description: 'Search for similar code paths; note the fix in the changelog.',
        hours: 1,
      },
    ],
  },
  {
    kind: 'performance',
    triggers: ['slow', 'performance', 'optimize', 'optimise', 'latency', 'speed', 'fast', 'cache', 'scale'],
    steps: [
      {
        title: 'Measure {x} and set a target',
        description: 'A benchmark or profile that shows the current numbers.',
        hours: 2,
      },
      {
        title: 'Find the bottleneck in {x}',
        description: 'Profile queries, network and rendering.',
        hours: 3,
      },
      {
        title: 'Optimise {x} and measure again',
        description: 'Keep the benchmark as a regression check.',
        hours: 4,
      },
    ],
  },
  {
    kind: 'integration',
    triggers: [
      'integrate',
      'integration',
      'slack',
      'github',
      'stripe',
      'payment',
      'billing',
      'email',
      'notification',
      'export',
      'import',
    ],
    steps: [
      {
        title: 'Read the third-party API docs and set up credentials for {x}',
        description: 'Sandbox account, keys in configuration, rate limits noted.',
        hours: 2,
      },
      {
        title: 'Implement the {x} client with retries and error handling',
        description: 'Timeouts, retries with backoff, idempotency.',
        hours: 4,
      },
      {
        title: 'Test {x} against a local fake of the service',
        description: 'Success, errors and rate limiting, without the real service.',
        hours: 3,
      },
    ],
  },
  {
    kind: 'docs',
    triggers: ['doc', 'docs', 'document', 'documentation', 'readme', 'guide', 'tutorial'],
    steps: [
      { title: 'Outline {x}', description: 'Who reads it and what they need to do afterwards.', hours: 1 },
      { title: 'Write the first draft of {x}', description: 'With examples that actually run.', hours: 3 },
      { title: 'Review {x} with someone new to it', description: 'Fix what confused them.', hours: 1 },
    ],
  },
];

const GENERIC: Step[] = [
  {
    title: 'Clarify scope and acceptance criteria for {x}',
    description: 'Agree what done means and what is out of scope.',
    hours: 1,
  },
  {
    title: 'Design the approach for {x}',
    description: 'Pick the approach, note risks and open questions.',
    hours: 2,
  },
  { title: 'Implement {x}', description: 'The main change, in small reviewable commits.', hours: 6 },
];
const CLOSING: Step[] = [
  {
    title: 'Write tests for {x}',
    description: 'Cover the main flow and the edge cases found along the way.',
    hours: 3,
  },
  {
    title: 'Review, document and ship {x}',
    description: 'Code review, a note in the docs or changelog, release.',
    hours: 1,
  },
];

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)]|\[[ x]\])\s+(.+)$/i;

/** The task's subject: its title without a leading imperative verb ("Build login page" → "login page"). */
// The tagger reads a capitalised first word as a noun now and then ("Plan the offsite"); these are verbs there.
const IMPERATIVES = new Set(
  'add build create design document fix implement improve integrate investigate make migrate plan prepare refactor remove research review set ship support update write'.split(
    ' ',
  ),
);

function subjectOf(title: string): string {
  const first = analyse(title).words[0];
  const isVerb = first && (first.pos === 'VERB' || IMPERATIVES.has(first.normal));
  const rest = isVerb ? title.trim().split(/\s+/).slice(1).join(' ') : title.trim();
  const subject = (rest || title).replace(/[.!?]+$/, '');
  return subject.length > 60 ? `${subject.slice(0, 57)}…` : subject;
}

/** Steps the author already wrote: list items, or description sentences that start with a verb. */
function authoredSteps(description: string | null): string[] {
  if (!description) return [];
  const items = description
    .split('\n')
    .map((l) => LIST_ITEM.exec(l)?.[1]?.trim())
    .filter((l): l is string => !!l && l.length >= 3);
  if (items.length > 0) return items;
  return analyse(description)
    .sentences.filter((s) => s.firstPos === 'VERB' && s.text.length >= 8)
    .map((s) => s.text.replace(/[.!]+$/, ''));
}

const round = (n: number, step: number) => Math.max(step, Math.round(n / step) * step);
const cap = (s: string) => (s.charAt(0).toUpperCase() + s.slice(1)).slice(0, 200);

/**
 * Breakdown rules (deterministic; see docs/ai.md): the author's own checklist first; then the steps
 * of every playbook whose trigger words appear (in the order they first appear), or a generic plan
 * when none does; then tests and review unless already there. At most 10, at least 3. Hours scale
 * with story points (5 points = ×1); confidence is higher for authored steps and matched playbooks.
 */
export function localBreakdown(input: BreakdownInput): BreakdownOutput {
  const { task } = input;
  const text = `${task.title}\n${task.description ?? ''}`;
  const lemmas = contentLemmas(analyse(text)).map((l) => l.toLowerCase());
  const words = new Set([...lemmas, ...text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)]);
  const position = (trigger: string) => {
    const i = lemmas.indexOf(trigger);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const matched = PLAYBOOKS.filter((p) => p.triggers.some((t) => words.has(t))).sort(
    (a, b) => Math.min(...a.triggers.map(position)) - Math.min(...b.triggers.map(position)),
  );
  const subject = subjectOf(task.title);
  const scale = task.storyPoints ? Math.min(3, Math.max(0.5, task.storyPoints / 5)) : 1;
  const described = (task.description ?? '').trim().length >= 40;

  const out: (Omit<BreakdownSuggestion, 'order'> & { key: string })[] = [];
  const push = (step: Step, confidence: number) => {
    const title = cap(step.title.replaceAll('{x}', subject));
    const key = title.toLowerCase();
    if (out.length >= 10 || out.some((s) => s.key === key)) return;
    out.push({
      key,
      title,
      description: step.description.replaceAll('{x}', subject),
      estimatedHours: round(step.hours * scale, 0.5),
      confidence: Math.round(Math.min(0.95, confidence) * 100) / 100,
    });
  };

  for (const item of authoredSteps(task.description).slice(0, 6))
    push({ title: item, description: 'From the task description.', hours: 2 }, 0.85);
  const base = described ? 0.75 : 0.65;
  if (matched.length === 0) for (const s of GENERIC) push(s, base - 0.15);
  // Each matched playbook adds its steps; the first (most prominent) kind is trusted most.
  matched.forEach((p, i) => p.steps.forEach((s) => push(s, base - i * 0.05)));
  for (const s of CLOSING) {
    const already = out.some((o) => /\btest/i.test(o.title) && /test/i.test(s.title));
    if (!already) push(s, base);
  }
  const suggestions = out.slice(0, 10).map(({ key: _key, ...s }, i) => ({ ...s, order: i + 1 }));
  return { suggestions };
}
