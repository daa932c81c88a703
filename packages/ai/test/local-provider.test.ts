import type { BacklogInput, BacklogTask } from '../src/inputs';
import { localBreakdown } from '../src/local/breakdown.rules';
import { cosine, termVector } from '../src/local/nlp';
import { localPrioritize } from '../src/local/prioritize.rules';
import { localSummarize } from '../src/local/summarize.rules';

const task = (title: string, description: string | null = null, storyPoints: number | null = null) => ({
  projectName: 'Web',
  task: { key: 'WEB-1', title, description, priority: 'high' as const, storyPoints },
});

describe('local breakdown', () => {
  it('breaks "Build login page with OAuth" into OAuth, callback, session and test steps', () => {
    const { suggestions } = localBreakdown(task('Build login page with OAuth'));
    const titles = suggestions.map((s) => s.title.toLowerCase()).join('\n');
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(suggestions.length).toBeLessThanOrEqual(10);
    expect(titles).toMatch(/oauth/);
    expect(titles).toMatch(/callback|token/);
    expect(titles).toMatch(/session/);
    expect(titles).toMatch(/test/);
    expect(suggestions.map((s) => s.order)).toEqual(suggestions.map((_s, i) => i + 1));
    for (const s of suggestions) {
      expect(s.estimatedHours).toBeGreaterThan(0);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same output for the same input', () => {
    const a = localBreakdown(task('Fix crash when exporting the report to CSV', 'Users see a 500 error.'));
    const b = localBreakdown(task('Fix crash when exporting the report to CSV', 'Users see a 500 error.'));
    expect(a).toEqual(b);
    expect(a.suggestions[0]!.title).toMatch(/reproduce/i);
  });

  it('turns the checklist in the description into the first sub-tasks', () => {
    const { suggestions } = localBreakdown(
      task('Improve onboarding', '- Add a welcome tour\n- Send a welcome email\n- Track completion'),
    );
    expect(suggestions.slice(0, 3).map((s) => s.title)).toEqual([
      'Add a welcome tour',
      'Send a welcome email',
      'Track completion',
    ]);
    expect(suggestions[0]!.confidence).toBeGreaterThan(suggestions.at(-1)!.confidence);
  });

  it('scales estimates with story points', () => {
    const small = localBreakdown(task('Write the API guide', null, 2)).suggestions;
    const big = localBreakdown(task('Write the API guide', null, 13)).suggestions;
    const sum = (xs: { estimatedHours: number }[]) => xs.reduce((s, x) => s + x.estimatedHours, 0);
    expect(sum(big)).toBeGreaterThan(sum(small));
  });

  it('breaks a title that reports a symptom into a fix, not the steps of the area it names', () => {
    for (const title of [
      'Session expires while editing a long description',
      'Deploying the worker drops in-flight jobs',
      "Export doesn't include archived tasks",
      'Webhooks no longer fire after a rename',
      'Search results go stale after a task is renamed',
      'Webhook retries fail after a secret rotation',
    ]) {
      const { suggestions } = localBreakdown(task(title));
      expect(suggestions[0]!.title).toBe('Reproduce the problem and write a failing test');
      expect(suggestions.map((s) => s.origin)).toContainEqual({ kind: 'playbook', playbook: 'a bug fix' });
      expect(suggestions.map((s) => s.title).join('\n')).not.toMatch(/oauth|roll back|canary/i);
    }
  });

  it('keeps the area playbook for work that only names a feature', () => {
    expect(localBreakdown(task('Drag and drop between columns')).suggestions[0]!.origin).not.toEqual({
      kind: 'playbook',
      playbook: 'a bug fix',
    });
    const signIn = localBreakdown(task('Session timeout setting for admins')).suggestions;
    expect(signIn.map((s) => s.origin)).toContainEqual({ kind: 'playbook', playbook: 'sign-in work' });
    const orders = localBreakdown(task('Expire old sessions after 30 days')).suggestions;
    expect(orders.map((s) => s.origin)).not.toContainEqual({ kind: 'playbook', playbook: 'a bug fix' });
    const breaks = localBreakdown(task('Keep line breaks in comments')).suggestions;
    expect(breaks.map((s) => s.origin)).not.toContainEqual({ kind: 'playbook', playbook: 'a bug fix' });
  });

  it('falls back to a generic plan for work no playbook knows', () => {
    const { suggestions } = localBreakdown(task('Plan the offsite'));
    expect(suggestions.map((s) => s.title)).toEqual(
      expect.arrayContaining(['Clarify the scope and what done means', 'Design the approach']),
    );
  });
});

const base = (over: Partial<BacklogTask> & { key: string }): BacklogTask => ({
  id: `00000000-0000-4000-8000-${over.key.replace(/\D/g, '').padStart(12, '0')}`,
  title: `Task ${over.key}`,
  description: null,
  status: 'todo',
  priority: 'medium',
  dueDate: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  storyPoints: null,
  waitsOn: [],
  blocks: [],
  ...over,
});

const backlog: BacklogInput = {
  projectName: 'Web',
  today: '2026-11-22',
  tasks: [
    base({ key: 'W-1', priority: 'low', title: 'Polish footer' }),
    base({ key: 'W-2', priority: 'high', dueDate: '2026-11-23', title: 'Ship pricing page' }),
    base({
      key: 'W-3',
      priority: 'critical',
      dueDate: '2026-11-19',
      blocks: ['W-4', 'W-5'],
      title: 'Fix auth outage',
    }),
    base({ key: 'W-4', priority: 'high', waitsOn: ['W-3'], title: 'Add SSO' }),
    base({ key: 'W-5', priority: 'medium', status: 'blocked', waitsOn: ['W-3'], title: 'Audit logs' }),
    base({ key: 'W-6', priority: 'medium', createdAt: '2026-08-01T00:00:00.000Z', title: 'Old chore' }),
  ],
};

describe('local prioritisation', () => {
  it('puts the overdue critical task that others wait on first, and explains why', () => {
    const { items } = localPrioritize(backlog);
    const keyOf = (id: string) => backlog.tasks.find((t) => t.id === id)!.key;
    expect(keyOf(items[0]!.taskId)).toBe('W-3');
    expect(items[0]!.reason).toMatch(/critical priority/i);
    expect(items[0]!.reason).toMatch(/overdue by 3 days/);
    expect(items[0]!.reason).toMatch(/W-4, W-5 wait on it/);
    expect(keyOf(items[1]!.taskId)).toBe('W-2');
    expect(keyOf(items.at(-1)!.taskId)).toBe('W-1');
    // Waiting on W-3 pushes W-4 below tasks it would otherwise outrank.
    const rank = (k: string) => items.findIndex((i) => keyOf(i.taskId) === k);
    expect(rank('W-4')).toBeGreaterThan(rank('W-3'));
    expect(items.find((i) => keyOf(i.taskId) === 'W-4')!.reason).toMatch(/waits on W-3/);
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('is stable: the same backlog in any order gives the same ranking', () => {
    const a = localPrioritize(backlog);
    const b = localPrioritize({ ...backlog, tasks: [...backlog.tasks].reverse() });
    expect(b).toEqual(a);
  });
});

describe('local summary', () => {
  it('counts the work and names overdue, blocked and waiting tasks as risks', () => {
    const s = localSummarize({
      ...backlog,
      tasks: [...backlog.tasks, base({ key: 'W-7', status: 'done', title: 'Set up CI' })],
    });
    expect(s.summary).toMatch(/7 tasks, 1 done \(14%\)/);
    expect(s.risks.join('\n')).toMatch(/Overdue: W-3/);
    expect(s.risks.join('\n')).toMatch(/Blocked: W-5/);
    expect(s.risks.join('\n')).toMatch(/Waiting on other tasks: W-4, W-5/);
    expect(s.highlights.join('\n')).toMatch(/Next up: W-3 Fix auth outage/);
  });

  it('names as themes only the words several open tasks share, and no theme when none do', () => {
    const summarize = (titles: string[]) =>
      localSummarize({
        ...backlog,
        tasks: titles.map((title, i) => base({ key: `T-${i + 1}`, title })),
      }).highlights.find((h) => h.startsWith('Main themes'));
    expect(
      summarize([
        'Session expires while editing a long description',
        'Deploying the worker drops in-flight jobs',
      ]),
    ).toBeUndefined();
    expect(
      summarize([
        'Search across comments',
        'Search filters in the URL',
        'Threaded comments in tasks',
        'Dark mode',
      ]),
    ).toBe('Main themes: comment, search');
  });

  it('flags negative wording in open tasks with the sentiment lexicon', () => {
    const s = localSummarize({
      ...backlog,
      tasks: [
        base({
          key: 'W-8',
          title: 'Terrible crash, customers angry',
          description: 'Awful, broken and frustrating.',
        }),
      ],
    });
    expect(s.risks.join('\n')).toMatch(/negative/);
  });
});

describe('term vectors', () => {
  it('score near-duplicate titles above unrelated ones', () => {
    const a = termVector('Build login page with OAuth');
    const b = termVector('OAuth login page');
    const c = termVector('Quarterly revenue report');
    expect(cosine(a, b)).toBeGreaterThan(0.6);
    expect(cosine(a, c)).toBe(0);
  });
});
