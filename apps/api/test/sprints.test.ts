import { and, eq, sql } from 'drizzle-orm';
import { todayIn } from '@teamflow/core/platform/local-dates';
import { analyticsSnapshots, jobOutbox, sprintTasks, tasks } from '@teamflow/db/schema/index';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
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

type Body = Record<string, unknown>;
const owner = () => team.users.owner;
const member = () => team.users.member;

const createSprint = async (body: Body = {}, projectId = team.projectId, by: TestUser = member()) => {
  const res = await api
    .http()
    .post(`${V1}/projects/${projectId}/sprints`)
    .set(auth(by))
    .send({ name: 'Sprint 1', ...body });
  expect(res.status).toBe(201);
  return res.body as Body & { id: string; version: number };
};
const getSprint = (id: string, by: TestUser = member()) =>
  api.http().get(`${V1}/sprints/${id}`).set(auth(by));
const patchSprint = (id: string, body: Body, by: TestUser = member()) =>
  api.http().patch(`${V1}/sprints/${id}`).set(auth(by)).send(body);
const addTasks = (id: string, taskIds: string[], by: TestUser = member()) =>
  api.http().post(`${V1}/sprints/${id}/tasks`).set(auth(by)).send({ taskIds });
const removeTasks = (id: string, taskIds: string[], by: TestUser = member()) =>
  api.http().delete(`${V1}/sprints/${id}/tasks`).set(auth(by)).send({ taskIds });
const createTask = async (body: Body = {}, projectId = team.projectId) => {
  const res = await api
    .http()
    .post(`${V1}/projects/${projectId}/tasks`)
    .set(auth(member()))
    .send({ title: 'Some task', ...body });
  expect(res.status).toBe(201);
  return res.body as Body & { id: string; version: number };
};
const getTask = async (id: string) =>
  (await api.http().get(`${V1}/tasks/${id}`).set(auth(member()))).body as Body & {
    id: string;
    version: number;
    sprintId: string | null;
  };
const setStatus = async (id: string, status: string) => {
  const t = await getTask(id);
  const res = await api
    .http()
    .patch(`${V1}/tasks/${id}`)
    .set(auth(member()))
    .send({ version: t.version, status });
  expect(res.status).toBe(200);
};
/** Sends a state change with the sprint's current version. */
const transition = async (id: string, body: Body) => {
  const current = (await getSprint(id)).body as { version: number };
  return patchSprint(id, { version: current.version, ...body });
};
const start = (id: string) => transition(id, { state: 'active' });
const complete = (id: string, rollover?: Body) =>
  transition(id, { state: 'completed', ...(rollover ? { rollover } : {}) });

const stints = (taskId: string) =>
  api.deps.db.select().from(sprintTasks).where(eq(sprintTasks.taskId, taskId)).orderBy(sprintTasks.addedAt);
