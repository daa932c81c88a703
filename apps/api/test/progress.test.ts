import { createOutboxRelay, type OutboxRelay } from '@teamflow/core/events/outbox-relay';
import { consumeXpEvents } from '@teamflow/core/progress/consume-xp-events';
import { rebuildUserStats } from '@teamflow/core/progress/rebuild-user-stats';
import { xpJob } from '@teamflow/queue/jobs';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
import { isolatedStore } from './realtime-harness';

/**
 * Progress end to end inside the api process: real requests change work, the real outbox relay
 * publishes the events and stages `progress/xp` for the workspace, and the test runs what the
 * worker's handler runs (`consumeXpEvents`). Each test gets a workspace of its own, so the daily
 * cap and the leaderboard start from nothing.
 */

let api: TestApi;
let relay: OutboxRelay;
let store: Awaited<ReturnType<typeof isolatedStore>>;

beforeAll(async () => {
  store = await isolatedStore('progress');
  api = await startApi(store.env);
  relay = createOutboxRelay(api.deps);
});
afterAll(async () => {
  await api?.close();
  await store?.drop();
});

const http = () => api.http();

/** Publishes everything committed, checks the relay staged the xp job, and runs it as the worker would. */
async function runXp(team: TeamFixture): Promise<void> {
  while ((await relay.runOnce()) > 0);
  const { rows } = await api.deps.pool.query<{ id: string; payload: unknown }>(
    `select id, payload from job_outbox where queue = 'progress' and name = 'xp' and enqueued_at is null
       and payload->>'workspaceId' = $1`,
    [team.workspaceId],
  );
  for (const row of rows) {
    await consumeXpEvents(api.deps, xpJob.payload.parse(row.payload).workspaceId);
    await api.deps.pool.query(`update job_outbox set enqueued_at = now() where id = $1`, [row.id]);
  }
}

async function createTask(team: TeamFixture, by: TestUser, body: Record<string, unknown>) {
  const res = await http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(by))
    .send({ title: 'Work item', ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; key: string };
}

async function patchTask(by: TestUser, taskId: string, body: Record<string, unknown>) {
  const current = await http().get(`${V1}/tasks/${taskId}`).set(auth(by));
  const res = await http()
    .patch(`${V1}/tasks/${taskId}`)
    .set(auth(by))
    .send({ ...body, version: current.body.version });
  expect(res.status).toBe(200);
  return res.body;
}

const move = (by: TestUser, taskId: string, status: string) => patchTask(by, taskId, { status });

interface ProgressBody {
  enabled: boolean;
  xp: number;
  level: number;
  levelProgress: { into: number; needed: number };
  streak: { current: number; longest: number; freezes: number; lastActiveDate: string | null };
  achievements: { id: string }[];
  recent: { xp: number; reason: string; kind: string; label: string; sourceId: string }[];
}

async function progressOf(team: TeamFixture, user: TestUser): Promise<ProgressBody> {
  const res = await http().get(`${V1}/workspaces/${team.workspaceId}/progress/me`).set(auth(user));
  expect(res.status).toBe(200);
  return res.body as ProgressBody;
}

/** Owner creates, assigns to the member: the member is paid (nobody farms their own task). */
async function assignedTask(team: TeamFixture, points?: number) {
  return createTask(team, team.users.owner, {
    assigneeIds: [team.users.member.id],
    ...(points ? { storyPoints: points } : {}),
  });
}

