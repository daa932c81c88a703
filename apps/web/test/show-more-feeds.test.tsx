import type { Activity } from '@teamflow/contracts/activity';
import type { Blocker } from '@teamflow/contracts/blockers';
import type { Comment } from '@teamflow/contracts/comments';
import type { Decision } from '@teamflow/contracts/decisions';
import type { Digest } from '@teamflow/contracts/digests';
import type { Incident } from '@teamflow/contracts/incidents';
import type { Notification } from '@teamflow/contracts/notifications';
import type { Webhook, WebhookDelivery } from '@teamflow/contracts/webhooks';
import type { Workspace } from '@teamflow/contracts/workspaces';
import type { QueryClient } from '@tanstack/react-query';
import { randomUUID } from 'node:crypto';
import { act } from 'react';
import { setAccessToken } from '@/lib/api-client';
import { formatLocalDate } from '@/lib/local-dates';
import { queryKeys } from '@/lib/query-keys';
import { BlockersPage } from '@/modules/async-updates/components/blockers-page';
import { DecisionsPage } from '@/modules/async-updates/components/decisions-page';
import { DigestPage } from '@/modules/async-updates/components/digest-page';
import { IncidentsPage } from '@/modules/async-updates/components/incidents-page';
import { applyEvent } from '@/modules/event-sync/apply-event';
import { NotificationsPage } from '@/modules/notifications/components/notifications-page';
import { TaskActivity } from '@/modules/tasks/components/task-activity';
import { TaskComments } from '@/modules/tasks/components/task-comments';
import { WebhookSettings } from '@/modules/webhooks/components/webhook-settings';
import { aComment, anEvent, aQueryClient, aUser, WORKSPACE } from './builders';
import { fakeListApi } from './fake-list-api';
import { render, settle, settleUntil, typeInto, type Rendered } from './render';

// The query string the page was opened with (a digest email links to `?date=`).
let search = new URLSearchParams();
jest.mock('next/navigation', () => ({
  useSearchParams: () => search,
  usePathname: () => '/',
  useRouter: () => ({ push: jest.fn(), replace: jest.fn() }),
}));

const TASK = randomUUID();
const WEBHOOK = randomUUID();
const ME = aUser({ timeZone: 'UTC' });
const person = (i: number) => ({ id: randomUUID(), name: `Person ${i}` });
// Item i's instant: oldest-first lists count up from it, newest-first ones down.
const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
const count = <T,>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));

const aCommentBy = (i: number): Comment =>
  aComment(TASK, { author: { ...person(i), email: `p${i}@example.com`, avatarUrl: null }, createdAt: at(i) });
