import jwt from 'jsonwebtoken';
import { auth, registerUser, startApi, uniqueEmail, V1, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startApi({ LOGIN_LOCKOUT_ATTEMPTS: '3' });
});
afterAll(() => api.close());

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((c) => c.startsWith('tf_refresh='));

describe('register', () => {
  it('creates an account, returns an access token and sets an HttpOnly strict refresh cookie', async () => {
    const email = uniqueEmail();
    const res = await api
      .http()
      .post(`${V1}/auth/register`)
      .send({ email: email.toUpperCase(), name: 'Ada', password: 'abcdefg1' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, name: 'Ada', emailVerified: false });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
  });

  it('rejects weak passwords and bad emails with field details', async () => {
    const res = await api
      .http()
      .post(`${V1}/auth/register`)
      .send({ email: 'nope', name: '', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'password']));
    expect(res.body.error.requestId).toEqual(expect.any(String));
  });

  it('refuses a password without a digit', async () => {
    const res = await api
      .http()
      .post(`${V1}/auth/register`)
      .send({ email: uniqueEmail(), name: 'A', password: 'lettersonly' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('password');
  });

  it('refuses a password without a letter', async () => {
    const res = await api
      .http()
      .post(`${V1}/auth/register`)
      .send({ email: uniqueEmail(), name: 'A', password: '1234567890' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('password');
  });

  it('takes a letter of any script as the letter a password needs', async () => {
    for (const password of ['пароль12', 'κωδικός7', 'contraseña9']) {
      const res = await api
        .http()
        .post(`${V1}/auth/register`)
        .send({ email: uniqueEmail(), name: 'A', password });
      expect([password, res.status]).toEqual([password, 201]);
    }
  });

  it('answers 409 for an email already registered, whatever its case', async () => {
    const user = await registerUser(api);
    const res = await api
      .http()
      .post(`${V1}/auth/register`)
      .send({ email: user.email.toUpperCase(), name: 'B', password: 'abcdefg1' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });
});

describe('login', () => {
  it('signs in with the right password', async () => {
    const user = await registerUser(api);
    const res = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    const me = await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body.user.email).toBe(user.email);
  });

  it('gives unknown email and wrong password the same 401', async () => {
    const user = await registerUser(api);
    const wrong = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: user.email, password: 'wrong-pass-1' });
    const unknown = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: uniqueEmail('ghost'), password: 'wrong-pass-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.body.error.code).toBe(unknown.body.error.code);
  });

  it('locks the account with 423 after repeated failures, even for the right password', async () => {
    const user = await registerUser(api);
    for (let i = 0; i < 3; i++) {
      expect(
        (await api.http().post(`${V1}/auth/login`).send({ email: user.email, password: 'bad-password-1' }))
          .status,
      ).toBe(401);
    }
    const locked = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: user.email, password: user.password });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('gives a 30-day cookie with rememberMe and a 7-day one without', async () => {
    const user = await registerUser(api);
    const days = async (rememberMe: boolean) => {
      const res = await api
        .http()
        .post(`${V1}/auth/login`)
        .send({ email: user.email, password: user.password, rememberMe });
      const expires = /Expires=([^;]+)/.exec(cookieOf(res)!)![1]!;
      return Math.round((Date.parse(expires) - Date.now()) / 86_400_000);
    };
    expect(await days(false)).toBe(7);
    expect(await days(true)).toBe(30);
  });
});

describe('refresh', () => {
  it('rotates the refresh cookie and issues a working access token', async () => {
    const user = await registerUser(api);
    const res = await api.http().post(`${V1}/auth/refresh`).set('Cookie', user.refreshCookie);
    expect(res.status).toBe(200);
    const next = cookieOf(res)!.split(';')[0];
    expect(next).not.toBe(user.refreshCookie);
    const me = await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
  });

  it('revokes the whole family when a rotated token is used again', async () => {
    const user = await registerUser(api);
    const first = await api.http().post(`${V1}/auth/refresh`).set('Cookie', user.refreshCookie);
    const second = cookieOf(first)!.split(';')[0]!;
    const reuse = await api.http().post(`${V1}/auth/refresh`).set('Cookie', user.refreshCookie);
    expect(reuse.status).toBe(401);
    // The legitimate newer token dies with the family.
    const afterReuse = await api.http().post(`${V1}/auth/refresh`).set('Cookie', second);
    expect(afterReuse.status).toBe(401);
  });

  it('answers 401 without a cookie', async () => {
    expect((await api.http().post(`${V1}/auth/refresh`)).status).toBe(401);
  });
});

describe('access tokens', () => {
  const secret = () => api.deps.env.JWT_ACCESS_SECRET;

  it('refuses a request without a token', async () => {
    const res = await api.http().get(`${V1}/auth/me`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('refuses alg:none tokens', async () => {
    const user = await registerUser(api);
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: user.id,
        jti: 'x',
        iss: 'teamflow-api',
        aud: 'teamflow',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    const res = await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${header}.${payload}.`);
    expect(res.status).toBe(401);
  });

  it('refuses a tampered token', async () => {
    const user = await registerUser(api);
    const [h, p, s] = user.token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    claims.sub = '00000000-0000-4000-8000-000000000000';
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    expect((await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${forged}`)).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const user = await registerUser(api);
    const expired = jwt.sign({}, secret(), {
      algorithm: 'HS256',
      subject: user.id,
      jwtid: 'expired',
      issuer: 'teamflow-api',
      audience: 'teamflow',
      expiresIn: -10,
    });
    const res = await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/i);
  });

  it('refuses a token signed for another audience or with another secret', async () => {
    const user = await registerUser(api);
    const wrongAud = jwt.sign({}, secret(), {
      algorithm: 'HS256',
      subject: user.id,
      jwtid: 'a',
      issuer: 'teamflow-api',
      audience: 'other',
    });
    const wrongKey = jwt.sign({}, 'another-secret-another-secret-123', {
      algorithm: 'HS256',
      subject: user.id,
      jwtid: 'b',
      issuer: 'teamflow-api',
      audience: 'teamflow',
    });
    expect((await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${wrongAud}`)).status).toBe(
      401,
    );
    expect((await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${wrongKey}`)).status).toBe(
      401,
    );
  });
});

describe('logout', () => {
  it('deny-lists the access token and revokes the refresh family', async () => {
    const user = await registerUser(api);
    const out = await api.http().post(`${V1}/auth/logout`).set(auth(user)).set('Cookie', user.refreshCookie);
    expect(out.status).toBe(204);
    expect((await api.http().get(`${V1}/auth/me`).set(auth(user))).status).toBe(401);
    expect((await api.http().post(`${V1}/auth/refresh`).set('Cookie', user.refreshCookie)).status).toBe(401);
  });

  it('clears the refresh cookie with the attributes it was set with (Path, HttpOnly, SameSite=Strict)', async () => {
    const user = await registerUser(api);
    const cleared = (res: { headers: Record<string, unknown> }) =>
      ([res.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('tf_refresh='));
    const out = await api.http().post(`${V1}/auth/logout`).set('Cookie', user.refreshCookie);
    const reused = await api.http().post(`${V1}/auth/refresh`).set('Cookie', user.refreshCookie);
    expect(reused.status).toBe(401);
    for (const cookie of [cleared(out), cleared(reused)]) {
      expect(cookie).toMatch(/^tf_refresh=;/);
      expect(cookie).toContain('Path=/api/v1/auth');
      expect(cookie).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
    }
  });
});