const otherProject = async () => {
  const res = await api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/projects`)
    .set(auth(owner()))
    .send({ name: 'Other', key: 'OTHER' });
  return res.body.id as string;
};

describe('sprint state changes', () => {
  it('creates a planned sprint, starts it with default dates, completes it', async () => {
    const sprint = await createSprint({ goal: 'Ship search' });
    expect(sprint).toMatchObject({ state: 'planned', goal: 'Ship search', version: 1, taskCount: 0 });
    const started = await start(sprint.id);
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('active');
    expect(started.body.startedAt).not.toBeNull();
    expect(started.body.startDate).toBe(new Date().toISOString().slice(0, 10));
    expect(started.body.endDate > started.body.startDate).toBe(true);
    const done = await complete(sprint.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'completed', version: 3 });
    expect(done.body.completedAt).not.toBeNull();
  });

  it.each([
    ['planned', 'planned'],
    ['planned', 'completed'],
    ['active', 'active'],
    ['active', 'planned'],
    ['completed', 'planned'],
    ['completed', 'active'],
    ['completed', 'completed'],
  ])('refuses %s → %s with 409 and leaves the sprint as it was', async (from, to) => {
    const sprint = await createSprint();
    if (from !== 'planned') expect((await start(sprint.id)).status).toBe(200);
    if (from === 'completed') expect((await complete(sprint.id)).status).toBe(200);
    const before = (await getSprint(sprint.id)).body as Body;
    const res = await transition(sprint.id, { state: to });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect((await getSprint(sprint.id)).body).toEqual(before);
  });

  it('refuses to start a second active sprint in the project (409), but another project may run one', async () => {
    const first = await createSprint();
    const second = await createSprint({ name: 'Sprint 2' });
    expect((await start(first.id)).status).toBe(200);
    const res = await start(second.id);
    expect(res.status).toBe(409);
    expect((await getSprint(second.id)).body.state).toBe('planned');
    const elsewhere = await createSprint({}, await otherProject(), owner());
    expect((await start(elsewhere.id)).status).toBe(200);
  });

  it('answers a stale version with 409 and the current sprint', async () => {
    const sprint = await createSprint();
    expect((await patchSprint(sprint.id, { version: 1, name: 'Renamed' })).status).toBe(200);
    const res = await patchSprint(sprint.id, { version: 1, name: 'Mine' });
    expect(res.status).toBe(409);
    expect(res.body.error.details.current).toMatchObject({ name: 'Renamed', version: 2 });
  });

  it('validates names, dates and rollover without a completion', async () => {
    const bad = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/sprints`)
      .set(auth(member()))
      .send({ name: '', startDate: '2026-02-10', endDate: '2026-02-01' });
    expect(bad.status).toBe(400);
    const fields = (bad.body.error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'endDate']));
    const sprint = await createSprint({ startDate: '2026-02-10' });
    expect((await patchSprint(sprint.id, { version: 1, endDate: '2026-02-01' })).status).toBe(400);
    expect((await patchSprint(sprint.id, { version: 1, rollover: { to: 'backlog' } })).status).toBe(400);
  });

  it('emits SPRINT_UPDATED through the outbox for each change', async () => {
    const sprint = await createSprint();
    await start(sprint.id);
    const result = await api.deps.db.execute<{ n: string }>(
      sql`select count(*) as n from outbox where type = 'SPRINT_UPDATED' and entity_id = ${sprint.id}`,
    );
    expect(Number(result.rows[0]!.n)).toBe(2);
  });
});

describe('a sprint in a project with its own zone', () => {
  it("starts on the project's today, not the workspace's", async () => {
    // UTC−11 and UTC+14 are 25 hours apart: their dates differ at every instant.
    await api
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}`)
      .set(auth(owner()))
      .send({ timeZone: 'Pacific/Pago_Pago' })
      .expect(200);
    const created = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/projects`)
      .set(auth(owner()))
      .send({ name: 'Line Islands', key: 'KIRI' });
    await api
      .http()
      .patch(`${V1}/projects/${created.body.id}`)
      .set(auth(owner()))
      .send({ version: created.body.version, timeZone: 'Pacific/Kiritimati' })
      .expect(200);
    try {
      const sprint = await createSprint({}, created.body.id);
      const started = await start(sprint.id);
      expect(started.status).toBe(200);
      expect(started.body.startDate).toBe(todayIn('Pacific/Kiritimati'));
    } finally {
      await api
        .http()
        .patch(`${V1}/workspaces/${team.workspaceId}`)
        .set(auth(owner()))
        .send({ timeZone: 'UTC' })
        .expect(200);
    }
  });
});

