import { randomUUID } from 'node:crypto';
import { MemberList, type Member } from '@teamflow/contracts/workspaces';
import { apiGetAll, setAccessToken } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { queryKeys } from '@/lib/query-keys';
import { useWorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { anAnswer, WORKSPACE } from './builders';
import { render, settleUntil, type Rendered } from './render';

const MEMBERS: Member[] = Array.from({ length: 120 }, (_, i) => ({
  user: { id: randomUUID(), name: `Person ${i}`, email: `person${i}@example.com`, avatarUrl: null },
  role: 'member',
  joinedAt: '2026-01-01T00:00:00.000Z',
}));

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
    const all = path.endsWith('/members') ? MEMBERS : [];
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