const anActivity = (i: number): Activity => ({
  id: randomUUID(),
  workspaceId: WORKSPACE,
  projectId: null,
  taskId: TASK,
  entityType: 'task',
  entityId: TASK,
  action: 'task.updated',
  changes: { title: 'x' },
  actor: person(i),
  seq: null,
  createdAt: at(-i),
});
const aNotificationFrom = (i: number): Notification => ({
  id: randomUUID(),
  type: 'commented',
  workspaceId: WORKSPACE,
  taskId: TASK,
  actorId: null,
  data: { actorName: `Person ${i}`, taskKey: 'TF-1' },
  readAt: at(-i),
  createdAt: at(-i),
});
const aDecision = (i: number): Decision => ({
  id: randomUUID(),
  workspaceId: WORKSPACE,
  key: `DEC-${i}`,
  number: i,
  title: `Decision ${i}`,
  context: '',
  decision: 'We do it',
  alternatives: [],
  consequences: null,
  status: 'accepted',
  deciderIds: [],
  deciders: [],
  taskIds: [],
  tasks: [],
  supersedesId: null,
  supersededById: null,
  createdBy: ME.id,
  author: { id: ME.id, name: ME.name },
  acceptedAt: null,
  version: 1,
  createdAt: at(-i),
  updatedAt: at(-i),
});
const anIncident = (i: number): Incident => ({
  id: randomUUID(),
  workspaceId: WORKSPACE,
  key: `INC-${i}`,
  number: i,
  title: `Incident ${i}`,
  severity: 'sev3',
  status: 'investigating',
  summary: null,
  postmortem: null,
  commanderId: null,
  commander: null,
  declaredBy: person(i),
  taskIds: [],
  tasks: [],
  resolvedAt: null,
  timeToResolveMinutes: null,
  version: 1,
  createdAt: at(-i),
  updatedAt: at(-i),
});
const aBlocker = (i: number): Blocker => ({
  id: randomUUID(),
  workspaceId: WORKSPACE,
  title: `Blocker ${i}`,
  description: null,
  taskId: null,
  task: null,
  severity: 'medium',
  status: 'open',
  escalationLevel: 0,
  reportedBy: person(i),
  statusUpdateId: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  acknowledgeNote: null,
  resolvedBy: null,
  resolvedAt: null,
  resolution: null,
  createdAt: at(-i),
  updatedAt: at(-i),
});
// Newest day first: digest i is i days before the end of June.
const aDigest = (i: number): Digest => ({
  workspaceId: WORKSPACE,
  date: new Date(Date.UTC(2026, 5, 30 - i)).toISOString().slice(0, 10),
  generatedAt: at(-i),
  provider: 'template',
  summary: `Summary ${i}`,
  sections: {
    updates: [],
    missing: [],
    away: [],
    moodAverage: null,
    moodCount: 0,
    blockers: { opened: 0, open: 0, unacknowledged: 0, escalated: 0 },
    incidents: { declared: 0, open: 0, resolved: 0 },
    decisions: [],
    tasksCompleted: [],
  },
});
const aDelivery = (i: number): WebhookDelivery => ({
  id: randomUUID(),
  webhookId: WEBHOOK,
  event: 'task.created',
  status: 'succeeded',
  attempts: 1,
  responseStatus: 200,
  durationMs: i,
  nextAttemptAt: null,
  createdAt: at(-i),
  log: [],
});
const A_WEBHOOK: Webhook = {
  id: WEBHOOK,
  workspaceId: WORKSPACE,
  url: 'https://hooks.example.com/teamflow',
  events: ['task.created'],
  description: null,
  enabled: true,
  createdAt: at(0),
  updatedAt: at(0),
};
const A_WORKSPACE: Workspace = {
  id: WORKSPACE,
  name: 'Acme',
  slug: 'acme',
  role: 'viewer',
  timeZone: 'UTC',
  createdAt: at(0),
  updatedAt: at(0),
};

const realFetch = globalThis.fetch;
let api: ReturnType<typeof fakeListApi>;
let page: Rendered | undefined;

beforeEach(() => {
  setAccessToken('a-token');
  search = new URLSearchParams();
});
afterEach(async () => {
  await page?.unmount();
  page = undefined;
  globalThis.fetch = realFetch;
});

/** The api holds `lists`; the page opens signed in, as a viewer of the workspace (no forms to write). */
async function open(
  ui: React.ReactNode,
  lists: Parameters<typeof fakeListApi>[0],
  objects = {},
  create?: Parameters<typeof fakeListApi>[2],
) {
  api = fakeListApi(lists, { '/notifications/unread-count': { count: 0 }, ...objects }, create);
  globalThis.fetch = api.fetch as unknown as typeof fetch;
  const queryClient: QueryClient = aQueryClient();
  queryClient.setQueryData(queryKeys.session, ME);
  queryClient.setQueryData(queryKeys.workspaces, [A_WORKSPACE]);
  page = await render(ui, queryClient);
  return page;
}

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
const texts = (selector: string, read: (el: Element) => string | null | undefined = (el) => el.textContent) =>
  [...document.querySelectorAll(selector)].map((el) => read(el) ?? '');