describe('sprint membership', () => {
  it('adds tasks, moves a task out of another open sprint, and keeps history on removal', async () => {
    const a = await createSprint({ name: 'A' });
    const b = await createSprint({ name: 'B' });
    const task = await createTask({ storyPoints: 5 });
    const added = await addTasks(a.id, [task.id]);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ taskCount: 1, totalPoints: 5 });
    expect((await getTask(task.id)).sprintId).toBe(a.id);

    expect((await addTasks(b.id, [task.id])).status).toBe(200);
    expect((await getTask(task.id)).sprintId).toBe(b.id);
    expect((await getSprint(a.id)).body.taskCount).toBe(0);

    const removed = await removeTasks(b.id, [task.id]);
    expect(removed.body.taskCount).toBe(0);
    expect((await getTask(task.id)).sprintId).toBeNull();
    const history = await stints(task.id);
    expect(history.map((h) => [h.sprintId, h.removedAt !== null])).toEqual([
      [a.id, true],
      [b.id, true],
    ]);
  });

  it('refuses tasks of another project (400) and changes to a completed sprint (409)', async () => {
    const sprint = await createSprint();
    const foreign = await createTask({}, await otherProject());
    const res = await addTasks(sprint.id, [foreign.id]);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('taskIds.0');
    await start(sprint.id);
    await complete(sprint.id);
    expect((await addTasks(sprint.id, [(await createTask()).id])).status).toBe(409);
  });

  it('lets a task name its sprint on create and update, recording history, and rejects foreign sprints', async () => {
    const sprint = await createSprint();
    const created = await createTask({ sprintId: sprint.id, storyPoints: 3 });
    expect(created.sprintId).toBe(sprint.id);
    expect((await stints(created.id)).length).toBe(1);

    const other = await createSprint({ name: 'Next' });
    const moved = await api
      .http()
      .patch(`${V1}/tasks/${created.id}`)
      .set(auth(member()))
      .send({ version: created.version, sprintId: other.id });
    expect(moved.status).toBe(200);
    expect(moved.body.sprintId).toBe(other.id);
    const history = await stints(created.id);
    expect(history.map((h) => [h.sprintId, h.removedAt !== null])).toEqual([
      [sprint.id, true],
      [other.id, false],
    ]);

    const foreignSprint = await createSprint({}, await otherProject(), owner());
    const bad = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(member()))
      .send({ title: 'Nope', sprintId: foreignSprint.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('sprintId');
  });

  it('lists the backlog with sprintId=none', async () => {
    const sprint = await createSprint();
    const inSprint = await createTask({ sprintId: sprint.id });
    const res = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks?sprintId=none`)
      .set(auth(team.users.viewer));
    const ids = (res.body.items as { id: string }[]).map((t) => t.id);
    expect(ids).toContain(team.taskId);
    expect(ids).not.toContain(inSprint.id);
    const only = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks?sprintId=${sprint.id}`)
      .set(auth(member()));
    expect((only.body.items as { id: string }[]).map((t) => t.id)).toEqual([inSprint.id]);
  });

  it('stages one analytics job per sprint however many changes come before the relay runs', async () => {
    const sprint = await createSprint();
    const t1 = await createTask({ storyPoints: 2 });
    const t2 = await createTask({ storyPoints: 3 });
    await addTasks(sprint.id, [t1.id]);
    await addTasks(sprint.id, [t2.id]);
    await setStatus(t1.id, 'done');
    const staged = await api.deps.db
      .select()
      .from(jobOutbox)
      .where(and(eq(jobOutbox.name, 'burndown'), sql`${jobOutbox.payload}->>'sprintId' = ${sprint.id}`));
    expect(staged.length).toBe(1);
  });
});

