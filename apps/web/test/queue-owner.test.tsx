import './fake-indexeddb';
import { Task } from '@teamflow/contracts/tasks';
import { onlineManager } from '@tanstack/react-query';
import { randomUUID } from 'node:crypto';
import { act, useEffect } from 'react';
import { endSession, setAccessToken } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { RequireSession } from '@/modules/auth/components/require-session';
import { useSignIn } from '@/modules/auth/hooks/use-auth-mutations';
import { useSession } from '@/modules/auth/hooks/use-session';
import { closeOfflineDb } from '@/modules/offline/offline-db';
import { pendingWrites } from '@/modules/offline/offline-queue';
import { currentPending, setPending } from '@/modules/offline/pending-store';
import { QUEUED, sendOrQueue, setQueueOwner } from '@/modules/offline/send-or-queue';
import { aUser, PROJECT } from './builders';
import { render, settleUntil, type Rendered } from './render';

// The offline queue's runner (event-sync/components/offline-sync.tsx) loads after the page and is
// not rendered here: a write made offline must join the person's queue as soon as the session is
// known, whether or not the runner has arrived.

const USER = aUser();
const TASK_ID = randomUUID();

jest.mock('next/navigation', () => ({
  usePathname: () => '/w/w1/p/p1',
  useSearchParams: () => new URLSearchParams(),
  useRouter: () => ({ replace: jest.fn() }),
}));

/**
 * The api at the HTTP boundary (fetch): a refresh that answers `refresh`, auth/me and login for
 * USER, and no network at all once `network` is false.
 */
function fakeApi(refresh: number) {
  const sent: { method: string; path: string }[] = [];
  let network = true;
  const reply = (status: number, body: unknown) =>
    ({ ok: status < 400, status, json: () => Promise.resolve(body) }) as Response;
  const fetch = jest.fn((input: string, init: RequestInit) => {
    const path = new URL(input).pathname.replace('/api/v1', '');
    sent.push({ method: init.method ?? 'GET', path });
    if (!network) return Promise.reject(new TypeError('Failed to fetch'));
    if (path === '/auth/refresh')
      return Promise.resolve(
        refresh === 200
          ? reply(200, { accessToken: 'restored-token' })
          : reply(401, { error: { code: 'UNAUTHORIZED', message: 'no' } }),
      );
    if (path === '/auth/me') return Promise.resolve(reply(200, { user: USER, platformAdmin: false }));
    if (path === '/auth/login') return Promise.resolve(reply(200, { user: USER, accessToken: 'new-token' }));
    return Promise.resolve(reply(404, { error: { code: 'NOT_FOUND', message: 'no' } }));
  });
  return { fetch, sent, setNetwork: (up: boolean) => (network = up) };
}

const anEdit = () =>
  sendOrQueue(
    {
      kind: 'update-task',
      method: 'PATCH',
      path: `/tasks/${TASK_ID}`,
      body: { title: 'Written in the first seconds', version: 1 },
      taskId: TASK_ID,
      projectId: PROJECT,
      label: 'Edit TF-1',
    },
    Task,
  );

const realFetch = globalThis.fetch;
let api: ReturnType<typeof fakeApi>;
let page: Rendered | undefined;

beforeEach(() => {
  setAccessToken(undefined);
});
afterEach(async () => {
  await page?.unmount();
  page = undefined;
  globalThis.fetch = realFetch;
  onlineManager.setOnline(true);
  setQueueOwner(undefined);
  setPending([]);
  await closeOfflineDb();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('teamflow-offline');
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
  });
});

async function loadSignedInPage(): Promise<Rendered> {
  api = fakeApi(200);
  globalThis.fetch = api.fetch as unknown as typeof fetch;
  page = await render(
    <RequireSession>
      <p>the board</p>
    </RequireSession>,
  );
  await settleUntil(() => page!.container.textContent?.includes('the board') === true);
  return page;
}

it('queues a write made offline right after a page load restored the session, before the runner has loaded', async () => {
  const { container } = await loadSignedInPage();
  expect(container.textContent).toContain('the board');

  onlineManager.setOnline(false);
  api.setNetwork(false);
  expect(await anEdit()).toBe(QUEUED);

  expect(api.sent.filter((r) => r.method === 'PATCH')).toEqual([]);
  const [queued] = await pendingWrites(USER.id);
  expect(queued).toMatchObject({
    userId: USER.id,
    kind: 'update-task',
    body: { title: 'Written in the first seconds', version: 1 },
    state: 'queued',
  });
  // The banner and the card's badge read the pending store: they show it as waiting.
  expect(currentPending()).toHaveLength(1);
});

it('queues a write whose send finds no network right after signing in, before the runner has loaded', async () => {
  api = fakeApi(401);
  globalThis.fetch = api.fetch as unknown as typeof fetch;
  function SignInOnce() {
    const signIn = useSignIn();
    const session = useSession();
    const { mutate } = signIn;
    useEffect(() => mutate({ email: USER.email, password: 'a-password', rememberMe: false }), [mutate]);
    return <p>{session.status}</p>;
  }
  page = await render(<SignInOnce />);
  await settleUntil(() => page!.container.textContent === 'signed-in');
  expect(page.container.textContent).toBe('signed-in');

  // Online as far as the browser knows, but the send fails for want of a network.
  api.setNetwork(false);
  expect(await anEdit()).toBe(QUEUED);
  expect(await pendingWrites(USER.id)).toHaveLength(1);
});

it('stops queueing under a person once their session ends', async () => {
  await loadSignedInPage();
  act(() => endSession());
  await settleUntil(() => page!.container.textContent?.includes('the board') === false);

  onlineManager.setOnline(false);
  api.setNetwork(false);
  const error = await anEdit().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isApiError(error, 0)).toBe(true);
  expect(await pendingWrites(USER.id)).toEqual([]);
});