/** Presses `name` while it is there, each time until the next page shows. */
async function pressUntilGone(name: string, shown: () => string[]): Promise<void> {
  for (let presses = 0; presses < 20; presses++) {
    const more = button(name);
    if (!more) return;
    const before = shown().length;
    act(() => more.click());
    await settleUntil(() => shown().length > before && button(name)?.getAttribute('aria-busy') !== 'true');
  }
}

describe("a task's comments (oldest first, 100 a page)", () => {
  const shown = () => texts('li[aria-label^="Comment by"]', (li) => li.getAttribute('aria-label'));
  const names = (comments: Comment[]) => comments.map((c) => `Comment by ${c.author.name}`);
  const comments = `/tasks/${TASK}/comments`;
  const drawer = <TaskComments taskId={TASK} workspaceId={WORKSPACE} role="viewer" userId={ME.id} />;

  it('shows the first 100 of 250, and every one of them, once and in order, after "Show newer comments"', async () => {
    const all = count(250, aCommentBy);
    await open(drawer, { [comments]: all });
    await settleUntil(() => shown().length > 0);

    expect(shown()).toEqual(names(all.slice(0, 100)));
    await pressUntilGone('Show newer comments', shown);

    expect(shown()).toEqual(names(all));
    expect(button('Show newer comments')).toBeNull();
  });

  it('a comment posted live while newer pages are unread shows once, last, after paging; one posted after, at once', async () => {
    const all = count(150, aCommentBy);
    const { queryClient } = await open(drawer, { [comments]: all });
    await settleUntil(() => shown().length > 0);

    const live = aCommentBy(150);
    all.push(live);
    act(() => void applyEvent(queryClient, anEvent('COMMENT_CREATED', live)));
    await settle();
    expect(shown()).toEqual(names(all.slice(0, 100)));

    await pressUntilGone('Show newer comments', shown);
    expect(shown()).toEqual(names(all));

    const later = aCommentBy(151);
    all.push(later);
    const requests = api.sent.length;
    act(() => void applyEvent(queryClient, anEvent('COMMENT_CREATED', later)));
    await settleUntil(() => shown().length === all.length);
    expect(shown()).toEqual(names(all));
    expect(api.sent).toHaveLength(requests);
  });

  describe('a comment you post', () => {
    const member = <TaskComments taskId={TASK} workspaceId={WORKSPACE} role="member" userId={ME.id} />;
    const mine = `Comment by ${ME.name}`;
    const author = { id: ME.id, name: ME.name, email: ME.email, avatarUrl: null };
    /** The api's answer to a POST: the newest comment, by the signed-in person. */
    const posting = (all: Comment[]) => (_path: string, body: unknown) =>
      aComment(TASK, { author, body: (body as { body: string }).body, createdAt: at(all.length) });

    async function post(text: string): Promise<void> {
      await typeInto(document.querySelector('textarea')!, text);
      act(() => button('Comment')?.click());
    }

    it('shows at once at the end while newer pages are unread, and paging fills the gap above it, each once', async () => {
      const all = count(150, aCommentBy);
      const { queryClient } = await open(member, { [comments]: all }, {}, posting(all));
      await settleUntil(() => shown().length > 0);

      await post('My reply');
      await settleUntil(() => shown().at(-1) === mine);
      expect(shown()).toEqual([...names(all.slice(0, 100)), mine]);
      expect(button('Show newer comments')).not.toBeNull();

      // Its echo on the socket, and someone else's comment after it: the gap still holds the rest.
      const saved = all.at(-1)!;
      const theirs = aCommentBy(151);
      all.push(theirs);
      act(() => void applyEvent(queryClient, anEvent('COMMENT_CREATED', saved)));
      act(() => void applyEvent(queryClient, anEvent('COMMENT_CREATED', theirs)));
      await settle();
      expect(shown()).toEqual([...names(all.slice(0, 100)), mine]);

      await pressUntilGone('Show newer comments', shown);
      expect(shown()).toEqual(names(all));
    });

    it('stays in view when it starts a second page and the thread is read again', async () => {
      const all = count(100, aCommentBy);
      await open(member, { [comments]: all }, {}, posting(all));
      await settleUntil(() => shown().length > 0);
      expect(button('Show newer comments')).toBeNull();

      await post('One past the page');
      // Posting reads the thread again (one page): the 101st comment is on a page not read.
      await settleUntil(() => button('Show newer comments') !== null);
      expect(shown()).toEqual([...names(all.slice(0, 100)), mine]);

      // The page read holds only it: shown in its place, once.
      act(() => button('Show newer comments')?.click());
      await settleUntil(() => button('Show newer comments') === null);
      expect(shown()).toEqual(names(all));
    });
  });
});

