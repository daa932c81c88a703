import { sql } from 'drizzle-orm';
import { escalateBlockers } from '@teamflow/core/blockers/escalate-blockers';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
import { expectEachOnceInOrder, expectPagingRefused, firstCursor, tieCreatedAt } from './list-paging';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

const raise = (user: TestUser, body: Record<string, unknown> = {}) =>
  api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/blockers`)
    .set(auth(user))
    .send({ title: 'Waiting on the API key', ...body });
const act = (
  user: TestUser,
  id: string,
  action: 'acknowledge' | 'resolve',
  body: Record<string, unknown> = {},
) => api.http().post(`${V1}/blockers/${id}/${action}`).set(auth(user)).send(body);

describe('the blocker register', () => {
  it('opens a blocker at level 0, linked to a task of the workspace', async () => {
    const res = await raise(team.users.member, { taskId: team.taskId, severity: 'high' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      severity: 'high',
      escalationLevel: 0,
      task: { id: team.taskId, key: 'CORE-1' },
      reportedBy: { id: team.users.member.id },
    });
    const bad = await raise(team.users.member, { taskId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('taskId');
  });

  it('refuses the reporter acknowledging their own blocker (403)', async () => {
    const b = (await raise(team.users.member)).body;
    const res = await act(team.users.member, b.id, 'acknowledge');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('acknowledges once (a second → 409), then resolves once (again → 409; acknowledging it → 409)', async () => {
    const b = (await raise(team.users.member)).body;
    const ack = await act(team.users.admin, b.id, 'acknowledge', { note: 'Asking ops' });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: team.users.admin.id } });
    expect((await act(team.users.owner, b.id, 'acknowledge')).status).toBe(409);
    const resolved = await act(team.users.member, b.id, 'resolve', { resolution: 'Key arrived' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'Key arrived' });
    const again = await act(team.users.member, b.id, 'resolve', { resolution: 'twice' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.current.status).toBe('resolved');
    expect((await act(team.users.owner, b.id, 'acknowledge')).status).toBe(409);
  });

  it('resolves an open blocker directly, and asks for a resolution (400)', async () => {
    const b = (await raise(team.users.member)).body;
    expect((await act(team.users.owner, b.id, 'resolve', {})).status).toBe(400);
    expect((await act(team.users.owner, b.id, 'resolve', { resolution: 'Done' })).status).toBe(200);
  });

  it('filters the register by status, and reads one blocker', async () => {
    const b = (await raise(team.users.member)).body;
    const open = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/blockers`)
      .set(auth(team.users.viewer))
      .query({ status: 'open' });
    expect(open.body.items.every((x: { status: string }) => x.status === 'open')).toBe(true);
    expect(open.body.items.map((x: { id: string }) => x.id)).toContain(b.id);
    const one = await api.http().get(`${V1}/blockers/${b.id}`).set(auth(team.users.viewer));
    expect(one.body.id).toBe(b.id);
  });

  it("pages the register newest first with ?limit= and ?cursor=, each blocker once; another list's cursor is a 400", async () => {
    for (let i = 0; i < 5; i++) await raise(team.users.member, { title: `Paged blocker ${i}` });
    const path = `${V1}/workspaces/${team.workspaceId}/blockers`;
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from blockers where workspace_id = $1 order by created_at desc, id desc',
      [team.workspaceId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    await expectEachOnceInOrder(
      api,
      team.users.viewer,
      path,
      rows.map((r) => r.id),
      [1, 2, 4],
    );
    // The workspace's activity pages by (createdAt, id) too: a cursor of the same shape that is
    // still not this list's.
    const activity = await firstCursor(
      api,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/activity`,
    );
    await expectPagingRefused(api, team.users.viewer, path, activity);
  });

  it('pages blockers that share a created_at to the microsecond (a status update opens its blockers in one transaction) each once, in order', async () => {
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await raise(team.users.member, { title: `Tied ${i}` })).body.id);
    const tie = await tieCreatedAt(api, 'blockers', made.slice(0, 3), made[3]!);
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from blockers where workspace_id = $1 order by created_at desc, id desc',
      [team.workspaceId],
    );
    const ids = rows.map((r) => r.id);
    // Dated in the past, the four are the register's oldest: the walk ends with them.
    expect(ids.slice(-4)).toEqual(tie);
    await expectEachOnceInOrder(api, team.users.viewer, `${V1}/workspaces/${team.workspaceId}/blockers`, ids);
  });
});

describe('escalation', () => {
  const age = (id: string, hours: number) =>
    api.deps.db.execute(
      sql`update blockers set created_at = now() - make_interval(hours => ${hours}) where id = ${id}`,
    );
  const notificationsFor = async (blockerId: string) =>
    (
      await api.deps.db.execute<{ user_id: string; dedupe_key: string }>(
        sql`select user_id, dedupe_key from notifications where data->>'blockerId' = ${blockerId} order by dedupe_key, user_id`,
      )
    ).rows;

  it('raises an open blocker to level 1 after the hours and to level 2 after twice that, each once, even with two runs at a time', async () => {
    const b = (await raise(team.users.member)).body;
    await age(b.id, 5); // default: 4 hours
    await Promise.all([escalateBlockers(api.deps), escalateBlockers(api.deps)]);
    expect(
      (await api.http().get(`${V1}/blockers/${b.id}`).set(auth(team.users.owner))).body.escalationLevel,
    ).toBe(1);
    const level1 = await notificationsFor(b.id);
    // Owners and admins hear of it, once each.
    expect(level1.map((n) => n.user_id).sort()).toEqual([team.users.owner.id, team.users.admin.id].sort());
    await escalateBlockers(api.deps);
    expect(await notificationsFor(b.id)).toEqual(level1);

    await age(b.id, 9);
    await Promise.all([escalateBlockers(api.deps), escalateBlockers(api.deps)]);
    expect(
      (await api.http().get(`${V1}/blockers/${b.id}`).set(auth(team.users.owner))).body.escalationLevel,
    ).toBe(2);
    expect(await notificationsFor(b.id)).toHaveLength(4);
    const events = await api.deps.db.execute<{ n: number }>(sql`
      select count(*)::int as n from activities where entity_id = ${b.id} and action = 'escalated'`);
    expect(events.rows[0]!.n).toBe(2);
  });

  it('leaves acknowledged blockers alone', async () => {
    const b = (await raise(team.users.member)).body;
    await act(team.users.admin, b.id, 'acknowledge');
    await age(b.id, 20);
    await escalateBlockers(api.deps);
    expect(
      (await api.http().get(`${V1}/blockers/${b.id}`).set(auth(team.users.owner))).body.escalationLevel,
    ).toBe(0);
  });
});