describe('XP for finished work', () => {
  it("a task's completion pays its assignee 10 + 5 × points, frozen when it was started", async () => {
    const team = await createTeam(api);
    const task = await assignedTask(team, 3);
    await move(team.users.member, task.id, 'in_progress');
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    const mine = await progressOf(team, team.users.member);
    expect(mine.xp).toBe(25);
    expect(mine.recent[0]).toMatchObject({ kind: 'task_done', xp: 25, reason: 'earned', sourceId: task.id });
    expect(mine.recent[0]!.label).toContain(task.key);
    expect((await progressOf(team, team.users.owner)).xp).toBe(0);
  });

  it('completing a task again after reopening pays nothing', async () => {
    const team = await createTeam(api);
    const task = await assignedTask(team);
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    await move(team.users.member, task.id, 'todo');
    await runXp(team);
    expect((await progressOf(team, team.users.member)).xp).toBe(10);
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    const after = await progressOf(team, team.users.member);
    expect(after.xp).toBe(10);
    expect(after.recent.filter((e) => e.sourceId === task.id)).toHaveLength(1);
  });

  it('reassigning a reopened task and completing it again pays nobody new (once ever per task)', async () => {
    const team = await createTeam(api);
    const task = await assignedTask(team);
    await move(team.users.member, task.id, 'done');
    await patchTask(team.users.owner, task.id, { status: 'todo', assigneeIds: [team.users.admin.id] });
    await move(team.users.admin, task.id, 'done');
    await runXp(team);
    expect((await progressOf(team, team.users.member)).xp).toBe(10);
    expect((await progressOf(team, team.users.admin)).xp).toBe(0);
  });

  it('raising story points after planning does not change XP', async () => {
    const team = await createTeam(api);
    const task = await assignedTask(team, 2);
    await move(team.users.member, task.id, 'in_progress');
    await runXp(team);
    await patchTask(team.users.member, task.id, { storyPoints: 13 });
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    expect((await progressOf(team, team.users.member)).xp).toBe(20);
  });

  it('raising story points in the same burst as planning and closing still pays the points at planning', async () => {
    // All three events reach the consumer in one job: it reads them in order, so the freeze holds.
    const team = await createTeam(api);
    const task = await assignedTask(team, 1);
    await move(team.users.member, task.id, 'in_progress');
    await patchTask(team.users.member, task.id, { storyPoints: 21 });
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    expect((await progressOf(team, team.users.member)).xp).toBe(15);
  });

  it('a task created and closed within 10 minutes by its creator pays 0', async () => {
    const team = await createTeam(api);
    const task = await createTask(team, team.users.member, { storyPoints: 8 });
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    const mine = await progressOf(team, team.users.member);
    expect(mine.xp).toBe(0);
    expect(mine.recent[0]).toMatchObject({ xp: 0, reason: 'self_farm', sourceId: task.id });
    // Waiting out the 10 minutes and closing again pays nothing either: the task has had its one payment.
    await move(team.users.member, task.id, 'todo');
    await api.deps.pool.query(`update tasks set created_at = now() - interval '11 minutes' where id = $1`, [
      task.id,
    ]);
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    expect((await progressOf(team, team.users.member)).xp).toBe(0);
  });

  it('a task its creator closes more than 10 minutes after creating it pays', async () => {
    const team = await createTeam(api);
    const task = await createTask(team, team.users.member, {});
    await api.deps.pool.query(`update tasks set created_at = now() - interval '11 minutes' where id = $1`, [
      task.id,
    ]);
    await move(team.users.member, task.id, 'done');
    await runXp(team);
    expect((await progressOf(team, team.users.member)).recent[0]).toMatchObject({ xp: 10, reason: 'earned' });
  });

  it('only assignees are paid when a task has assignees; the completer when it has none', async () => {
    const team = await createTeam(api);
    const assigned = await createTask(team, team.users.owner, {
      assigneeIds: [team.users.member.id, team.users.admin.id],
    });
    const unassigned = await createTask(team, team.users.owner, {});
    await move(team.users.member, assigned.id, 'done');
    await move(team.users.member, unassigned.id, 'done');
    await runXp(team);
    expect((await progressOf(team, team.users.owner)).xp).toBe(0);
    expect((await progressOf(team, team.users.admin)).xp).toBe(10);
    expect((await progressOf(team, team.users.member)).xp).toBe(20);
  });

  it('XP past 200 in a local day is recorded with reason daily_cap', async () => {
    const team = await createTeam(api);
    for (let i = 0; i < 3; i++) {
      const task = await assignedTask(team, 21);
      await move(team.users.member, task.id, 'done');
    }
    await runXp(team);
    const mine = await progressOf(team, team.users.member);
    expect(mine.xp).toBe(200);
    const reasons = mine.recent.map((e) => [e.xp, e.reason]).sort();
    expect(reasons).toEqual(
      [
        [0, 'daily_cap'],
        [115, 'earned'],
        [85, 'daily_cap'],
      ].sort(),
    );
  });

  it('the same done event delivered twice at once by two workers pays once', async () => {
    const team = await createTeam(api);
    const task = await assignedTask(team, 5);
    await move(team.users.member, task.id, 'done');
    while ((await relay.runOnce()) > 0);
    const results = await Promise.all([
      consumeXpEvents(api.deps, team.workspaceId),
      consumeXpEvents(api.deps, team.workspaceId),
    ]);
    expect(results.map((r) => r.awards).sort()).toEqual([0, 1]);
    // A replay of the whole stream (a cursor lost, a rebuild of the consumer) pays nothing either.
    await api.deps.pool.query(`update event_consumer_cursors set last_seq = 0 where workspace_id = $1`, [
      team.workspaceId,
    ]);
    expect((await consumeXpEvents(api.deps, team.workspaceId)).awards).toBe(0);
    expect((await progressOf(team, team.users.member)).xp).toBe(35);
  });

  it('levels up and unlocks achievements once, each announced as a personal event', async () => {
    const team = await createTeam(api);
    for (const points of [13, 8]) {
      const task = await assignedTask(team, points);
      await move(team.users.member, task.id, 'done');
    }
    await runXp(team);
    const mine = await progressOf(team, team.users.member);
    expect(mine).toMatchObject({ xp: 125, level: 2, levelProgress: { into: 25, needed: 200 } });
    expect(mine.achievements.map((a) => a.id).sort()).toEqual(['first-task', 'helping-hand']);
    expect(mine.streak.current).toBeGreaterThanOrEqual(0);
    const { rows } = await api.deps.pool.query<{ type: string; seq: string | null }>(
      `select type, seq from outbox where payload->'data'->>'userId' = $1 and type in ('XP_AWARDED', 'LEVEL_UP', 'ACHIEVEMENT_UNLOCKED')
       order by id`,
      [team.users.member.id],
    );
    expect(rows.filter((r) => r.type === 'XP_AWARDED')).toHaveLength(2);
    expect(rows.filter((r) => r.type === 'LEVEL_UP')).toHaveLength(1);
    expect(rows.filter((r) => r.type === 'ACHIEVEMENT_UNLOCKED')).toHaveLength(2);
  });

  it('a task planned by a started sprint keeps its XP; a sprint completed at its commitment pays a bonus', async () => {
    const team = await createTeam(api);
    const sprint = await http()
      .post(`${V1}/projects/${team.projectId}/sprints`)
      .set(auth(team.users.owner))
      .send({ name: 'S1', goal: 'Ship it' });
    expect(sprint.status).toBe(201);
    const task = await createTask(team, team.users.owner, {
      assigneeIds: [team.users.member.id],
      storyPoints: 3,
      sprintId: sprint.body.id,
    });
    const started = await http()
      .patch(`${V1}/sprints/${sprint.body.id}`)
      .set(auth(team.users.owner))
      .send({ state: 'active', version: sprint.body.version });
    expect(started.status).toBe(200);
    await runXp(team);
    await patchTask(team.users.member, task.id, { storyPoints: 21 });
    const quest = await http()
      .get(`${V1}/workspaces/${team.workspaceId}/progress/quest`)
      .set(auth(team.users.viewer));
    expect(quest.status).toBe(200);
    expect(quest.body).toMatchObject({
      sprintId: sprint.body.id,
      goal: 'Ship it',
      donePoints: 0,
      percent: 0,
    });
    await move(team.users.member, task.id, 'done');
    const done = await http()
      .get(`${V1}/workspaces/${team.workspaceId}/progress/quest`)
      .set(auth(team.users.viewer));
    expect(done.body.contributors).toEqual([
      { id: team.users.member.id, name: team.users.member.name, donePoints: 21 },
    ]);
    const completed = await http()
      .patch(`${V1}/sprints/${sprint.body.id}`)
      .set(auth(team.users.owner))
      .send({ state: 'completed', version: started.body.version });
    expect(completed.status).toBe(200);
    await runXp(team);
    const mine = await progressOf(team, team.users.member);
    expect(mine.recent.map((e) => [e.kind, e.xp]).sort()).toEqual([
      ['sprint_bonus', 25],
      ['task_done', 25],
    ]);
    expect(mine.achievements.map((a) => a.id)).toContain('sprint-finisher');
  });
});

