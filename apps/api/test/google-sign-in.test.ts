import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { markEmailVerified } from '@teamflow/core/auth/auth.repository';
import { startOidcIssuer, type LocalOidcIssuer } from '@teamflow/local-services/oidc-issuer.cjs';
import { registerUser, startApi, uniqueEmail, V1, type TestApi } from './harness';
import { OidcBrowser } from './oidc-browser';

/**
 * "Continue with Google" against a real OpenID Connect provider (oidc-provider, on loopback, with
 * its own login and consent forms), driven like a browser over real HTTP: the api discovers the
 * issuer, exchanges the code with PKCE and checks the ID token against the issuer's JWKS.
 */

const WEB_ORIGIN = 'http://web.test';
const CLIENT_ID = 'teamflow-test';
const CLIENT_SECRET = 'teamflow-test-secret-0123456789';

let issuer: LocalOidcIssuer;
let api: TestApi;
let server: http.Server;
let apiUrl: string;

beforeAll(async () => {
  // The api's own address is its redirect URI, so it must be known before the api is configured.
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = await startOidcIssuer({
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${apiUrl}${V1}/auth/google/callback`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
  });
  api = await startApi({
    API_URL: apiUrl,
    WEB_ORIGIN,
    GOOGLE_CLIENT_ID: CLIENT_ID,
    GOOGLE_CLIENT_SECRET: CLIENT_SECRET,
    GOOGLE_ISSUER: issuer.issuer,
  });
  handler = api.app;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await api?.close();
  await issuer?.close();
});

interface Account {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

async function issuerAccount(overrides: Partial<Account> = {}): Promise<Account> {
  const account = {
    sub: `sub-${randomUUID()}`,
    email: uniqueEmail('google'),
    email_verified: true,
    name: 'Grace Hopper',
    ...overrides,
  };
  await issuer.addAccount(account);
  return account;
}

const browser = () => new OidcBrowser(apiUrl, `${apiUrl}${V1}/auth/google/callback`);

/** Starts at the api, signs in at the issuer as `sub` and consents; stops at the api's callback URL. */
async function untilCallback(b: OidcBrowser, sub: string, next?: string): Promise<string> {
  const start = await b.get(`${apiUrl}${V1}/auth/google${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  expect(start.status).toBe(302);
  return b.throughIssuer(start.headers.get('location')!, { login: sub });
}

/** The whole round trip; returns where the api sent the browser in the end. */
async function signIn(b: OidcBrowser, sub: string, next?: string): Promise<URL> {
  const res = await b.get(await untilCallback(b, sub, next));
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function sessionUser(b: OidcBrowser) {
  const refreshed = await b.post(`${apiUrl}${V1}/auth/refresh`);
  if (refreshed.status !== 200) return { status: refreshed.status };
  const { accessToken } = (await refreshed.json()) as { accessToken: string };
  const me = await fetch(`${apiUrl}${V1}/auth/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
  return { status: 200, accessToken, user: ((await me.json()) as { user: Record<string, unknown> }).user };
}

const identitiesOf = async (userId: string): Promise<string[]> =>
  (
    await api.deps.pool.query('select subject from user_identities where user_id = $1 order by created_at', [
      userId,
    ])
  ).rows.map((r: { subject: string }) => r.subject);

const usersWith = async (email: string): Promise<{ id: string }[]> =>
  (await api.deps.pool.query('select id from users where email = $1', [email])).rows;

/** The reset link's token from the email staged for `to` (read from the job outbox). */
async function resetTokenFor(to: string): Promise<string> {
  const { rows } = await api.deps.pool.query(
    `select payload from job_outbox where queue = 'email' and payload->>'to' = $1 order by id desc limit 1`,
    [to],
  );
  const match = /\/reset-password\?token=([\w-]+)/.exec(String(rows[0]?.payload?.text));
  if (!match) throw new Error(`no reset link staged for ${to}`);
  return match[1]!;
}

const signedIn = (b: OidcBrowser) =>
  b.setCookies.some((c) => c.startsWith('tf_refresh=') && !c.startsWith('tf_refresh=;'));

describe('GET /auth/google', () => {
  it('redirects to the issuer with state, nonce and an S256 PKCE challenge kept server-side', async () => {
    const b = browser();
    const res = await b.get(`${apiUrl}${V1}/auth/google?next=%2Fworkspaces%2Fabc`);
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${apiUrl}${V1}/auth/google/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[\w-]{32,}$/);
    expect(params.nonce).toMatch(/^[\w-]{32,}$/);
    const flow = JSON.parse((await api.deps.redis.get(`auth:google:flow:${params.state}`))!);
    expect(flow.nonce).toBe(params.nonce);
    expect(flow.next).toBe('/workspaces/abc');
    expect(createHash('sha256').update(flow.codeVerifier).digest('base64url')).toBe(params.code_challenge);
    const cookie = b.setCookies.find((c) => c.startsWith('tf_google_state='))!;
    expect(cookie).toContain(`tf_google_state=${params.state}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/google/);
  });

  it('refuses a landing place that is not a path of the web app (400)', async () => {
    const res = await fetch(`${apiUrl}${V1}/auth/google?next=${encodeURIComponent('//evil.example')}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_ERROR');
  });

  it('is offered by GET /auth/sign-in-methods when configured', async () => {
    const res = await fetch(`${apiUrl}${V1}/auth/sign-in-methods`);
    expect(await res.json()).toEqual({ password: true, google: true });
  });
});

describe('signing in', () => {
  it('creates a user for a new verified email, named from the token, and signs them in with the refresh cookie', async () => {
    const account = await issuerAccount({ name: 'Grace Hopper' });
    const b = browser();
    const landed = await signIn(b, account.sub, '/workspaces/abc');
    expect(`${landed.origin}${landed.pathname}`).toBe(`${WEB_ORIGIN}/login`);
    expect(landed.searchParams.get('next')).toBe('/workspaces/abc');
    expect(landed.searchParams.get('signInError')).toBeNull();
    const refresh = b.setCookies.find((c) => c.startsWith('tf_refresh='))!;
    expect(refresh).toMatch(/HttpOnly/);
    expect(refresh).toMatch(/SameSite=Strict/);
    expect(refresh).toMatch(/Path=\/api\/v1\/auth/);

    const session = await sessionUser(b);
    expect(session.status).toBe(200);
    expect(session.user).toMatchObject({ email: account.email, name: 'Grace Hopper', emailVerified: true });
    expect(await identitiesOf(session.user!.id as string)).toEqual([account.sub]);
    // The ID token's signature was checked against the issuer's published keys.
    expect((await issuer.requestCounts())['/jwks']).toBeGreaterThanOrEqual(1);
  });

  it('tells a user made by Google sign-in that their account has no password', async () => {
    const account = await issuerAccount();
    await signIn(browser(), account.sub);
    const res = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: account.email, password: 'any-password-1' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/no password/);
    expect(res.body.error.message).toMatch(/Continue with Google/);
  });

  it('lets a user made by Google sign-in set a password through "forgot password" and then use it', async () => {
    const account = await issuerAccount();
    await signIn(browser(), account.sub);
    const [user] = await usersWith(account.email);
    const forgot = await api.http().post(`${V1}/auth/forgot-password`).send({ email: account.email });
    expect(forgot.status).toBe(202);
    const token = await resetTokenFor(account.email);
    const reset = await api
      .http()
      .post(`${V1}/auth/reset-password`)
      .send({ token, password: 'now-a-password-1' });
    expect(reset.status).toBe(204);
    const login = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: account.email, password: 'now-a-password-1' });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(user!.id);
  });

  it('asks a Google-only user to set a password before deleting the account; a deleted account’s link goes with it', async () => {
    const account = await issuerAccount();
    const b = browser();
    await signIn(b, account.sub);
    const { accessToken, user } = await sessionUser(b);
    const refused = await api
      .http()
      .delete(`${V1}/me`)
      .set('Authorization', `Bearer ${accessToken}`)
      .send({ password: 'guessing-1' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({
      field: 'password',
      message: expect.stringMatching(/no password yet/),
    });

    await api.http().post(`${V1}/auth/forgot-password`).send({ email: account.email });
    const token = await resetTokenFor(account.email);
    await api.http().post(`${V1}/auth/reset-password`).send({ token, password: 'leaving-now-1' });
    const login = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: account.email, password: 'leaving-now-1' });
    const deleted = await api
      .http()
      .delete(`${V1}/me`)
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .send({ password: 'leaving-now-1' });
    expect(deleted.status).toBe(204);
    expect(await identitiesOf(user!.id as string)).toEqual([]);

    // The same Google account later starts afresh: a new account, not the deleted one.
    const again = browser();
    await signIn(again, account.sub);
    const fresh = await sessionUser(again);
    expect(fresh.user?.id).not.toBe(user!.id);
    expect(fresh.user?.email).toBe(account.email);
  });

  it('links an existing account with that verified email, keeps its password, then matches later sign-ins by subject', async () => {
    const existing = await registerUser(api, 'linked');
    await markEmailVerified(api.deps.db, existing.id);
    const account = await issuerAccount({ email: existing.email });

    const first = browser();
    await signIn(first, account.sub);
    expect((await sessionUser(first)).user?.id).toBe(existing.id);
    expect(await identitiesOf(existing.id)).toEqual([account.sub]);
    const password = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: existing.email, password: existing.password });
    expect(password.status).toBe(200);

    // The address changes at the issuer; the subject still finds the same account.
    await issuer.addAccount({ ...account, email: uniqueEmail('renamed') });
    const second = browser();
    await signIn(second, account.sub);
    expect((await sessionUser(second)).user?.id).toBe(existing.id);
    expect(await identitiesOf(existing.id)).toEqual([account.sub]);
  });

  it('hands an account registered but never verified to the verified owner: its password and sessions end', async () => {
    const squatter = await registerUser(api, 'unverified');
    const account = await issuerAccount({ email: squatter.email });
    const b = browser();
    await signIn(b, account.sub);
    const session = await sessionUser(b);
    expect(session.user).toMatchObject({ id: squatter.id, emailVerified: true });
    const oldPassword = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: squatter.email, password: squatter.password });
    expect(oldPassword.status).toBe(401);
    const oldSession = await api.http().post(`${V1}/auth/refresh`).set('Cookie', squatter.refreshCookie);
    expect(oldSession.status).toBe(401);
  });

  it('never links an unverified email from the issuer to an existing account', async () => {
    const existing = await registerUser(api, 'victim');
    await markEmailVerified(api.deps.db, existing.id);
    const account = await issuerAccount({ email: existing.email, email_verified: false });
    const b = browser();
    const landed = await signIn(b, account.sub);
    expect(`${landed.origin}${landed.pathname}`).toBe(`${WEB_ORIGIN}/login`);
    expect(landed.searchParams.get('signInError')).toBe('unverified_email');
    expect(signedIn(b)).toBe(false);
    expect(await identitiesOf(existing.id)).toEqual([]);
    expect((await sessionUser(b)).status).toBe(401);
  });

  it('creates no account for an unverified email either', async () => {
    const account = await issuerAccount({ email_verified: false });
    const landed = await signIn(browser(), account.sub);
    expect(landed.searchParams.get('signInError')).toBe('unverified_email');
    expect(await usersWith(account.email)).toEqual([]);
  });

  it('sends the person back to sign-in when they decline consent at the issuer', async () => {
    const account = await issuerAccount();
    const b = browser();
    const start = await b.get(`${apiUrl}${V1}/auth/google`);
    const callback = await b.throughIssuer(start.headers.get('location')!, {
      login: account.sub,
      decline: true,
    });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const res = await b.get(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${WEB_ORIGIN}/login?signInError=access_denied`);
    expect(await usersWith(account.email)).toEqual([]);
  });
});

describe('the callback refuses what this browser did not start', () => {
  const refused = (res: Response) => {
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!).searchParams.get('signInError');
  };

  it('refuses a state that is not the one in the browser’s cookie', async () => {
    const account = await issuerAccount();
    const b = browser();
    const callback = new URL(await untilCallback(b, account.sub));
    callback.searchParams.set('state', 'forged-state-forged-state-forged-state');
    expect(refused(await b.get(callback.href))).toBe('expired');
    expect(await usersWith(account.email)).toEqual([]);
  });

  it('refuses a callback from a browser whose state cookie was tampered with or is missing', async () => {
    const account = await issuerAccount();
    const tampered = browser();
    const callback = await untilCallback(tampered, account.sub);
    tampered.setCookie(apiUrl, 'tf_google_state', 'tampered-tampered-tampered-tampered');
    expect(refused(await tampered.get(callback))).toBe('expired');
    expect(refused(await browser().get(callback))).toBe('expired');
    expect(await usersWith(account.email)).toEqual([]);
  });

  it('refuses a replayed callback: a flow and its code are spent once', async () => {
    const account = await issuerAccount();
    const b = browser();
    const callback = await untilCallback(b, account.sub);
    const stateCookie = b.cookie(apiUrl, 'tf_google_state')!;
    expect((await b.get(callback)).headers.get('location')).toBe(`${WEB_ORIGIN}/login`);
    const replay = browser();
    replay.setCookie(apiUrl, 'tf_google_state', stateCookie);
    expect(refused(await replay.get(callback))).toBe('expired');
    expect(signedIn(replay)).toBe(false);
  });

  it('checks the ID token’s nonce against the one this sign-in sent', async () => {
    const account = await issuerAccount();
    const b = browser();
    const callback = await untilCallback(b, account.sub);
    const key = `auth:google:flow:${new URL(callback).searchParams.get('state')}`;
    const flow = JSON.parse((await api.deps.redis.get(key))!);
    await api.deps.redis.set(
      key,
      JSON.stringify({ ...flow, nonce: 'another-nonce-another-nonce' }),
      'EX',
      60,
    );
    expect(refused(await b.get(callback))).toBe('expired');
    expect(await usersWith(account.email)).toEqual([]);
  });

  it('sends the PKCE verifier: the issuer refuses a code redeemed with another one', async () => {
    const account = await issuerAccount();
    const b = browser();
    const callback = await untilCallback(b, account.sub);
    const key = `auth:google:flow:${new URL(callback).searchParams.get('state')}`;
    const flow = JSON.parse((await api.deps.redis.get(key))!);
    const otherVerifier = 'x'.repeat(64);
    await api.deps.redis.set(key, JSON.stringify({ ...flow, codeVerifier: otherVerifier }), 'EX', 60);
    expect(refused(await b.get(callback))).toBe('expired');
    expect(await usersWith(account.email)).toEqual([]);
  });
});

describe('without Google configured', () => {
  let plain: TestApi;
  beforeAll(async () => {
    plain = await startApi({
      GOOGLE_CLIENT_ID: '',
      GOOGLE_CLIENT_SECRET: '',
      RATE_LIMIT_AUTH_PER_MINUTE: '3',
      // Its own limiter counts: the suite above made many auth calls from this address.
      REDIS_KEY_PREFIX: `${api.deps.env.REDIS_KEY_PREFIX}google-off:`,
    });
  });
  afterAll(() => plain.close());

  it('answers 404 in the error shape on both routes, and the sign-in methods say so', async () => {
    const methods = await plain.http().get(`${V1}/auth/sign-in-methods`);
    expect(methods.body).toEqual({ password: true, google: false });
    for (const path of ['/auth/google', '/auth/google/callback?code=x&state=y']) {
      const res = await plain.http().get(`${V1}${path}`);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
    }
  });

  it('counts the Google routes against the auth rate limit (429 with Retry-After)', async () => {
    // Two of the three were spent above.
    expect((await plain.http().get(`${V1}/auth/google`)).status).toBe(404);
    const limited = await plain.http().get(`${V1}/auth/google`);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
  });
});