describe('completing with rollover', () => {
  async function sprintWithWork() {
    const sprint = await createSprint();
    const done = await createTask({ storyPoints: 3, title: 'Done one' });
    const open1 = await createTask({ storyPoints: 5, title: 'Open one' });
    const open2 = await createTask({ storyPoints: 8, title: 'Open two' });
    const archived = await createTask({ storyPoints: 1, title: 'Archived one' });
    await addTasks(sprint.id, [done.id, open1.id, open2.id, archived.id]);
    await start(sprint.id);
    await setStatus(done.id, 'done');
    await setStatus(archived.id, 'archived');
    return { sprint, done, open1, open2, archived };
  }

  it('moves unfinished tasks to the backlog; finished ones stay with the sprint', async () => {
    const { sprint, done, open1, open2, archived } = await sprintWithWork();
    const res = await complete(sprint.id, { to: 'backlog' });
    expect(res.status).toBe(200);
    expect((await getTask(open1.id)).sprintId).toBeNull();
    expect((await getTask(open2.id)).sprintId).toBeNull();
    expect((await getTask(done.id)).sprintId).toBe(sprint.id);
    expect((await getTask(archived.id)).sprintId).toBe(sprint.id);
    const [stint] = await stints(open1.id);
    expect(stint!.removedAt?.toISOString()).toBe(res.body.completedAt);
  });

  it('moves unfinished tasks to the next planned sprint', async () => {
    const { sprint, open1, open2 } = await sprintWithWork();
    const next = await createSprint({ name: 'Next' });
    const res = await complete(sprint.id, { to: 'sprint', sprintId: next.id });
    expect(res.status).toBe(200);
    expect((await getTask(open1.id)).sprintId).toBe(next.id);
    expect((await getTask(open2.id)).sprintId).toBe(next.id);
    expect((await getSprint(next.id)).body).toMatchObject({ taskCount: 2, totalPoints: 13 });
    expect((await stints(open1.id)).map((s) => s.sprintId)).toEqual([sprint.id, next.id]);
  });

  it('refuses a rollover target that is not planned (409) or not in the project (400)', async () => {
    const { sprint } = await sprintWithWork();
    const next = await createSprint({ name: 'Next' });
    const res = await complete(sprint.id, { to: 'sprint', sprintId: sprint.id });
    expect(res.status).toBe(400);
    const foreign = await createSprint({}, await otherProject(), owner());
    expect((await complete(sprint.id, { to: 'sprint', sprintId: foreign.id })).status).toBe(400);
    expect((await complete(sprint.id, { to: 'sprint', sprintId: next.id })).status).toBe(200);
    // The next sprint runs and completes; the first one (completed) can no longer take its tasks.
    const after = await createSprint({ name: 'After' });
    await start(next.id);
    const notPlanned = await complete(next.id, { to: 'sprint', sprintId: sprint.id });
    expect(notPlanned.status).toBe(409);
    expect((await getSprint(next.id)).body.state).toBe('active');
    expect((await complete(next.id, { to: 'sprint', sprintId: after.id })).status).toBe(200);
  });

  it('writes nothing when the rollover fails half-way (one transaction)', async () => {
    const { sprint, open1, open2 } = await sprintWithWork();
    // The second task's move fails inside the database, after the first one was written.
    await api.deps.db.execute(
      sql.raw(`
      create or replace function fail_second_move() returns trigger language plpgsql as $$
      begin
        if new.id = '${open2.id}' and new.sprint_id is distinct from old.sprint_id then
          raise exception 'simulated failure';
        end if;
        return new;
      end $$;
      create trigger fail_second_move before update on tasks for each row execute function fail_second_move();`),
    );
    try {
      const before1 = await getTask(open1.id);
      const res = await complete(sprint.id, { to: 'backlog' });
      expect(res.status).toBe(500);
      expect((await getSprint(sprint.id)).body.state).toBe('active');
      const after1 = await getTask(open1.id);
      expect(after1).toEqual(before1);
      expect((await stints(open1.id)).every((s) => s.removedAt === null)).toBe(true);
    } finally {
      await api.deps.db.execute(
        sql.raw(`drop trigger fail_second_move on tasks; drop function fail_second_move();`),
      );
    }
  });
});