describe('XP from async updates', () => {
  const postUpdate = (team: TeamFixture, by: TestUser, date: string) =>
    http()
      .post(`${V1}/workspaces/${team.workspaceId}/status-updates`)
      .set(auth(by))
      .send({ date, done: 'Shipped the thing', doing: 'The next thing' });

  it('a status update pays 5 once per person per date; deleting and reposting pays nothing', async () => {
    const team = await createTeam(api);
    const member = team.users.member;
    const first = await postUpdate(team, member, '2031-03-02');
    expect(first.status).toBe(201);
    await runXp(team);
    expect((await progressOf(team, member)).xp).toBe(5);

    const deleted = await http().delete(`${V1}/status-updates/${first.body.id}`).set(auth(member));
    expect(deleted.status).toBe(204);
    expect((await postUpdate(team, member, '2031-03-02')).status).toBe(201);
    await runXp(team);
    expect((await progressOf(team, member)).xp).toBe(5);

    // Another date pays again, and a teammate's update for the same date is theirs to earn.
    expect((await postUpdate(team, member, '2031-03-03')).status).toBe(201);
    expect((await postUpdate(team, team.users.admin, '2031-03-02')).status).toBe(201);
    await runXp(team);
    expect((await progressOf(team, member)).xp).toBe(10);
    expect((await progressOf(team, team.users.admin)).xp).toBe(5);
  });

  it('an accepted decision pays its author 15 once, however often it changes after', async () => {
    const team = await createTeam(api);
    const created = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/decisions`)
      .set(auth(team.users.member))
      .send({ title: 'Use PostgreSQL for search', context: 'We need search', decision: 'tsvector' });
    expect(created.status).toBe(201);
    await runXp(team);
    expect((await progressOf(team, team.users.member)).xp).toBe(0);

    const patch = (body: Record<string, unknown>) =>
      http().patch(`${V1}/decisions/${created.body.id}`).set(auth(team.users.admin)).send(body);
    expect((await patch({ version: 1, status: 'accepted' })).status).toBe(200);
    expect((await patch({ version: 2, status: 'deprecated' })).status).toBe(200);
    await runXp(team);
    const member = await progressOf(team, team.users.member);
    expect(member.xp).toBe(15);
    expect(member.recent[0]).toMatchObject({ kind: 'decision_accepted', sourceId: created.body.id });
    expect((await progressOf(team, team.users.admin)).xp).toBe(0);
  });

  it('a resolved incident pays its commander 30, not whoever declared or resolved it', async () => {
    const team = await createTeam(api);
    const declared = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/incidents`)
      .set(auth(team.users.member))
      .send({ title: 'Checkout returns 500', severity: 'sev2', commanderId: team.users.owner.id });
    expect(declared.status).toBe(201);
    const resolved = await http()
      .patch(`${V1}/incidents/${declared.body.id}`)
      .set(auth(team.users.admin))
      .send({ version: declared.body.version, status: 'resolved' });
    expect(resolved.status).toBe(200);
    await runXp(team);
    expect((await progressOf(team, team.users.owner)).xp).toBe(30);
    expect((await progressOf(team, team.users.member)).xp).toBe(0);
    expect((await progressOf(team, team.users.admin)).xp).toBe(0);
  });
});

