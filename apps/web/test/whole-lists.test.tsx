import { randomUUID } from 'node:crypto';
import type { ApiToken } from '@teamflow/contracts/api-tokens';
import type { Attachment } from '@teamflow/contracts/attachments';
import type { DevelopmentLink } from '@teamflow/contracts/integrations';
import type { StatusUpdate } from '@teamflow/contracts/status-updates';
import type { Task } from '@teamflow/contracts/tasks';
import type { Webhook } from '@teamflow/contracts/webhooks';
import { MemberList, type Member } from '@teamflow/contracts/workspaces';
import { apiGetAll, setAccessToken } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { queryKeys } from '@/lib/query-keys';
import { UpdatesPage } from '@/modules/async-updates/components/updates-page';
import { useAttachments } from '@/modules/attachments/hooks/use-attachments';
import { useDevelopmentLinks } from '@/modules/integrations/hooks/use-github-integration';
import { useTaskList } from '@/modules/list/hooks/use-task-list';
import { useApiTokens } from '@/modules/profile/hooks/use-access';
import { useWebhooks } from '@/modules/webhooks/hooks/use-webhooks';
import { useWorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { anAnswer, aQueryClient, aTask, aUser, PROJECT, WORKSPACE } from './builders';
import { render, settleUntil, type Rendered } from './render';

const MEMBERS: Member[] = Array.from({ length: 120 }, (_, i) => ({
  user: { id: randomUUID(), name: `Person ${i}`, email: `person${i}@example.com`, avatarUrl: null },
  role: 'member',
  joinedAt: '2026-01-01T00:00:00.000Z',
}));

const TASK = randomUUID();
const AT = '2026-01-01T00:00:00.000Z';
const hundredTwenty = <T,>(item: (i: number) => T): T[] => Array.from({ length: 120 }, (_, i) => item(i));
const TOKENS: ApiToken[] = hundredTwenty((i) => ({
  id: randomUUID(),
  name: `script ${i}`,
  scope: 'read',
  prefix: 'tf_pat_abcd',
  expiresAt: null,
  lastUsedAt: null,
  createdAt: AT,
}));
const WEBHOOKS: Webhook[] = hundredTwenty((i) => ({
  id: randomUUID(),
  workspaceId: WORKSPACE,
  url: `https://hooks.example.com/${i}`,
  events: ['task.created'],
  description: null,
  enabled: true,
  createdAt: AT,
  updatedAt: AT,
}));
const ATTACHMENTS: Attachment[] = hundredTwenty((i) => ({
  id: randomUUID(),
  taskId: TASK,
  fileName: `notes-${i}.txt`,
  contentType: 'text/plain',
  size: 10,
  scanStatus: 'clean',
  threat: null,
  uploadedBy: null,
  createdAt: AT,
  scannedAt: AT,
}));
const LINKS: DevelopmentLink[] = hundredTwenty((i) => ({
  id: randomUUID(),
  taskId: TASK,
  kind: 'commit',
  repository: 'octo-org/app',
  ref: `sha${i}`,
  url: `https://github.com/octo-org/app/commit/sha${i}`,
  title: `commit ${i}`,
  state: null,
  author: null,
  createdAt: AT,
  updatedAt: AT,
}));
// A team of 30 posting daily for a week is 210 updates: the feed's 7 days are one range, read whole.
const UPDATES: StatusUpdate[] = Array.from({ length: 210 }, (_, i) => ({
  id: randomUUID(),
  workspaceId: WORKSPACE,
  userId: randomUUID(),
  user: { id: randomUUID(), name: `Person ${i % 30}` },
  date: `2026-03-0${7 - Math.floor(i / 30)}`,
  done: `Done ${i}`,
  doing: '',
  blockers: '',
  taskIds: [],
  tasks: [],
  version: 1,
  createdAt: AT,
  updatedAt: AT,
}));
const TASKS: Task[] = hundredTwenty(() => aTask());
// What the fake api lists at each path (anything else is an empty list).
const LISTS: Record<string, unknown[]> = {
  [`/workspaces/${WORKSPACE}/status-updates`]: UPDATES,
  [`/projects/${PROJECT}/tasks`]: TASKS,
  [`/workspaces/${WORKSPACE}/members`]: MEMBERS,
  '/me/api-tokens': TOKENS,
  [`/workspaces/${WORKSPACE}/webhooks`]: WEBHOOKS,
  [`/tasks/${TASK}/attachments`]: ATTACHMENTS,
  [`/tasks/${TASK}/development`]: LINKS,
};

/**
 * The api at the HTTP boundary (fetch), paging as API.md says: `?limit=` (default 50), `?cursor=`
 * (here the index of the next item), `{items, nextCursor}`. A broken one can answer `stuckCursor`
 * to every page, or fail from item `failAt` on.
 */
function fakeApi(options: { stuckCursor?: string; failAt?: number } = {}) {
  const sent: string[] = [];
  const fetch = jest.fn((input: string) => {
    const url = new URL(input);
    const path = url.pathname.replace('/api/v1', '');
    sent.push(`${path}${url.search}`);
    const cursor = url.searchParams.get('cursor');
    const from = cursor === null || cursor === options.stuckCursor ? 0 : Number(cursor);
    if (options.failAt !== undefined && from >= options.failAt)
      return Promise.resolve(anAnswer(503, { error: { code: 'SERVICE_UNAVAILABLE', message: 'down' } }));
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const all = LISTS[path] ?? [];
    const next = from + limit;
    const nextCursor = next < all.length ? (options.stuckCursor ?? String(next)) : null;
    return Promise.resolve(anAnswer(200, { items: all.slice(from, next), nextCursor }));
  });
  return { fetch, sent };
}

const realFetch = globalThis.fetch;
let api: ReturnType<typeof fakeApi>;
function useApi(options?: Parameters<typeof fakeApi>[0]) {
  api = fakeApi(options);
  globalThis.fetch = api.fetch as unknown as typeof fetch;
}
let page: Rendered | undefined;

beforeEach(() => setAccessToken('a-token'));
afterEach(async () => {
  await page?.unmount();
  page = undefined;
  globalThis.fetch = realFetch;
});

const members = `/workspaces/${WORKSPACE}/members`;

it('follows nextCursor until it is null, 100 at a time, and answers every item as one page', async () => {
  useApi();
  const list = await apiGetAll(members, { schema: MemberList });

  expect(list.nextCursor).toBeNull();
  expect(list.items.map((m) => m.user.id)).toEqual(MEMBERS.map((m) => m.user.id));
  expect(api.sent).toEqual([`${members}?limit=100`, `${members}?limit=100&cursor=100`]);
});

it('adds its paging to a path that has a query already', async () => {
  useApi();
  await apiGetAll(`${members}?role=admin`, { schema: MemberList });

  expect(api.sent).toEqual([`${members}?role=admin&limit=100`, `${members}?role=admin&limit=100&cursor=100`]);
});

it('fails on a cursor it was already given instead of asking for ever', async () => {
  useApi({ stuckCursor: 'same' });

  await expect(apiGetAll(members, { schema: MemberList })).rejects.toThrow('repeated a page cursor');
  expect(api.sent).toHaveLength(2);
});

it('fails as the api answered when a later page fails, never with part of the list', async () => {
  useApi({ failAt: 100 });

  const failure: unknown = await apiGetAll(members, { schema: MemberList }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ApiError);
  expect((failure as ApiError).status).toBe(503);
});

function People() {
  const { people, labels } = useWorkspaceDirectory(WORKSPACE);
  return (
    <p>
      {people.size} people, {labels.size} labels
    </p>
  );
}

it('a workspace with 120 members shows all 120 in its directory (member pickers, cards)', async () => {
  useApi();
  page = await render(<People />);
  await settleUntil(() => page?.container.textContent === '120 people, 0 labels');

  expect(page.container.textContent).toBe('120 people, 0 labels');
  expect(api.sent).toContain(`${members}?limit=100&cursor=100`);
  expect(page.queryClient.getQueryData(queryKeys.members(WORKSPACE))).toEqual({
    items: MEMBERS,
    nextCursor: null,
  });
});

function Count({ useList }: { useList: () => { data?: { items: unknown[] } } }) {
  const { data } = useList();
  return <p>{data ? `${data.items.length} listed` : 'loading'}</p>;
}

it.each([
  ['API tokens', '/me/api-tokens', () => useApiTokens()],
  ['webhooks', `/workspaces/${WORKSPACE}/webhooks`, () => useWebhooks(WORKSPACE, true)],
  ["a task's attachments", `/tasks/${TASK}/attachments`, () => useAttachments(TASK)],
  ["a task's commits and pull requests", `/tasks/${TASK}/development`, () => useDevelopmentLinks(TASK)],
])('shows all 120 of %s, not the first page', async (_name, path, useList) => {
  useApi();
  page = await render(<Count useList={useList} />);
  await settleUntil(() => page?.container.textContent !== 'loading');

  expect(page.container.textContent).toBe('120 listed');
  expect(api.sent).toEqual([`${path}?limit=100`, `${path}?limit=100&cursor=100`]);
});

it("the team's last 7 days shows all 210 updates of a team of 30, newest day first, not the first 100", async () => {
  useApi();
  const queryClient = aQueryClient();
  queryClient.setQueryData(queryKeys.session, aUser({ timeZone: 'UTC' }));
  queryClient.setQueryData(queryKeys.workspaces, [
    {
      id: WORKSPACE,
      name: 'Acme',
      slug: 'acme',
      role: 'viewer',
      timeZone: 'UTC',
      createdAt: AT,
      updatedAt: AT,
    },
  ]);
  page = await render(<UpdatesPage workspaceId={WORKSPACE} />, queryClient);
  const shown = () => [...document.querySelectorAll('[data-testid="status-update"]')];
  await settleUntil(() => shown().length === UPDATES.length);

  expect(shown().map((li) => li.querySelector('p')?.textContent)).toEqual(UPDATES.map((u) => u.user.name));
  const feed = `/workspaces/${WORKSPACE}/status-updates`;
  expect(api.sent.filter((sent) => sent.startsWith(`${feed}?`))).toEqual([
    expect.stringMatching(new RegExp(`^${feed}\\?from=[-\\d]+&to=[-\\d]+&limit=100$`)),
    expect.stringMatching(/&limit=100&cursor=100$/),
    expect.stringMatching(/&limit=100&cursor=200$/),
  ]);
});

function TaskCount() {
  const { data } = useTaskList(PROJECT, 'priority');
  return <p>{data ? `${data.length} tasks` : 'loading'}</p>;
}

it("a project's list view holds all 120 tasks in its sort (select all, bulk edit), as the task cache's Task[]", async () => {
  useApi();
  page = await render(<TaskCount />);
  await settleUntil(() => page?.container.textContent !== 'loading');

  expect(page.container.textContent).toBe('120 tasks');
  expect(page.queryClient.getQueryData([...queryKeys.boardTasks(PROJECT), 'list', 'priority'])).toEqual(
    TASKS,
  );
  const tasks = `/projects/${PROJECT}/tasks`;
  expect(api.sent).toEqual([
    `${tasks}?sort=priority&limit=100`,
    `${tasks}?sort=priority&limit=100&cursor=100`,
  ]);
});
