import { randomBytes } from 'node:crypto';
import { hashToken } from '@teamflow/core/auth/tokens';
import {
  auth,
  createTeam,
  registerUser,
  startApi,
  V1,
  type TeamFixture,
  type TestApi,
  type TestUser,
} from './harness';
import { expectPagingRefused, pageThrough } from './list-paging';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

let team: TeamFixture;
beforeEach(async () => {
  team = await createTeam(api);
});

const ws = (path = '') => `${V1}/workspaces/${team.workspaceId}${path}`;
const tokenOf = (inviteUrl: string) => inviteUrl.split('/invite/')[1]!;

function invite(by: TestUser, email: string, role = 'member') {
  return api.http().post(ws('/invitations')).set(auth(by)).send({ email, role });
}
function accept(user: TestUser, token: string) {
  return api.http().post(`${V1}/invitations/${token}/accept`).set(auth(user));
}
function setRole(by: TestUser, target: TestUser, role: string) {
  return api
    .http()
    .patch(ws(`/members/${target.id}`))
    .set(auth(by))
    .send({ role });
}
function remove(by: TestUser, target: TestUser) {
  return api
    .http()
    .delete(ws(`/members/${target.id}`))
    .set(auth(by));
}
async function roleOf(userId: string): Promise<string | undefined> {
  const res = await api.deps.pool.query<{ role: string }>(
    'select role from workspace_members where workspace_id = $1 and user_id = $2',
    [team.workspaceId, userId],
  );
  return res.rows[0]?.role;
}
/** Invites a fresh user as `role` and has them accept. */
async function joinAs(role: string): Promise<TestUser> {
  const user = await registerUser(api, role);
  const inv = await invite(team.users.owner, user.email, role);
  expect((await accept(user, tokenOf(inv.body.inviteUrl))).status).toBe(200);
  return user;
}