describe('streaks follow the check-in calendar', () => {
  // XP on Monday 2031-03-03 and Wednesday 03-05; the Tuesday between is the question.
  async function streakAfterMondayAndWednesday(team: TeamFixture, user: TestUser): Promise<number> {
    for (const day of ['2031-03-03', '2031-03-05'])
      await api.deps.pool.query(
        `insert into xp_events (workspace_id, user_id, kind, source_type, source_id, xp, reason, label, local_date, earned_at)
         values ($1, $2, 'task_done', 'task', gen_random_uuid(), 10, 'earned', 'Work', $3, $3::date + interval '12 hours')`,
        [team.workspaceId, user.id, day],
      );
    await rebuildUserStats(api.deps, {
      workspaceId: team.workspaceId,
      now: new Date('2031-03-06T12:00:00Z'),
    });
    const { rows } = await api.deps.pool.query<{ streak_current: number }>(
      'select streak_current from user_stats where workspace_id = $1 and user_id = $2',
      [team.workspaceId, user.id],
    );
    return rows[0]!.streak_current;
  }

  it('a missed Tuesday breaks the streak, an away Tuesday does not', async () => {
    const team = await createTeam(api);
    expect(await streakAfterMondayAndWednesday(team, team.users.admin)).toBe(1);
    const away = await http()
      .put(`${V1}/me/away`)
      .set(auth(team.users.member))
      .send({ ranges: [{ from: '2031-03-04', to: '2031-03-04', note: 'Dentist' }] });
    expect(away.status).toBe(200);
    expect(await streakAfterMondayAndWednesday(team, team.users.member)).toBe(2);
  });

  it("a Tuesday that is not one of the workspace's check-in days is a day off", async () => {
    const team = await createTeam(api);
    const settings = await http()
      .patch(`${V1}/workspaces/${team.workspaceId}/check-ins/settings`)
      .set(auth(team.users.owner))
      .send({ days: [1, 3, 5] });
    expect(settings.status).toBe(200);
    expect(await streakAfterMondayAndWednesday(team, team.users.member)).toBe(2);
  });
});