describe('burndown and velocity', () => {
  const at = (iso: string) => new Date(iso);

  /**
   * Jan 5–9 2026: A(3), B(5), D(2) committed; C(8) added on the 6th; B removed on the 7th;
   * A done on the 8th, D on the 9th; C unfinished rolls over to the backlog at completion.
   */
  async function historicSprint() {
    const sprint = await createSprint({ startDate: '2026-01-05', endDate: '2026-01-09' });
    const a = await createTask({ storyPoints: 3, title: 'Task A' });
    const b = await createTask({ storyPoints: 5, title: 'Task B' });
    const c = await createTask({ storyPoints: 8, title: 'Task C' });
    const d = await createTask({ storyPoints: 2, title: 'Task D' });
    await addTasks(sprint.id, [a.id, b.id, d.id]);
    await start(sprint.id);
    await addTasks(sprint.id, [c.id]);
    await removeTasks(sprint.id, [b.id]);
    await setStatus(a.id, 'done');
    await setStatus(d.id, 'done');
    await complete(sprint.id, { to: 'backlog' });
    // Now put the history at fixed times (updated_at moves too, as any real change would).
    const db = api.deps.db;
    const completedAt = at('2026-01-09T17:00:00Z');
    await db.execute(sql`update sprints set started_at = ${at('2026-01-05T09:00:00Z')},
      completed_at = ${completedAt}, updated_at = now() where id = ${sprint.id}`);
    const stint = (taskId: string, added: string, removed: Date | null) =>
      db.execute(sql`update sprint_tasks set added_at = ${at(added)}, removed_at = ${removed}, updated_at = now()
        where sprint_id = ${sprint.id} and task_id = ${taskId}`);
    await stint(a.id, '2026-01-05T08:00:00Z', null);
    await stint(b.id, '2026-01-05T08:00:00Z', at('2026-01-07T12:00:00Z'));
    await stint(d.id, '2026-01-05T08:00:00Z', null);
    await stint(c.id, '2026-01-06T10:00:00Z', completedAt);
    const doneAt = (taskId: string, iso: string) =>
      db
        .update(tasks)
        .set({ completedAt: at(iso) })
        .where(eq(tasks.id, taskId));
    await doneAt(a.id, '2026-01-08T15:00:00Z');
    await doneAt(d.id, '2026-01-09T10:00:00Z');
    return { sprint, a, b, c, d };
  }

  it('replays scope added and removed mid-sprint, day by day, with the ideal line', async () => {
    const { sprint } = await historicSprint();
    const res = await api.http().get(`${V1}/sprints/${sprint.id}/burndown`).set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ committedPoints: 10, committedTasks: 3, state: 'completed' });
    const days = (res.body.days as Body[]).map((d) => [
      d.date,
      d.remainingPoints,
      d.remainingTasks,
      d.scopePoints,
      d.addedPoints,
      d.removedPoints,
      d.idealPoints,
    ]);
    expect(days).toEqual([
      ['2026-01-05', 10, 3, 10, 0, 0, 10],
      ['2026-01-06', 18, 4, 18, 8, 0, 7.5],
      ['2026-01-07', 13, 3, 13, 0, 5, 5],
      ['2026-01-08', 10, 2, 13, 0, 0, 2.5],
      ['2026-01-09', 8, 1, 13, 0, 0, 0],
    ]);
  });

  it('serves the stored snapshot while nothing changed and recomputes when an input changes', async () => {
    const { sprint, c } = await historicSprint();
    const url = `${V1}/sprints/${sprint.id}/burndown`;
    const first = await api.http().get(url).set(auth(member()));
    const again = await api.http().get(url).set(auth(member()));
    expect(again.body.computedAt).toBe(first.body.computedAt);
    const [snapshot] = await api.deps.db
      .select()
      .from(analyticsSnapshots)
      .where(eq(analyticsSnapshots.subjectId, sprint.id));
    expect(snapshot!.kind).toBe('burndown');

    const task = await getTask(c.id);
    await api
      .http()
      .patch(`${V1}/tasks/${c.id}`)
      .set(auth(member()))
      .send({ version: task.version, storyPoints: 13 });
    const changed = await api.http().get(url).set(auth(member()));
    expect(changed.body.computedAt).not.toBe(first.body.computedAt);
    expect((changed.body.days as Body[])[4]!.remainingPoints).toBe(13);
  });

  it('reports committed against completed points of the last completed sprints, and the average', async () => {
    await historicSprint();
    const second = await createSprint({ name: 'Second' });
    const t = await createTask({ storyPoints: 4 });
    await addTasks(second.id, [t.id]);
    await start(second.id);
    await setStatus(t.id, 'done');
    await complete(second.id);
    await createSprint({ name: 'Not yet' });

    const res = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/velocity?count=5`)
      .set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    expect((res.body.sprints as Body[]).map((s) => [s.name, s.committedPoints, s.completedPoints])).toEqual([
      ['Sprint 1', 10, 5],
      ['Second', 4, 4],
    ]);
    expect(res.body.averageCompletedPoints).toBe(4.5);
    expect(res.body.averageCommittedPoints).toBe(7);

    const last = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/velocity?count=1`)
      .set(auth(member()));
    expect((last.body.sprints as Body[]).map((s) => s.name)).toEqual(['Second']);
    expect(last.body.averageCompletedPoints).toBe(4);
  });

  it('shows a running sprint up to today and leaves the days ahead empty', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const sprint = await createSprint();
    const t = await createTask({ storyPoints: 5 });
    await addTasks(sprint.id, [t.id]);
    await start(sprint.id);
    await setStatus(t.id, 'done');
    const res = await api.http().get(`${V1}/sprints/${sprint.id}/burndown`).set(auth(member()));
    const days = res.body.days as Body[];
    expect(days).toHaveLength(14);
    expect(days[0]).toMatchObject({ date: today, remainingPoints: 0, scopePoints: 5 });
    expect(days[1]!.remainingPoints).toBeNull();
  });
});

