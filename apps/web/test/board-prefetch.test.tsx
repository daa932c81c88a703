import { randomUUID } from 'node:crypto';
import { act } from 'react';
import { setAccessToken } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { RequireSession } from '@/modules/auth/components/require-session';
import { BoardPrefetch } from '@/modules/board/components/board-prefetch';
import { anAnswer, aQueryClient, aUser } from './builders';
import { render, settle, settleUntil, type Rendered } from './render';

const WORKSPACE = randomUUID();
const PROJECT = randomUUID();
const USER = aUser();
const A_PROJECT = {
  id: PROJECT,
  workspaceId: WORKSPACE,
  key: 'BIG',
  name: 'Big project',
  description: null,
  timeZone: null,
  version: 1,
  createdBy: USER.id,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

// The page's route, as Next's hooks report it (the framework's side, not ours).
let route = {
  pathname: `/w/${WORKSPACE}/p/${PROJECT}`,
  params: { workspaceId: WORKSPACE, projectId: PROJECT },
};
jest.mock('next/navigation', () => ({
  useParams: () => route.params,
  usePathname: () => route.pathname,
  useSearchParams: () => new URLSearchParams(),
  useRouter: () => ({ replace: jest.fn() }),
}));

interface Sent {
  method: string;
  path: string;
  bearer: string | undefined;
}

/**
 * The api at the HTTP boundary (fetch): a refresh that answers `refresh`, an `auth/me` that answers
 * only when `answerMe` is called, and empty-but-valid answers to the board's reads.
 */
function fakeApi(refresh: { status: number; body?: unknown }) {
  const sent: Sent[] = [];
  let answerMe: () => void = () => undefined;
  const reply = anAnswer;
  const fetch = jest.fn((input: string, init: RequestInit) => {
    const url = new URL(input);
    const path = url.pathname.replace('/api/v1', '');
    sent.push({
      method: init.method ?? 'GET',
      path: `${path}${url.search}`,
      bearer: (init.headers as Record<string, string>).Authorization,
    });
    if (path === '/auth/refresh') return Promise.resolve(reply(refresh.status, refresh.body ?? {}));
    if (path === '/auth/me')
      return new Promise<Response>((resolve) => {
        answerMe = () => resolve(reply(200, { user: USER, platformAdmin: false }));
      });
    if (path === `/projects/${PROJECT}`) return Promise.resolve(reply(200, A_PROJECT));
    if (path === `/projects/${PROJECT}/tasks`)
      return Promise.resolve(reply(200, { items: [], nextCursor: null }));
    return Promise.resolve(reply(404, { error: { code: 'NOT_FOUND', message: 'no' } }));
  });
  return { fetch, sent, answerMe: () => answerMe() };
}

const realFetch = globalThis.fetch;
let api: ReturnType<typeof fakeApi>;
let page: Rendered | undefined;

async function loadPage(refresh: { status: number; body?: unknown }): Promise<Rendered> {
  api = fakeApi(refresh);
  globalThis.fetch = api.fetch as unknown as typeof fetch;
  page = await render(
    <RequireSession whileRestoring={<BoardPrefetch />}>
      <p>the board</p>
    </RequireSession>,
    aQueryClient(),
  );
  await settle();
  return page;
}

beforeEach(() => {
  // A page load: nothing in memory.
  setAccessToken(undefined);
  route = {
    pathname: `/w/${WORKSPACE}/p/${PROJECT}`,
    params: { workspaceId: WORKSPACE, projectId: PROJECT },
  };
});
afterEach(async () => {
  await page?.unmount();
  page = undefined;
  globalThis.fetch = realFetch;
});

it('a board page load asks for the project and every column with the refreshed token while auth/me is still out', async () => {
  const { container } = await loadPage({ status: 200, body: { accessToken: 'fresh-token' } });
  const columnRequests = () => api.sent.filter((r) => r.path.startsWith(`/projects/${PROJECT}/tasks?`));
  await settleUntil(() => columnRequests().length >= 5);

  // auth/me has not answered: the session is still restoring and the board is not rendered.
  expect(container.textContent).not.toContain('the board');
  expect(api.sent.filter((r) => r.path === '/auth/refresh')).toHaveLength(1);
  expect(api.sent.find((r) => r.path === `/projects/${PROJECT}`)).toEqual({
    method: 'GET',
    path: `/projects/${PROJECT}`,
    bearer: 'Bearer fresh-token',
  });
  const columns = columnRequests();
  expect(columns.map((r) => new URLSearchParams(r.path.split('?')[1]).get('status')).sort()).toEqual([
    'blocked',
    'done',
    'in_progress',
    'in_review',
    'todo',
  ]);
  expect(columns.every((r) => r.bearer === 'Bearer fresh-token')).toBe(true);
  // Nothing went out without a token (no 401 and second refresh).
  expect(api.sent.filter((r) => r.path !== '/auth/refresh' && !r.bearer)).toEqual([]);

  act(() => api.answerMe());
  await settleUntil(() => container.textContent?.includes('the board') === true);
  expect(container.textContent).toContain('the board');
  expect(page?.queryClient.getQueryData(queryKeys.project(PROJECT))).toEqual(A_PROJECT);
  // The header's admin check reads the restore's answer instead of asking auth/me again.
  expect(page?.queryClient.getQueryData(queryKeys.me)).toEqual({ user: USER, platformAdmin: false });
  expect(api.sent.filter((r) => r.path === '/auth/me')).toHaveLength(1);
});

it('a signed-out visitor to a board triggers one refresh and no board request', async () => {
  const { container } = await loadPage({
    status: 401,
    body: { error: { code: 'UNAUTHORIZED', message: 'no' } },
  });

  expect(api.sent.map((r) => r.path)).toEqual(['/auth/refresh']);
  expect(container.textContent).not.toContain('the board');
});

it("the project's other pages (its list) are not prefetched as a board", async () => {
  route = {
    pathname: `/w/${WORKSPACE}/p/${PROJECT}/list`,
    params: { workspaceId: WORKSPACE, projectId: PROJECT },
  };
  await loadPage({ status: 200, body: { accessToken: 'fresh-token' } });

  expect(api.sent.map((r) => r.path)).toEqual(['/auth/refresh', '/auth/me']);
});