describe('leaderboard and settings', () => {
  it('ranks members by XP in the period and leaves out whoever opts out', async () => {
    const team = await createTeam(api);
    await move(team.users.member, (await assignedTask(team, 5)).id, 'done');
    const adminTask = await createTask(team, team.users.owner, { assigneeIds: [team.users.admin.id] });
    await move(team.users.admin, adminTask.id, 'done');
    await runXp(team);
    const board = async (period = 'week') => {
      const res = await http()
        .get(`${V1}/workspaces/${team.workspaceId}/progress/leaderboard`)
        .query({ period })
        .set(auth(team.users.viewer));
      expect(res.status).toBe(200);
      return res.body as { items: { rank: number; user: { id: string }; xp: number }[] };
    };
    expect((await board()).items.map((i) => [i.rank, i.user.id, i.xp])).toEqual([
      [1, team.users.member.id, 35],
      [2, team.users.admin.id, 10],
    ]);
    expect((await board('all')).items).toHaveLength(2);

    const optOut = await http()
      .patch(`${V1}/workspaces/${team.workspaceId}/progress/settings`)
      .set(auth(team.users.member))
      .send({ showOnLeaderboard: false });
    expect(optOut.status).toBe(200);
    expect(optOut.body).toEqual({ enabled: true, showOnLeaderboard: false });
    expect((await board('month')).items.map((i) => i.user.id)).toEqual([team.users.admin.id]);
  });

  it('an owner switches gamification off (XP hidden, still recorded) and on again; others may not', async () => {
    const team = await createTeam(api);
    const settings = (user: TestUser, body: unknown) =>
      http()
        .patch(`${V1}/workspaces/${team.workspaceId}/progress/settings`)
        .set(auth(user))
        .send(body as object);
    expect((await settings(team.users.admin, { enabled: false })).status).toBe(403);
    expect((await settings(team.users.owner, { enabled: false })).body).toEqual({
      enabled: false,
      showOnLeaderboard: true,
    });
    await move(team.users.member, (await assignedTask(team)).id, 'done');
    await runXp(team);
    expect(await progressOf(team, team.users.member)).toMatchObject({ enabled: false, xp: 0, recent: [] });
    const board = await http()
      .get(`${V1}/workspaces/${team.workspaceId}/progress/leaderboard`)
      .set(auth(team.users.member));
    expect(board.body).toMatchObject({ enabled: false, items: [] });
    const { rows } = await api.deps.pool.query(
      `select 1 from outbox where type = 'XP_AWARDED' and payload->'data'->>'userId' = $1`,
      [team.users.member.id],
    );
    expect(rows).toHaveLength(0);

    expect((await settings(team.users.owner, { enabled: true })).status).toBe(200);
    expect((await progressOf(team, team.users.member)).xp).toBe(10);
  });

  it("shows a teammate's progress, but not a stranger's (404)", async () => {
    const team = await createTeam(api);
    const mate = await http()
      .get(`${V1}/workspaces/${team.workspaceId}/progress/users/${team.users.member.id}`)
      .set(auth(team.users.viewer));
    expect(mate.status).toBe(200);
    expect(mate.body.userId).toBe(team.users.member.id);
    const stranger = await http()
      .get(`${V1}/workspaces/${team.workspaceId}/progress/users/${team.users.stranger.id}`)
      .set(auth(team.users.viewer));
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses an unknown period and unknown settings with VALIDATION_ERROR', async () => {
    const team = await createTeam(api);
    const period = await http()
      .get(`${V1}/workspaces/${team.workspaceId}/progress/leaderboard`)
      .query({ period: 'year' })
      .set(auth(team.users.member));
    expect(period.status).toBe(400);
    expect(period.body.error.code).toBe('VALIDATION_ERROR');
    const extra = await http()
      .patch(`${V1}/workspaces/${team.workspaceId}/progress/settings`)
      .set(auth(team.users.member))
      .send({ xp: 1_000_000 });
    expect(extra.status).toBe(400);
  });
});
