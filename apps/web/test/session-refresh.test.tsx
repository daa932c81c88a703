import { apiRequest, onSessionEnd, setAccessToken } from '@/lib/api-client';
import { ApiError, isApiError } from '@/lib/api-error';
import { makeQueryClient } from '@/lib/query-client';
import { RequireSession } from '@/modules/auth/components/require-session';
import { anAnswer, aQueryClient, aUser } from './builders';
import { render, settleUntil, type Rendered } from './render';

const USER = aUser();
const RATE_LIMITED = anAnswer(
  429,
  { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests; slow down' } },
  { 'Retry-After': '0' },
);
const SIGNED_OUT = anAnswer(401, { error: { code: 'UNAUTHORIZED', message: 'Session expired' } });

const replaced: string[] = [];
jest.mock('next/navigation', () => ({
  usePathname: () => '/workspaces',
  useSearchParams: () => new URLSearchParams(),
  useRouter: () => ({ replace: (to: string) => replaced.push(to) }),
}));

/** The api at fetch: each refresh takes the next scripted answer; `auth/me` and `/things` as given. */
function fakeApi(refreshes: Response[], things: Response[] = []) {
  const sent: string[] = [];
  const fetch = jest.fn((input: string) => {
    const path = new URL(input).pathname.replace('/api/v1', '');
    sent.push(path);
    if (path === '/auth/refresh') return Promise.resolve(refreshes.shift()!);
    if (path === '/auth/me') return Promise.resolve(anAnswer(200, { user: USER, platformAdmin: false }));
    if (path === '/things') return Promise.resolve(things.shift()!);
    return Promise.resolve(anAnswer(404, { error: { code: 'NOT_FOUND', message: 'no' } }));
  });
  globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
  return sent;
}

const realFetch = globalThis.fetch;
let page: Rendered | undefined;
let ended = 0;
let stopListening: () => void;
beforeEach(() => {
  setAccessToken(undefined);
  replaced.length = 0;
  ended = 0;
  stopListening = onSessionEnd(() => ended++);
});
afterEach(async () => {
  stopListening();
  await page?.unmount();
  page = undefined;
  globalThis.fetch = realFetch;
});

it('a page load whose refresh is rate limited keeps restoring and signs in once the api answers', async () => {
  const sent = fakeApi([RATE_LIMITED, RATE_LIMITED, anAnswer(200, { accessToken: 'fresh' })]);
  page = await render(
    <RequireSession>
      <p>the app</p>
    </RequireSession>,
    aQueryClient(),
  );
  await settleUntil(() => page!.container.textContent?.includes('the app') === true);

  expect(page.container.textContent).toContain('the app');
  expect(sent.filter((path) => path === '/auth/refresh')).toHaveLength(3);
  // Never sent to the sign-in page on the way.
  expect(replaced).toEqual([]);
});

it('says why the page is still loading while a rate-limited restore waits, and shows the app after', async () => {
  const waitASecond = anAnswer(
    429,
    { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests; slow down' } },
    { 'Retry-After': '1' },
  );
  fakeApi([waitASecond, anAnswer(200, { accessToken: 'fresh' })]);
  page = await render(
    <RequireSession>
      <p>the app</p>
    </RequireSession>,
    aQueryClient(),
  );
  const statuses = () =>
    [...page!.container.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? '').join('\n');
  await settleUntil(() => statuses().includes('Too many requests from you'));
  expect(statuses()).toContain('Too many requests from you');
  expect(page.container.textContent).not.toContain('the app');

  // The api's Retry-After is a second; a busy machine may take longer to get there.
  await settleUntil(() => page!.container.textContent?.includes('the app') === true, 10_000);
  expect(page.container.textContent).toContain('the app');
  expect(page.container.textContent).not.toContain('Too many requests');
}, 15_000);

it('a request whose refresh is rate limited fails with the 429 and keeps the session', async () => {
  setAccessToken('expired');
  fakeApi([RATE_LIMITED], [SIGNED_OUT]);

  const failure = await apiRequest('GET', '/things').catch((error: unknown) => error);

  expect(isApiError(failure, 429)).toBe(true);
  expect(isApiError(failure) && failure.retryAfterSeconds).toBe(0);
  expect(ended).toBe(0);
});

it('a refresh the api refuses still ends the session', async () => {
  setAccessToken('expired');
  fakeApi([SIGNED_OUT], [SIGNED_OUT]);

  const failure = await apiRequest('GET', '/things').catch((error: unknown) => error);

  expect(isApiError(failure, 401)).toBe(true);
  expect(ended).toBe(1);
});

it("a page's read that was rate limited is asked again once the api's Retry-After has passed; a 404 is not", () => {
  const { retry, retryDelay } = makeQueryClient().getDefaultOptions().queries!;
  const limited = new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'slow down', undefined, undefined, 7);
  const missing = new ApiError(404, 'NOT_FOUND', 'no', undefined, undefined);

  expect(typeof retry === 'function' && retry(0, limited)).toBe(true);
  expect(typeof retryDelay === 'function' && retryDelay(1, limited)).toBe(7000);
  expect(typeof retry === 'function' && retry(0, missing)).toBe(false);
});