describe('the sprint list', () => {
  const path = () => `${V1}/projects/${team.projectId}/sprints`;
  const byId = (a: string, b: string) => (a < b ? -1 : 1);
  const setRow = (id: string, set: string, values: unknown[]) =>
    api.deps.pool.query(`update sprints set ${set} where id = $1`, [id, ...values]);

  /** Three completed, one active and four planned sprints, with ties the id has to settle. */
  async function sprintsOfEveryKind(): Promise<string[]> {
    const done: string[] = [];
    for (let i = 0; i < 3; i++) {
      const sprint = await createSprint({ name: `Done ${i}` });
      expect((await start(sprint.id)).status).toBe(200);
      expect((await complete(sprint.id)).status).toBe(200);
      done.push(sprint.id);
    }
    const active = await createSprint({ name: 'Now' });
    expect((await start(active.id)).status).toBe(200);
    const march = await createSprint({ name: 'March', startDate: '2027-03-01', endDate: '2027-03-14' });
    const february = await createSprint({ name: 'February', startDate: '2027-02-01', endDate: '2027-02-14' });
    const undated = [
      (await createSprint({ name: 'Some day' })).id,
      (await createSprint({ name: 'Later' })).id,
    ];
    // Completions a microsecond apart (the cursor keeps microseconds) and two alike in every key but the id.
    await setRow(done[0]!, 'completed_at = $2', ['2026-01-01T00:00:00.000100Z']);
    for (const id of [done[1]!, done[2]!])
      await setRow(id, "completed_at = $2, start_date = '2025-12-01', created_at = $3", [
        '2026-01-01T00:00:00.000200Z',
        '2025-11-01T00:00:00Z',
      ]);
    for (const id of undated) await setRow(id, 'created_at = $2', ['2026-01-01T00:00:00Z']);
    return [
      active.id,
      february.id,
      march.id,
      ...undated.sort(byId),
      ...[done[1]!, done[2]!].sort(byId),
      done[0]!,
    ];
  }

  it('pages active, planned, then completed sprints with ?limit= and ?cursor=, each once, in order', async () => {
    const order = await sprintsOfEveryKind();
    const all = await api.http().get(path()).set(auth(team.users.viewer));
    expect(all.body.items.map((s: { id: string }) => s.id)).toEqual(order);
    expect(all.body.nextCursor).toBeNull();
    for (const limit of [1, 2, 3]) {
      const pages = await pageThrough<{ id: string }>(api, team.users.viewer, path(), limit);
      expect(pages.flatMap((p) => p.items.map((s) => s.id))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(order.length / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('refuses ?limit= outside 1–100, a garbled cursor and a cursor of another list with 400', async () => {
    await createSprint();
    await createTask();
    const tasks = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks?limit=1`)
      .set(auth(team.users.viewer));
    expect(tasks.body.nextCursor).toEqual(expect.any(String));
    await expectPagingRefused(api, team.users.viewer, path(), tasks.body.nextCursor);
  });
});

describe('who may do what', () => {
  it('lets viewers read sprints and charts but not change them; strangers see nothing', async () => {
    const sprint = await createSprint();
    const viewer = team.users.viewer;
    expect((await getSprint(sprint.id, viewer)).status).toBe(200);
    expect((await patchSprint(sprint.id, { version: 1, name: 'x' }, viewer)).status).toBe(403);
    expect((await addTasks(sprint.id, [team.taskId], viewer)).status).toBe(403);
    const stranger = team.users.stranger;
    expect((await getSprint(sprint.id, stranger)).status).toBe(404);
    expect((await api.http().get(`${V1}/sprints/${sprint.id}/burndown`).set(auth(stranger))).status).toBe(
      404,
    );
    expect((await patchSprint(sprint.id, { version: 1, state: 'active' }, stranger)).status).toBe(404);
    expect((await getSprint(sprint.id)).body.state).toBe('planned');
  });
});
