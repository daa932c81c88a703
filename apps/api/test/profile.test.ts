import { auth, registerUser, startApi, V1, type TestApi, type TestUser } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

/** Signs in again and returns the new session's refresh cookie. */
async function signIn(user: TestUser, password = user.password) {
  const res = await api.http().post(`${V1}/auth/login`).send({ email: user.email, password });
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return { status: res.status, cookie: cookies.find((c) => c.startsWith('tf_refresh='))?.split(';')[0] };
}

const refresh = (cookie: string) => api.http().post(`${V1}/auth/refresh`).set('Cookie', cookie);

describe('PATCH /auth/me', () => {
  it('renames the signed-in user and /auth/me shows the new name', async () => {
    const user = await registerUser(api, 'rename');
    const res = await api.http().patch(`${V1}/auth/me`).set(auth(user)).send({ name: '  Ada Lovelace ' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: user.id, name: 'Ada Lovelace', email: user.email });
    const me = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(me.body.user.name).toBe('Ada Lovelace');
  });

  it('rejects an empty name with a field error and changes nothing', async () => {
    const user = await registerUser(api, 'blank');
    const res = await api.http().patch(`${V1}/auth/me`).set(auth(user)).send({ name: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    const me = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(me.body.user.name).toBe(user.name);
  });

  it('sets the time zone to an IANA name, which a new user starts at UTC', async () => {
    const user = await registerUser(api, 'zone');
    const before = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(before.body.user.timeZone).toBe('UTC');
    const res = await api
      .http()
      .patch(`${V1}/auth/me`)
      .set(auth(user))
      .send({ timeZone: 'America/Los_Angeles' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ timeZone: 'America/Los_Angeles', name: user.name });
    const me = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(me.body.user.timeZone).toBe('America/Los_Angeles');
  });

  it('refuses an unknown time zone or a bare offset with a field error, and keeps the old one', async () => {
    const user = await registerUser(api, 'badzone');
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', '', 'Europe/Berlin; drop table users']) {
      const res = await api.http().patch(`${V1}/auth/me`).set(auth(user)).send({ timeZone });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['timeZone']);
    }
    const me = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(me.body.user.timeZone).toBe('UTC');
  });

  it('refuses a name Intl takes that is not an IANA zone PostgreSQL knows (Java ids, dropped links), and keeps the old one', async () => {
    const user = await registerUser(api, 'javazone');
    for (const timeZone of ['PST', 'IST', 'BET', 'ctt', 'US/Pacific-New', 'Canada/East-Saskatchewan']) {
      const res = await api.http().patch(`${V1}/auth/me`).set(auth(user)).send({ timeZone });
      expect({ timeZone, status: res.status, fields: res.body.error?.details }).toEqual({
        timeZone,
        status: 400,
        fields: [{ field: 'timeZone', message: expect.stringMatching(/Unknown time zone/) }],
      });
    }
    const me = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(me.body.user.timeZone).toBe('UTC');
    // IANA's own top-level names stay valid.
    for (const timeZone of ['EST', 'GMT', 'CET', 'US/Pacific', 'Japan']) {
      const res = await api.http().patch(`${V1}/auth/me`).set(auth(user)).send({ timeZone });
      expect({ timeZone, status: res.status }).toEqual({ timeZone, status: 200 });
    }
  });

  it('refuses an empty change', async () => {
    const user = await registerUser(api, 'nothing');
    const res = await api.http().patch(`${V1}/auth/me`).set(auth(user)).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('needs a signed-in user', async () => {
    const res = await api.http().patch(`${V1}/auth/me`).send({ name: 'Nobody' });
    expect(res.status).toBe(401);
  });
});

describe('POST /auth/change-password', () => {
  it('sets the new password, keeps the calling session and signs out every other one', async () => {
    const user = await registerUser(api, 'pw');
    const other = await signIn(user);
    expect(other.cookie).toBeDefined();

    const res = await api
      .http()
      .post(`${V1}/auth/change-password`)
      .set(auth(user))
      .set('Cookie', user.refreshCookie)
      .send({ currentPassword: user.password, newPassword: 'brand-new-pass-2' });
    expect(res.status).toBe(204);

    expect((await signIn(user)).status).toBe(401);
    expect((await signIn(user, 'brand-new-pass-2')).status).toBe(200);
    expect((await refresh(other.cookie!)).status).toBe(401);
    expect((await refresh(user.refreshCookie)).status).toBe(200);
  });

  it('answers 400 on the currentPassword field when the current password is wrong, and keeps the old one', async () => {
    const user = await registerUser(api, 'wrongpw');
    const res = await api
      .http()
      .post(`${V1}/auth/change-password`)
      .set(auth(user))
      .send({ currentPassword: 'not-my-password-1', newPassword: 'brand-new-pass-2' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { field: 'currentPassword', message: 'The current password is not correct' },
    ]);
    expect((await signIn(user)).status).toBe(200);
  });

  it('rejects a weak new password with the schema’s message', async () => {
    const user = await registerUser(api, 'weakpw');
    const res = await api
      .http()
      .post(`${V1}/auth/change-password`)
      .set(auth(user))
      .send({ currentPassword: user.password, newPassword: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('newPassword');
  });

  it('signs out every session when called without a refresh cookie', async () => {
    const user = await registerUser(api, 'nocookie');
    const res = await api
      .http()
      .post(`${V1}/auth/change-password`)
      .set(auth(user))
      .send({ currentPassword: user.password, newPassword: 'brand-new-pass-2' });
    expect(res.status).toBe(204);
    expect((await refresh(user.refreshCookie)).status).toBe(401);
  });

  it('needs a signed-in user', async () => {
    const res = await api
      .http()
      .post(`${V1}/auth/change-password`)
      .send({ currentPassword: 'x', newPassword: 'brand-new-pass-2' });
    expect(res.status).toBe(401);
  });
});
