import { randomUUID } from 'node:crypto';
import { createJobRelay } from '@teamflow/core/jobs/job-relay';
import { auth, registerUser, startApi, uniqueEmail, V1, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startApi({ WEB_ORIGIN: 'http://web.test' });
});
afterAll(async () => {
  await api.deps.queues.email.obliterate({ force: true }).catch(() => undefined);
  await api.close();
});

interface StagedMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  template: string;
}

/** The email jobs staged for an address (newest last), read from the job outbox. */
async function staged(to: string): Promise<StagedMail[]> {
  const { rows } = await api.deps.pool.query(
    `select id, payload from job_outbox where queue = 'email' and name = 'send' and payload->>'to' = $1 order by id`,
    [to],
  );
  return rows.map((r: { id: string; payload: Omit<StagedMail, 'id'> }) => ({
    id: Number(r.id),
    ...r.payload,
  }));
}

const tokenIn = (text: string, path: string) => {
  const match = new RegExp(`http://web\\.test${path}\\?token=([\\w-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
};

describe('email verification', () => {
  it('stages a verification email on register; the link verifies once', async () => {
    const user = await registerUser(api, 'verify');
    const [mail] = await staged(user.email);
    expect(mail).toMatchObject({
      template: 'verify-email',
      subject: 'Confirm your email address for TeamFlow',
    });
    const token = tokenIn(mail!.text, '/verify-email');
    // Only the hash is stored.
    const leaked = await api.deps.pool.query(
      `select count(*)::int n from user_tokens where token_hash = $1`,
      [token],
    );
    expect(leaked.rows[0].n).toBe(0);

    const ok = await api.http().post(`${V1}/auth/verify-email`).send({ token });
    expect(ok.status).toBe(204);
    const me = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(me.body.user.emailVerified).toBe(true);

    const again = await api.http().post(`${V1}/auth/verify-email`).send({ token });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].field).toBe('token');
  });

  it('sends a fresh link on request (the old one stops working) and nothing once verified', async () => {
    const user = await registerUser(api, 'reverify');
    const first = tokenIn((await staged(user.email))[0]!.text, '/verify-email');
    const res = await api.http().post(`${V1}/auth/verify-email/request`).set(auth(user));
    expect(res.status).toBe(202);
    const mails = await staged(user.email);
    expect(mails).toHaveLength(2);
    const second = tokenIn(mails[1]!.text, '/verify-email');
    expect((await api.http().post(`${V1}/auth/verify-email`).send({ token: first })).status).toBe(400);
    expect((await api.http().post(`${V1}/auth/verify-email`).send({ token: second })).status).toBe(204);
    await api.http().post(`${V1}/auth/verify-email/request`).set(auth(user)).expect(202);
    expect(await staged(user.email)).toHaveLength(2);
  });

  it('needs a token to request a new link', async () => {
    expect((await api.http().post(`${V1}/auth/verify-email/request`)).status).toBe(401);
  });
});

describe('password reset', () => {
  it('answers the same for an unknown email and stages nothing', async () => {
    const email = uniqueEmail('nobody');
    const res = await api.http().post(`${V1}/auth/forgot-password`).send({ email });
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    expect(await staged(email)).toEqual([]);
  });

  it('resets with a one-time token, revokes every refresh session and refuses reuse', async () => {
    const user = await registerUser(api, 'reset');
    const res = await api.http().post(`${V1}/auth/forgot-password`).send({ email: user.email.toUpperCase() });
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    const mail = (await staged(user.email)).find((m) => m.template === 'reset-password')!;
    expect(mail.subject).toBe('Reset your TeamFlow password');
    const token = tokenIn(mail.text, '/reset-password');

    const done = await api
      .http()
      .post(`${V1}/auth/reset-password`)
      .send({ token, password: 'brand-new-pass-2' });
    expect(done.status).toBe(204);

    // Old password out, new one in; the refresh session from before is revoked.
    await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: user.email, password: user.password })
      .expect(401);
    await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: user.email, password: 'brand-new-pass-2' })
      .expect(200);
    const refresh = await api.http().post(`${V1}/auth/refresh`).set('Cookie', user.refreshCookie);
    expect(refresh.status).toBe(401);

    const reuse = await api
      .http()
      .post(`${V1}/auth/reset-password`)
      .send({ token, password: 'another-pass-3' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('refuses an expired token, a made-up token and a weak password', async () => {
    const user = await registerUser(api, 'expired');
    await api.http().post(`${V1}/auth/forgot-password`).send({ email: user.email }).expect(202);
    const token = tokenIn(
      (await staged(user.email)).find((m) => m.template === 'reset-password')!.text,
      '/reset-password',
    );
    const weak = await api.http().post(`${V1}/auth/reset-password`).send({ token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].field).toBe('password');
    await api.deps.pool.query(
      `update user_tokens set expires_at = now() - interval '1 minute' where user_id = $1 and kind = 'password-reset'`,
      [user.id],
    );
    const expired = await api
      .http()
      .post(`${V1}/auth/reset-password`)
      .send({ token, password: 'brand-new-pass-2' });
    expect(expired.status).toBe(400);
    const madeUp = await api
      .http()
      .post(`${V1}/auth/reset-password`)
      .send({ token: randomUUID() + randomUUID(), password: 'brand-new-pass-2' });
    expect(madeUp.status).toBe(400);
  });
});

describe('invitation email', () => {
  it('stages the invitation email carrying the inviteUrl, and the job relay enqueues it once', async () => {
    const owner = await registerUser(api, 'owner');
    const ws = await api.http().post(`${V1}/workspaces`).set(auth(owner)).send({ name: 'Mail Team' });
    const email = uniqueEmail('invitee');
    const inv = await api
      .http()
      .post(`${V1}/workspaces/${ws.body.id}/invitations`)
      .set(auth(owner))
      .send({ email, role: 'member' });
    expect(inv.status).toBe(201);
    const [mail] = await staged(email);
    expect(mail).toMatchObject({
      template: 'invitation',
      subject: `${owner.name} invited you to Mail Team on TeamFlow`,
    });
    expect(mail!.text).toContain(inv.body.inviteUrl);

    const relay = createJobRelay(api.deps, api.deps.queues);
    while ((await relay.runOnce()) > 0);
    const job = await api.deps.queues.email.getJob(`outbox-${mail!.id}`);
    expect(job).toBeDefined();
    expect(job!.name).toBe('send');
    expect(job!.data).toMatchObject({ to: email, template: 'invitation' });
    expect(job!.opts.attempts).toBe(4);
  });
});
