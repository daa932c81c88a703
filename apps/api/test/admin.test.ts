import { auth, registerUser, startApi, type TestApi, type TestUser } from './harness';

let api: TestApi;
let admin: TestUser;
let someone: TestUser;
beforeAll(async () => {
  const boot = await startApi();
  admin = await registerUser(boot, 'platform-admin');
  await boot.close();
  // A second app on the same database, with that user named a platform admin.
  api = await startApi({ PLATFORM_ADMIN_EMAILS: admin.email.toUpperCase() });
  someone = await registerUser(api, 'someone');
});
afterAll(() => api.close());

describe('Bull Board at /admin/queues', () => {
  it('answers 401 without a token and 403 for a user who is not a platform admin', async () => {
    const anon = await api.http().get('/admin/queues');
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('UNAUTHORIZED');
    expect((await api.http().get('/admin/queues/api/queues')).status).toBe(401);
    const other = await api.http().get('/admin/queues').set(auth(someone));
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
    expect((await api.http().get('/admin/queues/api/queues').set(auth(someone))).status).toBe(403);
  });

  it('serves the board, its JSON api and its own static assets to a platform admin', async () => {
    const page = await api.http().get('/admin/queues').set(auth(admin));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const script = /src="(?:\/admin\/queues\/)?(static\/js\/main\.[\w.]+\.js)"/.exec(page.text)![1];
    const asset = await api.http().get(`/admin/queues/${script}`).set(auth(admin));
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(page.headers['content-security-policy']).toMatch(/font-src 'self' data:/);

    const queues = await api.http().get('/admin/queues/api/queues').set(auth(admin));
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(
      [
        'ai',
        'analytics',
        'email',
        'files',
        'integrations',
        'maintenance',
        'notifications',
        'progress',
      ].sort(),
    );
  });
});

describe('opening Bull Board from a browser', () => {
  it('tells the web app who is a platform admin', async () => {
    expect((await api.http().get('/api/v1/auth/me').set(auth(admin))).body.platformAdmin).toBe(true);
    expect((await api.http().get('/api/v1/auth/me').set(auth(someone))).body.platformAdmin).toBe(false);
  });

  it('gives a platform admin an HttpOnly /admin cookie that opens the board without a header', async () => {
    const res = await api.http().post('/api/v1/admin/session').set(auth(admin));
    expect(res.status).toBe(204);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('tf_admin='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/admin/);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const page = await api.http().get('/admin/queues').set('Cookie', cookie.split(';')[0]!);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('refuses the cookie to others, and a forged or logged-out cookie opens nothing', async () => {
    expect((await api.http().post('/api/v1/admin/session').set(auth(someone))).status).toBe(403);
    expect((await api.http().post('/api/v1/admin/session')).status).toBe(401);
    expect((await api.http().get('/admin/queues').set('Cookie', 'tf_admin=not-a-token')).status).toBe(401);
    // A non-admin's token in the cookie is still a non-admin.
    expect((await api.http().get('/admin/queues').set('Cookie', `tf_admin=${someone.token}`)).status).toBe(
      403,
    );

    // A second sign-in of the admin, so logging it out leaves the suite's own session alive.
    const login = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ email: admin.email, password: admin.password });
    const second = { token: login.body.accessToken as string };
    const res = await api.http().post('/api/v1/admin/session').set(auth(second));
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    expect((await api.http().get('/admin/queues').set('Cookie', cookie)).status).toBe(200);
    await api.http().post('/api/v1/auth/logout').set(auth(second));
    expect((await api.http().get('/admin/queues').set('Cookie', cookie)).status).toBe(401);
  });
});

describe('dev outbox at /admin/mail', () => {
  it('answers 401 / 403 to others and lists kept messages, newest first, to a platform admin', async () => {
    expect((await api.http().get('/admin/mail')).status).toBe(401);
    expect((await api.http().get('/admin/mail').set(auth(someone))).status).toBe(403);
    const jobId = `admin-test-${Date.now()}`;
    await api.deps.pool.query(
      `insert into dev_mail (job_id, "to", subject, text, html, template) values ($1, 'x@example.test', 'Hello', 'Hi', '<p>Hi</p>', 'invitation')`,
      [jobId],
    );
    const res = await api.http().get('/admin/mail?limit=5').set(auth(admin));
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      jobId,
      to: 'x@example.test',
      subject: 'Hello',
      template: 'invitation',
    });
    expect(res.body.items.length).toBeLessThanOrEqual(5);
  });
});