describe('members list', () => {
  it('lists every member with user, role and joinedAt, to every role and to no stranger', async () => {
    const res = await api.http().get(ws('/members')).set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    const byId = new Map((res.body.items as { user: { id: string } }[]).map((m) => [m.user.id, m]));
    expect(byId.size).toBe(4);
    for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
      const user = team.users[role];
      expect(byId.get(user.id)).toEqual({
        user: expect.objectContaining({ id: user.id, email: user.email, name: user.name }),
        role,
        joinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      });
    }
    expect((await api.http().get(ws('/members')).set(auth(team.users.stranger))).status).toBe(404);
  });

  it('pages in join order with ?limit= and ?cursor=: every member once, the last page without a cursor', async () => {
    await joinAs('member');
    await joinAs('viewer');
    // Joins a microsecond apart and at the same instant: the cursor keeps microseconds, ties go by user id.
    const { owner, admin, member, viewer } = team.users;
    for (const [user, at] of [
      [owner, '2026-01-01T00:00:00.000100Z'],
      [admin, '2026-01-01T00:00:00.000300Z'],
      [member, '2026-01-01T00:00:00.000200Z'],
      [viewer, '2026-01-01T00:00:00.000200Z'],
    ] as const) {
      await api.deps.pool.query(
        'update workspace_members set created_at = $3 where workspace_id = $1 and user_id = $2',
        [team.workspaceId, user.id, at],
      );
    }
    const { rows } = await api.deps.pool.query<{ user_id: string }>(
      'select user_id from workspace_members where workspace_id = $1 order by created_at, user_id',
      [team.workspaceId],
    );
    expect(rows).toHaveLength(6);
    const order = rows.map((r) => r.user_id);
    const all = await api.http().get(ws('/members')).set(auth(team.users.viewer));
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.items.map((m: { user: { id: string } }) => m.user.id)).toEqual(order);
    for (const limit of [1, 2, 4]) {
      const pages = await pageThrough<{ user: { id: string } }>(
        api,
        team.users.viewer,
        ws('/members'),
        limit,
      );
      expect(pages.flatMap((p) => p.items.map((m) => m.user.id))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(6 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('refuses ?limit= outside 1–100, a garbled cursor and a cursor of another list with 400', async () => {
    for (let i = 0; i < 2; i++)
      await invite(team.users.owner, `paged-${i}-${randomBytes(4).toString('hex')}@example.com`);
    const invitations = await api.http().get(ws('/invitations?limit=1')).set(auth(team.users.owner));
    expect(invitations.body.nextCursor).toEqual(expect.any(String));
    await expectPagingRefused(api, team.users.viewer, ws('/members'), invitations.body.nextCursor);
  });
});

describe('invitations', () => {
  it('returns WEB_ORIGIN/invite/<token> to owners and admins and stores only the token hash', async () => {
    for (const by of [team.users.owner, team.users.admin]) {
      const email = `Invitee-${randomBytes(4).toString('hex')}@Example.test`;
      const res = await invite(by, email, 'viewer');
      expect(res.status).toBe(201);
      expect(res.body.invitation).toMatchObject({
        workspaceId: team.workspaceId,
        email: email.toLowerCase(),
        role: 'viewer',
      });
      const origin = api.deps.env.WEB_ORIGIN.replace(/\/$/, '');
      expect(res.body.inviteUrl).toBe(`${origin}/invite/${tokenOf(res.body.inviteUrl)}`);
      expect(res.body.inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
      const token = tokenOf(res.body.inviteUrl);
      expect(token.length).toBeGreaterThanOrEqual(20);

      const stored = await api.deps.pool.query('select * from invitations where id = $1', [
        res.body.invitation.id,
      ]);
      expect(stored.rows[0].token_hash).toBe(hashToken(token));
      expect(JSON.stringify(stored.rows[0])).not.toContain(token);
      const anywhere = await api.deps.pool.query(
        'select count(*)::int as n from invitations where token_hash = $1 or position($1 in invitations::text) > 0',
        [token],
      );
      expect(anywhere.rows[0].n).toBe(0);
    }
  });

  it('refuses members and viewers with 403 and strangers with 404', async () => {
    expect((await invite(team.users.member, 'x1@example.test')).status).toBe(403);
    expect((await invite(team.users.viewer, 'x2@example.test')).status).toBe(403);
    expect((await invite(team.users.stranger, 'x3@example.test')).status).toBe(404);
    const rows = await api.deps.pool.query(
      "select 1 from invitations where workspace_id = $1 and email like 'x_@example.test'",
      [team.workspaceId],
    );
    expect(rows.rowCount).toBe(0);
  });

  it('rejects inviting someone as owner and a malformed email with 400', async () => {
    const res = await invite(team.users.owner, 'not-an-email', 'owner');
    expect(res.status).toBe(400);
    expect((res.body.error.details as { field: string }[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['email', 'role']),
    );
  });

  it('lists pending invitations and revokes one, after which its token is a 404', async () => {
    const invitee = await registerUser(api, 'invitee');
    const created = await invite(team.users.admin, invitee.email);
    const id = created.body.invitation.id;
    const listed = await api.http().get(ws('/invitations')).set(auth(team.users.owner));
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id, email: invitee.email, role: 'member' }),
    ]);
    expect((await api.http().get(ws('/invitations')).set(auth(team.users.member))).status).toBe(403);

    expect(
      (
        await api
          .http()
          .delete(ws(`/invitations/${id}`))
          .set(auth(team.users.member))
      ).status,
    ).toBe(403);
    expect(
      (
        await api
          .http()
          .delete(ws(`/invitations/${id}`))
          .set(auth(team.users.admin))
      ).status,
    ).toBe(204);
    expect(
      (
        await api
          .http()
          .delete(ws(`/invitations/${id}`))
          .set(auth(team.users.admin))
      ).status,
    ).toBe(404);
    expect((await api.http().get(ws('/invitations')).set(auth(team.users.owner))).body.items).toEqual([]);

    const res = await accept(invitee, tokenOf(created.body.inviteUrl));
    expect(res.status).toBe(404);
    expect(await roleOf(invitee.id)).toBeUndefined();
  });

  it('pages pending invitations oldest first with ?limit= and ?cursor=, each once; bad paging is a 400', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push(
        (await invite(team.users.admin, `paged-${i}-${randomBytes(4).toString('hex')}@example.com`)).body
          .invitation.id,
      );
    // Two at the same instant (ties go by id), one a microsecond later.
    await api.deps.pool.query(
      `update invitations set created_at = case when id = $4 then '2026-01-01T00:00:00.000201Z'::timestamptz
                                                 else '2026-01-01T00:00:00.000200Z'::timestamptz end
        where id in ($1, $2, $4) and workspace_id = $3`,
      [made[3], made[4], team.workspaceId, made[0]],
    );
    const { rows } = await api.deps.pool.query<{ id: string }>(
      `select id from invitations where workspace_id = $1 and accepted_at is null and revoked_at is null
        order by created_at, id`,
      [team.workspaceId],
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...made].sort());
    const all = await api.http().get(ws('/invitations')).set(auth(team.users.owner));
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual(rows.map((r) => r.id));
    expect(all.body.nextCursor).toBeNull();
    for (const limit of [1, 2]) {
      const pages = await pageThrough<{ id: string }>(api, team.users.owner, ws('/invitations'), limit);
      expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(rows.map((r) => r.id));
      expect(pages).toHaveLength(Math.ceil(5 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    const members = await api.http().get(ws('/members?limit=1')).set(auth(team.users.owner));
    await expectPagingRefused(api, team.users.owner, ws('/invitations'), members.body.nextCursor);
  });
});

describe('accepting an invitation', () => {
  it('joins with the invited role, once; a second accept is a 409', async () => {
    const invitee = await registerUser(api, 'invitee');
    const token = tokenOf((await invite(team.users.owner, invitee.email, 'viewer')).body.inviteUrl);
    const first = await accept(invitee, token);
    expect(first.status).toBe(200);
    expect(first.body.workspace).toMatchObject({ id: team.workspaceId, role: 'viewer' });
    expect(await roleOf(invitee.id)).toBe('viewer');
    const got = await api.http().get(ws()).set(auth(invitee));
    expect(got.body.role).toBe('viewer');

    const second = await accept(invitee, token);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONFLICT');
    const listed = await api.http().get(ws('/invitations')).set(auth(team.users.owner));
    expect(listed.body.items).toEqual([]);
  });

  it('refuses a user whose email is not the invited one with 403, leaving the invitation usable', async () => {
    const invitee = await registerUser(api, 'invitee');
    const token = tokenOf((await invite(team.users.owner, invitee.email)).body.inviteUrl);
    const res = await accept(team.users.stranger, token);
    expect(res.status).toBe(403);
    expect(await roleOf(team.users.stranger.id)).toBeUndefined();
    expect((await accept(invitee, token)).status).toBe(200);
  });

  it('answers 404 for an unknown token and for an expired invitation', async () => {
    const res = await accept(team.users.stranger, randomBytes(32).toString('base64url'));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');

    const invitee = await registerUser(api, 'invitee');
    const created = await invite(team.users.owner, invitee.email);
    await api.deps.pool.query(
      "update invitations set expires_at = now() - interval '1 minute' where id = $1",
      [created.body.invitation.id],
    );
    expect((await accept(invitee, tokenOf(created.body.inviteUrl))).status).toBe(404);
    expect(await roleOf(invitee.id)).toBeUndefined();
  });

  it('answers 409 to someone who is already a member, without changing their role', async () => {
    const token = tokenOf((await invite(team.users.owner, team.users.viewer.email, 'admin')).body.inviteUrl);
    const res = await accept(team.users.viewer, token);
    expect(res.status).toBe(409);
    expect(await roleOf(team.users.viewer.id)).toBe('viewer');
  });
});

describe('role changes', () => {
  it('lets an admin change member and viewer roles', async () => {
    const res = await setRole(team.users.admin, team.users.member, 'viewer');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: team.users.member.id }, role: 'viewer' });
    expect((await setRole(team.users.admin, team.users.viewer, 'member')).status).toBe(200);
    expect(await roleOf(team.users.member.id)).toBe('viewer');
    expect(await roleOf(team.users.viewer.id)).toBe('member');
  });

  it('refuses members and viewers with 403 and strangers with 404', async () => {
    expect((await setRole(team.users.member, team.users.viewer, 'admin')).status).toBe(403);
    expect((await setRole(team.users.viewer, team.users.viewer, 'admin')).status).toBe(403);
    expect((await setRole(team.users.stranger, team.users.viewer, 'admin')).status).toBe(404);
    expect(await roleOf(team.users.viewer.id)).toBe('viewer');
  });

  it('lets only an owner change an owner or appoint one: an admin gets 403', async () => {
    expect((await setRole(team.users.admin, team.users.owner, 'member')).status).toBe(403);
    expect((await setRole(team.users.admin, team.users.member, 'owner')).status).toBe(403);
    expect((await setRole(team.users.admin, team.users.admin, 'owner')).status).toBe(403);
    expect(await roleOf(team.users.owner.id)).toBe('owner');
    expect(await roleOf(team.users.member.id)).toBe('member');

    expect((await setRole(team.users.owner, team.users.member, 'owner')).status).toBe(200);
    expect((await setRole(team.users.owner, team.users.member, 'admin')).status).toBe(200);
    expect(await roleOf(team.users.member.id)).toBe('admin');
  });

  it('takes a member id in upper case as the same member: 200, the answer in lower case, their access renewed at once', async () => {
    const member = auth(team.users.member);
    // Served once, so this instance holds the member's role in its access cache.
    expect(
      (await api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(member).send({ title: 'Before' }))
        .status,
    ).toBe(201);
    const res = await api
      .http()
      .patch(ws(`/members/${team.users.member.id.toUpperCase()}`))
      .set(auth(team.users.owner))
      .send({ role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: team.users.member.id }, role: 'viewer' });
    expect(await roleOf(team.users.member.id)).toBe('viewer');
    expect(
      (await api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(member).send({ title: 'After' }))
        .status,
    ).toBe(403);
  });

  it('answers 404 for a user who is not a member', async () => {
    expect((await setRole(team.users.owner, team.users.stranger, 'member')).status).toBe(404);
    expect(await roleOf(team.users.stranger.id)).toBeUndefined();
  });

  it('keeps the last owner: demoting or removing them is a 409', async () => {
    const demote = await setRole(team.users.owner, team.users.owner, 'admin');
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('CONFLICT');
    expect((await remove(team.users.owner, team.users.owner)).status).toBe(409);
    expect(await roleOf(team.users.owner.id)).toBe('owner');
  });

  it('lets an owner step down once another owner exists', async () => {
    expect((await setRole(team.users.owner, team.users.admin, 'owner')).status).toBe(200);
    expect((await setRole(team.users.owner, team.users.owner, 'admin')).status).toBe(200);
    expect(await roleOf(team.users.owner.id)).toBe('admin');
  });

  async function ownerIds(): Promise<string[]> {
    const res = await api.deps.pool.query<{ user_id: string }>(
      "select user_id from workspace_members where workspace_id = $1 and role = 'owner'",
      [team.workspaceId],
    );
    return res.rows.map((r) => r.user_id);
  }

  /** Back to the fixture's state for the next round: the original owner is the only owner. */
  async function restoreSoleOwner(second: TestUser): Promise<void> {
    if ((await roleOf(team.users.owner.id)) !== 'owner')
      expect((await setRole(second, team.users.owner, 'owner')).status).toBe(200);
    if ((await roleOf(second.id)) === 'owner')
      expect((await setRole(team.users.owner, second, 'member')).status).toBe(200);
    expect(await ownerIds()).toEqual([team.users.owner.id]);
  }

  it('never leaves zero owners when two owners step down at the same time', async () => {
    for (let round = 0; round < 3; round++) {
      const second = await joinAs('member');
      expect((await setRole(team.users.owner, second, 'owner')).status).toBe(200);
      const [mine, theirs] = await Promise.all([
        setRole(team.users.owner, team.users.owner, 'admin'),
        setRole(second, second, 'admin'),
      ]);
      // Both passed the guard as owners, so the owner-count lock alone decides: one wins, one is refused.
      expect([mine.status, theirs.status].sort()).toEqual([200, 409]);
      const owners = await ownerIds();
      expect(owners).toHaveLength(1);
      await restoreSoleOwner(second);
    }
  });

  it('never leaves zero owners when two owners demote each other at the same time', async () => {
    for (let round = 0; round < 3; round++) {
      const second = await joinAs('member');
      expect((await setRole(team.users.owner, second, 'owner')).status).toBe(200);
      const results = await Promise.all([
        setRole(team.users.owner, second, 'member'),
        setRole(second, team.users.owner, 'member'),
      ]);
      // The loser is refused either by the lock (409) or, if the winner committed first, by the guard (now a member: 403).
      const [won, lost] = [results.filter((r) => r.status === 200), results.filter((r) => r.status !== 200)];
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect([403, 409]).toContain(lost[0]!.status);
      const owners = await ownerIds();
      expect(owners).toHaveLength(1);
      await restoreSoleOwner(second);
    }
  });
});

