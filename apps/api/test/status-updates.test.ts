import { sql } from 'drizzle-orm';
import { todayIn } from '@teamflow/core/platform/local-dates';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
import { cursorOf, expectEachOnceInOrder, expectPagingRefused, tieCreatedAt } from './list-paging';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

let day = 0;
/** A date of its own per test (one update per person per date). */
const nextDate = () => new Date(Date.UTC(2031, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);
const post = (user: TestUser, body: Record<string, unknown>) =>
  api.http().post(`${V1}/workspaces/${team.workspaceId}/status-updates`).set(auth(user)).send(body);
const list = (user: TestUser, query: Record<string, string> = {}) =>
  api.http().get(`${V1}/workspaces/${team.workspaceId}/status-updates`).set(auth(user)).query(query);

describe('posting a check-in', () => {
  it("dates an update without a date by the author's own zone", async () => {
    const { admin } = team.users;
    await api
      .http()
      .patch(`${V1}/auth/me`)
      .set(auth(admin))
      .send({ timeZone: 'Pacific/Kiritimati' })
      .expect(200);
    const res = await post(admin, { done: 'Wrote the spec', doing: 'Building it' });
    expect(res.status).toBe(201);
    expect(res.body.date).toBe(todayIn('Pacific/Kiritimati'));
    expect(res.body.user).toEqual({ id: admin.id, name: admin.name });
  });

  it('refuses a second update for the same date with 409 and the first one in details.current', async () => {
    const date = nextDate();
    const first = await post(team.users.member, { date, done: 'First', doing: 'x' });
    expect(first.status).toBe(201);
    const second = await post(team.users.member, { date, done: 'Second', doing: 'y' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONFLICT');
    expect(second.body.error.details.current).toMatchObject({ id: first.body.id, done: 'First' });
  });

  it('keeps exactly one of two concurrent posts for a date', async () => {
    const date = nextDate();
    const results = await Promise.all([
      post(team.users.owner, { date, done: 'A', doing: 'a' }),
      post(team.users.owner, { date, done: 'B', doing: 'b' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await list(team.users.owner, { date, userId: team.users.owner.id });
    expect(rows.body.items).toHaveLength(1);
  });

  it('refuses viewers (403) and an empty update (400 on the field)', async () => {
    expect((await post(team.users.viewer, { done: 'x', doing: 'y' })).status).toBe(403);
    const empty = await post(team.users.member, { date: nextDate(), done: ' ', doing: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].field).toBe('done');
  });

  it('opens a blocker for each non-empty line of blockers, linked to the update', async () => {
    const res = await post(team.users.member, {
      date: nextDate(),
      done: 'x',
      doing: 'y',
      blockers: '- Waiting on the design review\n\n- Staging is down\n',
    });
    expect(res.status).toBe(201);
    const blockers = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/blockers`)
      .set(auth(team.users.owner))
      .query({ status: 'open' });
    const mine = blockers.body.items.filter(
      (b: { statusUpdateId: string }) => b.statusUpdateId === res.body.id,
    );
    expect(mine.map((b: { title: string }) => b.title).sort()).toEqual([
      'Staging is down',
      'Waiting on the design review',
    ]);
    expect(mine[0].reportedBy.id).toBe(team.users.member.id);
  });

  it('links tasks of the workspace and refuses others with 400', async () => {
    const ok = await post(team.users.member, {
      date: nextDate(),
      done: 'x',
      doing: 'y',
      taskIds: [team.taskId],
    });
    expect(ok.body.tasks).toEqual([{ id: team.taskId, key: 'CORE-1', title: 'First task', status: 'todo' }]);
    const bad = await post(team.users.member, {
      date: nextDate(),
      done: 'x',
      doing: 'y',
      taskIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('taskIds');
  });
});

describe('the feed', () => {
  it('pages newest day first with ?limit= and ?cursor=, each update once; a cursor not naming the list is a 400', async () => {
    const [one, two] = [nextDate(), nextDate()];
    for (const user of [team.users.owner, team.users.admin, team.users.member])
      for (const date of [one, two])
        expect((await post(user, { date, done: 'x', doing: 'y' })).status).toBe(201);
    const path = `${V1}/workspaces/${team.workspaceId}/status-updates`;
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from status_updates where workspace_id = $1 order by date desc, created_at desc, id desc',
      [team.workspaceId],
    );
    expect(rows.length).toBeGreaterThan(5);
    await expectEachOnceInOrder(
      api,
      team.users.viewer,
      path,
      rows.map((r) => r.id),
      [1, 2, 4],
    );
    // No other list pages by (date, createdAt, id): the keys of one of its own rows without the
    // list's name stand for another list's cursor of the same shape.
    const [row] = (await list(team.users.viewer, { limit: '1' })).body.items;
    await expectPagingRefused(api, team.users.viewer, path, cursorOf([row.date, row.createdAt, row.id]));
  });

  it('pages updates of one date that share a created_at to the microsecond each once, in order', async () => {
    const date = nextDate();
    const made: string[] = [];
    for (const user of [team.users.owner, team.users.admin, team.users.member])
      made.push((await post(user, { date, done: 'x', doing: 'y' })).body.id);
    const tie = await tieCreatedAt(api, 'status_updates', made.slice(0, 2), made[2]!);
    const path = `${V1}/workspaces/${team.workspaceId}/status-updates?date=${date}`;
    await expectEachOnceInOrder(api, team.users.viewer, path, tie);
  });
});

describe('mood privacy', () => {
  it('shows a mood only to its author: not in the feed for others, not in the realtime event', async () => {
    const date = nextDate();
    const res = await post(team.users.member, { date, done: 'x', doing: 'y', mood: 2 });
    expect(res.body.mood).toBe(2);
    const own = await list(team.users.member, { date });
    expect(own.body.items[0].mood).toBe(2);
    for (const other of [team.users.owner, team.users.admin, team.users.viewer]) {
      const seen = await list(other, { date });
      expect(seen.body.items[0]).not.toHaveProperty('mood');
    }
    const events = await api.deps.db.execute<{ payload: { data: Record<string, unknown> } }>(
      sql`select payload from outbox where entity_id = ${res.body.id}`,
    );
    expect(events.rows.length).toBeGreaterThan(0);
    for (const e of events.rows) expect(e.payload.data).not.toHaveProperty('mood');
  });
});

describe('editing and deleting', () => {
  it('lets only the author edit (even the owner gets 403), with the version, and 409 when stale', async () => {
    const created = await post(team.users.member, { date: nextDate(), done: 'x', doing: 'y' });
    const path = `${V1}/status-updates/${created.body.id}`;
    const byOwner = await api.http().patch(path).set(auth(team.users.owner)).send({ version: 1, doing: 'z' });
    expect(byOwner.status).toBe(403);
    const ok = await api
      .http()
      .patch(path)
      .set(auth(team.users.member))
      .send({ version: 1, doing: 'z', mood: 5 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ doing: 'z', mood: 5, version: 2 });
    const stale = await api.http().patch(path).set(auth(team.users.member)).send({ version: 1, doing: 'w' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ doing: 'z', version: 2 });
  });

  it('lets the author delete (204) and nobody else (403)', async () => {
    const created = await post(team.users.member, { date: nextDate(), done: 'x', doing: 'y' });
    const path = `${V1}/status-updates/${created.body.id}`;
    expect((await api.http().delete(path).set(auth(team.users.admin))).status).toBe(403);
    expect((await api.http().delete(path).set(auth(team.users.member))).status).toBe(204);
    expect((await api.http().delete(path).set(auth(team.users.member))).status).toBe(404);
  });
});

describe('the draft', () => {
  it("is built from the caller's own activity since their last update, carrying open work forward", async () => {
    const user = team.users.member;
    const task = (title: string) =>
      api
        .http()
        .post(`${V1}/projects/${team.projectId}/tasks`)
        .set(auth(user))
        .send({ title, assigneeIds: [user.id] });
    const doing = (await task('Write the importer')).body;
    const finished = (await task('Fix the login bug')).body;
    const blocked = (await task('Deploy to staging')).body;
    const move = (t: { id: string; version: number }, status: string) =>
      api.http().patch(`${V1}/tasks/${t.id}`).set(auth(user)).send({ version: t.version, status });
    // The last update: its doing lines name an unfinished task and a task about to be finished.
    await post(user, {
      date: nextDate(),
      done: 'x',
      doing: `- ${doing.key} importer\n- ${finished.key} login bug\n- Talk to the vendor`,
      blockers: '- Vendor has not answered',
    });
    expect((await move(doing, 'in_progress')).status).toBe(200);
    expect((await move(finished, 'done')).status).toBe(200);
    expect((await move(blocked, 'blocked')).status).toBe(200);

    const res = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/status-updates/draft`)
      .set(auth(user));
    expect(res.status).toBe(200);
    const keys = (ts: { key: string }[]) => ts.map((t) => t.key);
    expect(keys(res.body.done)).toEqual([finished.key]);
    expect(keys(res.body.doing)).toContain(doing.key);
    expect(keys(res.body.blockers)).toEqual([blocked.key]);
    expect(res.body.openBlockers.map((b: { title: string }) => b.title)).toContain('Vendor has not answered');
    expect(res.body.carriedDoing).toEqual([`${doing.key} importer`, 'Talk to the vendor']);
    expect(res.body.text.done).toBe(`- ${finished.key} Fix the login bug`);
    expect(res.body.text.doing).toContain('- Talk to the vendor');
    expect(res.body.since).toEqual(expect.any(String));
    // Nothing was saved, and posting the carried blocker again does not open a second one.
    const again = await post(user, {
      date: nextDate(),
      done: 'x',
      doing: 'y',
      blockers: res.body.text.blockers,
    });
    expect(again.status).toBe(201);
    const open = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/blockers`)
      .set(auth(user))
      .query({ status: 'open' });
    expect(
      open.body.items.filter((b: { title: string }) => b.title === 'Vendor has not answered'),
    ).toHaveLength(1);
  });
});

describe('who checked in', () => {
  it('lists posted, missing and away for a date; an away person is not missing', async () => {
    const date = nextDate();
    await post(team.users.owner, { date, done: 'x', doing: 'y' });
    const away = await api
      .http()
      .put(`${V1}/me/away`)
      .set(auth(team.users.admin))
      .send({ ranges: [{ from: date, to: date, note: 'Holiday' }] });
    expect(away.status).toBe(200);
    expect(away.body.ranges).toEqual([expect.objectContaining({ from: date, to: date, note: 'Holiday' })]);
    const res = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/check-ins/today`)
      .set(auth(team.users.viewer))
      .query({ date });
    expect(res.status).toBe(200);
    const ids = (ps: { id: string }[]) => ps.map((p) => p.id);
    expect(ids(res.body.posted)).toEqual([team.users.owner.id]);
    expect(ids(res.body.away)).toEqual([team.users.admin.id]);
    expect(ids(res.body.missing)).toEqual([team.users.member.id]);
  });

  it('refuses an away range that ends before it starts (400)', async () => {
    const res = await api
      .http()
      .put(`${V1}/me/away`)
      .set(auth(team.users.member))
      .send({ ranges: [{ from: '2031-05-02', to: '2031-05-01' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('ranges.0.to');
  });
});

describe('check-in settings', () => {
  it('gives the defaults, lets owners and admins change them and refuses members (403) and bad times (400)', async () => {
    const path = `${V1}/workspaces/${team.workspaceId}/check-ins/settings`;
    const defaults = await api.http().get(path).set(auth(team.users.viewer));
    expect(defaults.body).toEqual({
      days: [1, 2, 3, 4, 5],
      reminderTime: '09:30',
      digestTime: '17:00',
      blockerEscalationHours: 4,
      digestAi: true,
    });
    const changed = await api
      .http()
      .patch(path)
      .set(auth(team.users.admin))
      .send({ days: [1, 3], digestAi: false });
    expect(changed.body).toMatchObject({ days: [1, 3], digestAi: false, reminderTime: '09:30' });
    expect(
      (
        await api
          .http()
          .patch(path)
          .set(auth(team.users.member))
          .send({ days: [1] })
      ).status,
    ).toBe(403);
    const bad = await api.http().patch(path).set(auth(team.users.owner)).send({ reminderTime: '25:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('reminderTime');
    await api
      .http()
      .patch(path)
      .set(auth(team.users.owner))
      .send({ days: [1, 2, 3, 4, 5], digestAi: true });
  });
});
