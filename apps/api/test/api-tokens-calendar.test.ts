import { auth, createTeam, registerUser, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { expectPagingRefused, pageThrough } from './list-paging';

/** Personal API tokens through the same auth middleware, and the iCalendar feed behind its secret URL. */
let api: TestApi;
let team: TeamFixture;

beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api?.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function newToken(scope: 'read' | 'write', extra: object = {}) {
  const res = await api
    .http()
    .post(`${V1}/me/api-tokens`)
    .set(auth(team.users.member))
    .send({ name: `${scope} script`, scope, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string; prefix: string };
}

describe('personal API tokens', () => {
  it('shows a tf_pat_ token once, lists it without the token, and records its last use', async () => {
    const created = await newToken('write');
    expect(created.token).toMatch(/^tf_pat_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const me = await api.http().get(`${V1}/auth/me`).set(bearer(created.token));
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(team.users.member.id);
    const list = await api.http().get(`${V1}/me/api-tokens`).set(auth(team.users.member));
    const listed = list.body.items.find((t: { id: string }) => t.id === created.id);
    expect(listed.token).toBeUndefined();
    expect(listed.lastUsedAt).toEqual(expect.any(String));
    const hashed = await api.deps.pool.query(`select token_hash from api_tokens where id = $1`, [created.id]);
    expect(hashed.rows[0].token_hash).not.toContain(created.token);
  });

  it('lets a write token write, and answers 403 to a read token on writes but not on reads', async () => {
    const write = await newToken('write');
    const read = await newToken('read');
    const path = `${V1}/projects/${team.projectId}/tasks`;
    expect((await api.http().post(path).set(bearer(write.token)).send({ title: 'By script' })).status).toBe(
      201,
    );
    const refused = await api.http().post(path).set(bearer(read.token)).send({ title: 'Nope' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await api.http().get(path).set(bearer(read.token))).status).toBe(200);
  });

  it('answers 401 to a revoked, expired or unknown token, and 400 to an expiry in the past', async () => {
    const token = await newToken('read');
    const del = await api.http().delete(`${V1}/me/api-tokens/${token.id}`).set(auth(team.users.member));
    expect(del.status).toBe(204);
    expect((await api.http().get(`${V1}/auth/me`).set(bearer(token.token))).status).toBe(401);
    // Someone else's token is not theirs to revoke.
    const other = await newToken('read');
    expect(
      (await api.http().delete(`${V1}/me/api-tokens/${other.id}`).set(auth(team.users.admin))).status,
    ).toBe(404);

    const soon = await newToken('read', { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await api.deps.pool.query(
      `update api_tokens set expires_at = now() - interval '1 second' where id = $1`,
      [soon.id],
    );
    expect((await api.http().get(`${V1}/auth/me`).set(bearer(soon.token))).status).toBe(401);
    expect((await api.http().get(`${V1}/auth/me`).set(bearer('tf_pat_not-a-real-token-at-all'))).status).toBe(
      401,
    );

    const past = await api
      .http()
      .post(`${V1}/me/api-tokens`)
      .set(auth(team.users.member))
      .send({ name: 'old', scope: 'read', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.error.details).toEqual([{ field: 'expiresAt', message: expect.any(String) }]);
  });

  it('reads one of the caller’s tokens by id without the token; another user’s or a revoked one is a 404', async () => {
    const created = await newToken('read');
    const one = await api.http().get(`${V1}/me/api-tokens/${created.id}`).set(auth(team.users.member));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: created.id,
      name: 'read script',
      scope: 'read',
      prefix: created.prefix,
    });
    expect(one.body.token).toBeUndefined();
    const theirs = await api.http().get(`${V1}/me/api-tokens/${created.id}`).set(auth(team.users.owner));
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('NOT_FOUND');
    await api.http().delete(`${V1}/me/api-tokens/${created.id}`).set(auth(team.users.member)).expect(204);
    expect(
      (await api.http().get(`${V1}/me/api-tokens/${created.id}`).set(auth(team.users.member))).status,
    ).toBe(404);
  });
});

describe('listing personal API tokens', () => {
  const tokens = `${V1}/me/api-tokens`;

  it('pages newest first, 50 by default, with ?limit= and ?cursor=: every token once, the last page without a cursor', async () => {
    const user = await registerUser(api, 'tokens');
    const made: string[] = [];
    for (let i = 0; i < 52; i++) {
      const res = await api
        .http()
        .post(tokens)
        .set(auth(user))
        .send({ name: `script ${i}`, scope: 'read' });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    await api.http().delete(`${tokens}/${made[0]}`).set(auth(user)).expect(204);
    // Two made at the same instant (ties go by id), one a microsecond later: the cursor keeps microseconds.
    await api.deps.pool.query(
      `update api_tokens set created_at = case when id = $3 then '2026-01-01T00:00:00.000201Z'::timestamptz
                                               else '2026-01-01T00:00:00.000200Z'::timestamptz end
        where id in ($1, $2, $3)`,
      [made[10], made[11], made[12]],
    );
    const { rows } = await api.deps.pool.query<{ id: string }>(
      `select id from api_tokens where user_id = $1 and revoked_at is null order by created_at desc, id desc`,
      [user.id],
    );
    const order = rows.map((r) => r.id);
    expect(order).toHaveLength(51);
    const first = await api.http().get(tokens).set(auth(user));
    expect(first.status).toBe(200);
    expect(first.body.items.map((t: { id: string }) => t.id)).toEqual(order.slice(0, 50));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    for (const limit of [1, 2, 100]) {
      const pages = await pageThrough<{ id: string }>(api, user, tokens, limit);
      expect(pages.flatMap((p) => p.items.map((t) => t.id))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(51 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('refuses ?limit= outside 1–100, a garbled cursor and a cursor of another list with 400', async () => {
    // Members page by (joined, id): a cursor of the same shape that is still not this list's.
    const members = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/members?limit=1`)
      .set(auth(team.users.member));
    expect(members.body.nextCursor).toEqual(expect.any(String));
    await expectPagingRefused(api, team.users.member, tokens, members.body.nextCursor);
  });
});

describe('calendar feed', () => {
  it("serves the caller's assigned tasks with due dates as iCalendar at a secret URL that rotates", async () => {
    const due = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.member))
      .send({ title: 'Quarterly report', dueDate: '2031-03-14', assigneeIds: [team.users.viewer.id] });
    expect(due.status).toBe(201);
    await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.member))
      .send({ title: 'No date', assigneeIds: [team.users.viewer.id] });

    const feed = await api.http().get(`${V1}/me/calendar`).set(auth(team.users.viewer));
    expect(feed.status).toBe(200);
    const path = new URL(feed.body.url).pathname;
    expect(path).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect((await api.http().get(`${V1}/me/calendar`).set(auth(team.users.viewer))).body.url).toBe(
      feed.body.url,
    );

    const ics = await api.http().get(path);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text).toContain('DTSTART;VALUE=DATE:20310314');
    expect(ics.text).toContain(`CORE-${due.body.number} Quarterly report`);
    expect(ics.text).not.toContain('No date');

    const rotated = await api.http().post(`${V1}/me/calendar/rotate`).set(auth(team.users.viewer));
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(feed.body.url);
    expect((await api.http().get(path)).status).toBe(404);
    expect((await api.http().get(new URL(rotated.body.url).pathname)).status).toBe(200);
  });

  it("lists the incidents the caller commands, from declaration to resolution, and nobody else's", async () => {
    const declare = (commanderId: string, title: string) =>
      api
        .http()
        .post(`${V1}/workspaces/${team.workspaceId}/incidents`)
        .set(auth(team.users.member))
        .send({ title, severity: 'sev2', commanderId });
    const mine = await declare(team.users.admin.id, 'Checkout returns 502');
    const theirs = await declare(team.users.member.id, 'Search is slow');
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const resolved = await api
      .http()
      .patch(`${V1}/incidents/${mine.body.id}`)
      .set(auth(team.users.admin))
      .send({ status: 'resolved', version: mine.body.version });
    expect(resolved.status).toBe(200);

    const feed = await api.http().get(`${V1}/me/calendar`).set(auth(team.users.admin));
    // iCalendar folds lines at 75 octets (a CRLF and a space): unfold before reading.
    const ics = (await api.http().get(new URL(feed.body.url).pathname)).text.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`UID:incident-${mine.body.id}@teamflow`);
    expect(ics).toContain(`INC-${mine.body.number} (sev2) Checkout returns 502`);
    expect(ics).toContain(`/w/${team.workspaceId}/incidents/${mine.body.id}`);
    const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    expect(ics).toContain(`DTEND:${stamp(resolved.body.resolvedAt)}`);
    expect(ics).not.toContain('Search is slow');
  });

  it("never shows another user's tasks", async () => {
    const feed = await api.http().get(`${V1}/me/calendar`).set(auth(team.users.stranger));
    const ics = await api.http().get(new URL(feed.body.url).pathname);
    expect(ics.status).toBe(200);
    expect(ics.text).not.toContain('BEGIN:VEVENT');
  });
});