describe('removing and leaving', () => {
  it('lets a member leave (204) and then hides the workspace from them', async () => {
    expect((await remove(team.users.member, team.users.member)).status).toBe(204);
    expect(await roleOf(team.users.member.id)).toBeUndefined();
    expect((await api.http().get(ws()).set(auth(team.users.member))).status).toBe(404);
    const list = await api.http().get(`${V1}/workspaces`).set(auth(team.users.member));
    expect(list.body.items).toEqual([]);
  });

  it('refuses a member or viewer removing someone else with 403', async () => {
    expect((await remove(team.users.member, team.users.viewer)).status).toBe(403);
    expect((await remove(team.users.viewer, team.users.member)).status).toBe(403);
    expect(await roleOf(team.users.viewer.id)).toBe('viewer');
    expect(await roleOf(team.users.member.id)).toBe('member');
  });

  it('refuses an admin removing an owner with 403', async () => {
    expect((await remove(team.users.admin, team.users.owner)).status).toBe(403);
    expect(await roleOf(team.users.owner.id)).toBe('owner');
  });

  it('makes the workspace and its resources 404 for a removed member at once', async () => {
    const member = auth(team.users.member);
    expect((await api.http().get(`${V1}/tasks/${team.taskId}`).set(member)).status).toBe(200);
    expect((await remove(team.users.admin, team.users.member)).status).toBe(204);
    const after = await Promise.all([
      api.http().get(ws()).set(member),
      api.http().get(ws('/members')).set(member),
      api.http().get(`${V1}/projects/${team.projectId}`).set(member),
      api.http().get(`${V1}/tasks/${team.taskId}`).set(member),
      api.http().patch(`${V1}/tasks/${team.taskId}`).set(member).send({ title: 'Still here?', version: 1 }),
    ]);
    expect(after.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
  });

  it("takes a member id in upper case as the same member: leaving by one's own, or being removed, is 404 at once", async () => {
    const leaving = await api
      .http()
      .delete(ws(`/members/${team.users.viewer.id.toUpperCase()}`))
      .set(auth(team.users.viewer));
    expect(leaving.status).toBe(204);
    expect(await roleOf(team.users.viewer.id)).toBeUndefined();

    const member = auth(team.users.member);
    expect((await api.http().get(ws()).set(member)).status).toBe(200);
    expect(
      (await remove(team.users.admin, { ...team.users.member, id: team.users.member.id.toUpperCase() }))
        .status,
    ).toBe(204);
    expect((await api.http().get(ws()).set(member)).status).toBe(404);
  });

  it('records one activity and one outbox event for a removal', async () => {
    const count = async () =>
      (
        await api.deps.pool.query<{ a: number; o: number }>(
          `select (select count(*)::int from activities where workspace_id = $1 and entity_id = $2) as a,
                  (select count(*)::int from outbox where workspace_id = $1 and entity_id = $2 and type = 'MEMBER_REMOVED') as o`,
          [team.workspaceId, team.users.viewer.id],
        )
      ).rows[0]!;
    const before = await count();
    expect((await remove(team.users.owner, team.users.viewer)).status).toBe(204);
    expect(await count()).toEqual({ a: before.a + 1, o: before.o + 1 });
  });
});