describe("a task's activity (newest first, 50 a page)", () => {
  const shown = () =>
    texts('ol[aria-labelledby="activity-heading"] li', (li) => li.querySelector('span')?.textContent);
  const names = (entries: Activity[]) => entries.map((a) => a.actor?.name ?? '');

  it('shows all 120 entries, once and newest first, after "Show older activity"', async () => {
    const all = count(120, anActivity);
    await open(<TaskActivity taskId={TASK} />, { [`/tasks/${TASK}/activity`]: all });
    await settleUntil(() => shown().length > 0);

    expect(shown()).toEqual(names(all.slice(0, 50)));
    await pressUntilGone('Show older activity', shown);

    expect(shown()).toEqual(names(all));
  });

  it('an entry added live (a comment) goes on top after two pages were read, and paging still reaches the oldest', async () => {
    const all = count(120, anActivity);
    const { queryClient } = await open(<TaskActivity taskId={TASK} />, { [`/tasks/${TASK}/activity`]: all });
    await settleUntil(() => shown().length > 0);
    act(() => button('Show older activity')?.click());
    await settleUntil(() => shown().length === 100);

    const live = anActivity(-1);
    all.unshift(live);
    act(() => void applyEvent(queryClient, anEvent('COMMENT_CREATED', aCommentBy(1))));
    await settleUntil(() => shown()[0] === live.actor?.name);
    expect(shown()).toEqual(names(all.slice(0, 100)));

    await pressUntilGone('Show older activity', shown);
    expect(shown()).toEqual(names(all));
  });
});

describe('the notifications inbox (newest first, 20 a page)', () => {
  const shown = () =>
    texts('ul[aria-label="Notifications"] li', (li) => /Person -?\d+/.exec(li.textContent ?? '')?.[0]);
  const names = (items: Notification[]) => items.map((n) => n.data.actorName ?? '');

  it('shows all 45, once and newest first, after "Show older notifications"; one arriving live goes on top', async () => {
    const all = count(45, aNotificationFrom);
    const { queryClient } = await open(<NotificationsPage />, { '/notifications': all });
    await settleUntil(() => shown().length > 0);

    expect(shown()).toEqual(names(all.slice(0, 20)));
    await pressUntilGone('Show older notifications', shown);
    expect(shown()).toEqual(names(all));

    const live = aNotificationFrom(-1);
    all.unshift(live);
    // What the NOTIFICATION event's handler does (useNotificationEvents).
    act(() => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }));
    await settleUntil(() => shown()[0] === 'Person -1');
    await pressUntilGone('Show older notifications', shown);
    expect(shown()).toEqual(names(all));
  });
});

describe('the registers (newest first, 100 a page)', () => {
  it.each([
    [
      'decisions',
      'Show older decisions',
      () => <DecisionsPage workspaceId={WORKSPACE} />,
      `/workspaces/${WORKSPACE}/decisions`,
      count(130, aDecision),
      '[data-testid="decision"] a',
      (d: Decision) => `${d.key} ${d.title}`,
    ],
    [
      'incidents',
      'Show older incidents',
      () => <IncidentsPage workspaceId={WORKSPACE} />,
      `/workspaces/${WORKSPACE}/incidents`,
      count(130, anIncident),
      '[data-testid="incident"] a',
      (i: Incident) => `${i.key} ${i.title}`,
    ],
    [
      'open blockers',
      'Show older blockers',
      () => <BlockersPage workspaceId={WORKSPACE} />,
      `/workspaces/${WORKSPACE}/blockers`,
      count(130, aBlocker),
      '[data-testid="blocker"] p.font-medium',
      (b: Blocker) => b.title,
    ],
  ] as const)(
    'lists all 130 %s, once and newest first, after "%s"',
    async (_name, more, ui, path, all, selector, label) => {
      await open(ui(), { [path]: [...all] });
      const shown = () => texts(selector);
      await settleUntil(() => shown().length > 0);
      const labels = (all as readonly unknown[]).map((item) => (label as (item: unknown) => string)(item));

      expect(shown()).toEqual(labels.slice(0, 100));
      await pressUntilGone(more, shown);

      expect(shown()).toEqual(labels);
      expect(button(more)).toBeNull();
    },
  );
});

describe('a register the api could not answer', () => {
  it.each([
    ['decisions', () => <DecisionsPage workspaceId={WORKSPACE} />, 'No decisions yet'],
    ['incidents', () => <IncidentsPage workspaceId={WORKSPACE} />, 'No incidents'],
    ['blockers', () => <BlockersPage workspaceId={WORKSPACE} />, 'Nothing is blocked'],
  ] as const)('says the %s could not be loaded, not that there are none', async (noun, ui, empty) => {
    // No list at the path: the fake api answers 404 in the error shape.
    await open(ui(), {});
    const failed = `The ${noun} could not be loaded`;
    await settleUntil(() => document.body.textContent?.includes(failed) ?? false);
    expect(document.body.textContent).toContain(failed);
    expect(document.body.textContent).not.toContain(empty);
  });
});

describe('the digests (newest day first, 60 a page)', () => {
  const shown = () =>
    texts('nav[aria-label="Digest days"] a', (a) => a.getAttribute('href')?.split('date=')[1]);
  const digests = `/workspaces/${WORKSPACE}/digests`;

  it('lists all 130 days, once and newest first, after "Show older digests"', async () => {
    const all = count(130, aDigest);
    await open(<DigestPage workspaceId={WORKSPACE} />, { [digests]: all });
    await settleUntil(() => shown().length > 0);

    expect(shown()).toEqual(all.slice(0, 60).map((d) => d.date));
    await pressUntilGone('Show older digests', shown);

    expect(shown()).toEqual(all.map((d) => d.date));
  });

  it('a link to a day past the first page (a digest email) shows that day, not the newest', async () => {
    const all = count(130, aDigest);
    const old = all[100]!;
    search = new URLSearchParams({ date: old.date });
    await open(
      <DigestPage workspaceId={WORKSPACE} />,
      { [digests]: all },
      { [`${digests}/${old.date}`]: old },
    );
    const heading = () => document.querySelector('[data-testid="digest"] h2')?.textContent;
    await settleUntil(() => heading() === formatLocalDate(old.date, 'long'));

    expect(heading()).toBe(formatLocalDate(old.date, 'long'));
  });
});

describe("a webhook's delivery log (newest first, 20 a page)", () => {
  it('shows all 45 deliveries, once and newest first, after "Show older deliveries"', async () => {
    const all = count(45, aDelivery);
    await open(<WebhookSettings workspaceId={WORKSPACE} canManage />, {
      [`/workspaces/${WORKSPACE}/webhooks`]: [A_WEBHOOK],
      [`/webhooks/${WEBHOOK}/deliveries`]: all,
    });
    const shown = () =>
      texts('table[aria-label^="Deliveries of"] tbody tr', (tr) => tr.children[4]?.textContent);
    await settleUntil(() => shown().length > 0);

    expect(shown()).toEqual(all.slice(0, 20).map((d) => `${d.durationMs} ms`));
    await pressUntilGone('Show older deliveries', shown);

    expect(shown()).toEqual(all.map((d) => `${d.durationMs} ms`));
  });
});
