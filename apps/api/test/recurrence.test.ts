import type { TaskSeries } from '@teamflow/contracts/recurrence';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { createLogger } from '@teamflow/core/platform/logger';
import { shiftDate, todayIn } from '@teamflow/core/platform/local-dates';
import { createDueOccurrences } from '@teamflow/core/recurrence/create-due-occurrences';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
import { enqueue } from '@teamflow/queue/producer';
import { recurrenceNextJob } from '@teamflow/queue/jobs';
// The worker's real runtime and handlers, in-process: the api stages, BullMQ delivers, the handler runs.
import { allHandlers } from '../../worker/src/handlers/index';
import { startWorkers, type Runtime } from '../../worker/src/runtime';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

const logger = createLogger({ level: 'silent', service: 'recurrence-test' });
let store: IsolatedStore;
let api: TestApi;
let team: TeamFixture;
let relay: JobRelay;
/** Two workers on the same queues, as two worker processes would be. */
let workers: Runtime[];

beforeAll(async () => {
  // Its own database and prefix: its relay and workers must not pick up other suites' jobs.
  store = await isolatedStore('recurrence');
  api = await startApi(store.env);
  relay = createJobRelay({ db: api.deps.db, logger }, api.deps.queues, { idleMs: 20 });
  relay.start();
  workers = [1, 2].map(() =>
    startWorkers({
      redisUrl: api.deps.env.REDIS_URL,
      redisKeyPrefix: api.deps.env.REDIS_KEY_PREFIX,
      logger,
      registrations: allHandlers(api.deps.db, api.deps.env),
      concurrency: 4,
    }),
  );
  team = await createTeam(api);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close(5000)));
  await relay.stop();
  await api.close();
  await store.drop();
});

type Body = Record<string, unknown>;
const member = () => team.users.member;

async function newTask(body: Body = {}) {
  const res = await api
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(member()))
    .send({ title: 'Water the plants', ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}
const setRule = (taskId: string, body: Body) =>
  api.http().put(`${V1}/tasks/${taskId}/recurrence`).set(auth(member())).send(body);
const recurrence = async (taskId: string) => {
  const res = await api.http().get(`${V1}/tasks/${taskId}/recurrence`).set(auth(member()));
  expect(res.status).toBe(200);
  return res.body.series as TaskSeries | null;
};
async function markDone(taskId: string) {
  const task = (await api.http().get(`${V1}/tasks/${taskId}`).set(auth(member()))).body;
  const res = await api
    .http()
    .patch(`${V1}/tasks/${taskId}`)
    .set(auth(member()))
    .send({ version: task.version, status: 'done' });
  expect(res.status).toBe(200);
}
async function until<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  ms = 20000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Waits until the maintenance queue has nothing waiting or running. */
async function queueSettled() {
  const queue = api.deps.queues.maintenance;
  await until(async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    const pending = await api.deps.pool.query(
      `select count(*)::int as n from job_outbox where enqueued_at is null`,
    );
    return Object.values(counts).every((n) => n === 0) && pending.rows[0].n === 0;
  }, 'the maintenance queue to settle');
}
const occurrenceRows = async (seriesId: string) =>
  (
    await api.deps.pool.query(
      `select occurs_on::text, task_id, skipped from task_occurrences where series_id = $1 order by occurs_on`,
      [seriesId],
    )
  ).rows as { occurs_on: string; task_id: string | null; skipped: boolean }[];
const setZone = async (timeZone: string) => {
  const res = await api
    .http()
    .patch(`${V1}/workspaces/${team.workspaceId}`)
    .set(auth(team.users.owner))
    .send({ timeZone });
  expect(res.status).toBe(200);
};

describe('recurring tasks', () => {
  beforeEach(() => setZone('UTC'));

  it('makes the next weekly task when the current one is done ("every"), dated from the day it was done', async () => {
    const today = todayIn('UTC');
    const task = await newTask({ dueDate: today, priority: 'high', assigneeIds: [member().id] });
    const set = await setRule(task.id, { rule: 'FREQ=WEEKLY', mode: 'every' });
    expect(set.status).toBe(200);
    // Without BYDAY the start's weekday is written into the rule.
    expect(set.body).toMatchObject({
      mode: 'every',
      state: 'active',
      startDate: today,
      currentTaskId: task.id,
    });
    expect(set.body.rule).toMatch(/^FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)$/);
    expect(set.body.nextOn).toBeNull();

    await markDone(task.id);
    const series = await until(async () => {
      const s = await recurrence(task.id);
      return s && s.occurrences.length === 2 && s;
    }, 'the next occurrence');
    const next = series.occurrences[0]!;
    expect(next.occursOn).toBe(shiftDate(today, 7));
    expect(series.currentTaskId).toBe(next.taskId);
    const made = (await api.http().get(`${V1}/tasks/${next.taskId}`).set(auth(member()))).body;
    expect(made).toMatchObject({
      title: 'Water the plants',
      status: 'todo',
      priority: 'high',
      dueDate: shiftDate(today, 7),
      assigneeIds: [member().id],
    });
    // The series shows on the new task too.
    expect((await recurrence(next.taskId!))!.id).toBe(series.id);
  });

  it('makes an "every!" task at 09:00 New York time on both sides of the DST changes', async () => {
    await setZone('America/New_York');
    // Autumn: 09:00 EDT is 13:00Z on Oct 31, 09:00 EST is 14:00Z on Nov 1 (clocks went back at 02:00).
    const task = await newTask({ dueDate: '2026-10-31' });
    const set = await setRule(task.id, { rule: 'FREQ=DAILY', mode: 'every!', time: '09:00' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      timeZone: 'America/New_York',
      nextOn: '2026-11-01',
      nextAt: '2026-11-01T14:00:00.000Z',
    });
    // 13:30Z is 08:30 in New York: not yet.
    await createDueOccurrences({ db: api.deps.db, logger }, { now: new Date('2026-11-01T13:30:00Z') });
    expect(await occurrenceRows(set.body.id)).toHaveLength(1);
    await createDueOccurrences({ db: api.deps.db, logger }, { now: new Date('2026-11-01T14:00:00Z') });
    const rows = await occurrenceRows(set.body.id);
    expect(rows.map((r) => r.occurs_on)).toEqual(['2026-10-31', '2026-11-01']);
    const made = (await api.http().get(`${V1}/tasks/${rows[1]!.task_id}`).set(auth(member()))).body;
    expect(made.dueDate).toBe('2026-11-01');
    expect(await recurrence(task.id)).toMatchObject({
      nextOn: '2026-11-02',
      nextAt: '2026-11-02T14:00:00.000Z',
    });
    await api.http().delete(`${V1}/tasks/${task.id}/recurrence`).set(auth(member()));

    // Spring: on 2027-03-14 clocks go forward, so 09:00 EDT is 13:00Z again.
    const spring = await newTask({ dueDate: '2027-03-13' });
    const springSet = await setRule(spring.id, { rule: 'FREQ=DAILY', mode: 'every!', time: '09:00' });
    expect(springSet.body).toMatchObject({ nextOn: '2027-03-14', nextAt: '2027-03-14T13:00:00.000Z' });
    await api.http().delete(`${V1}/tasks/${spring.id}/recurrence`).set(auth(member()));
  });

  it("runs a weekly series in its project's zone, not the workspace's, across a DST change", async () => {
    await setZone('Europe/Berlin');
    const created = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/projects`)
      .set(auth(team.users.owner))
      .send({ name: 'New York desk', key: 'NYC' });
    expect(created.status).toBe(201);
    expect(created.body.timeZone).toBeNull();
    const zoned = await api
      .http()
      .patch(`${V1}/projects/${created.body.id}`)
      .set(auth(team.users.owner))
      .send({ version: created.body.version, timeZone: 'America/New_York' });
    expect(zoned.status).toBe(200);
    expect(zoned.body.timeZone).toBe('America/New_York');
    const task = await api
      .http()
      .post(`${V1}/projects/${created.body.id}/tasks`)
      .set(auth(member()))
      .send({ title: 'Weekly review', dueDate: '2026-10-25' });
    // Sundays at 09:00. New York leaves DST on 2026-11-01 (09:00 EST = 14:00Z); Berlin already
    // left it on 2026-10-25, and its 09:00 would be 08:00Z.
    const set = await setRule(task.body.id, { rule: 'FREQ=WEEKLY;BYDAY=SU', mode: 'every!', time: '09:00' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      timeZone: 'America/New_York',
      nextOn: '2026-11-01',
      nextAt: '2026-11-01T14:00:00.000Z',
    });
    // 09:00 in Berlin and 08:59 in New York: not yet.
    await createDueOccurrences({ db: api.deps.db, logger }, { now: new Date('2026-11-01T08:00:00Z') });
    await createDueOccurrences({ db: api.deps.db, logger }, { now: new Date('2026-11-01T13:59:00Z') });
    expect((await occurrenceRows(set.body.id)).map((r) => r.occurs_on)).toEqual(['2026-10-25']);
    await createDueOccurrences({ db: api.deps.db, logger }, { now: new Date('2026-11-01T14:00:00Z') });
    expect((await occurrenceRows(set.body.id)).map((r) => r.occurs_on)).toEqual(['2026-10-25', '2026-11-01']);
    expect(await recurrence(task.body.id)).toMatchObject({
      nextOn: '2026-11-08',
      nextAt: '2026-11-08T14:00:00.000Z',
    });

    // Back to the workspace's zone: the series keeps its date and time of day, now read in Berlin.
    const back = await api
      .http()
      .patch(`${V1}/projects/${created.body.id}`)
      .set(auth(team.users.owner))
      .send({ version: zoned.body.version, timeZone: null });
    expect(back.status).toBe(200);
    expect(back.body.timeZone).toBeNull();
    expect(await recurrence(task.body.id)).toMatchObject({
      timeZone: 'Europe/Berlin',
      nextOn: '2026-11-08',
      nextAt: '2026-11-08T08:00:00.000Z',
    });
    await api.http().delete(`${V1}/tasks/${task.body.id}/recurrence`).set(auth(member()));
  });

  it('refuses a project zone that is not an IANA name with a 400 on timeZone', async () => {
    const project = (await api.http().get(`${V1}/projects/${team.projectId}`).set(auth(member()))).body;
    const res = await api
      .http()
      .patch(`${V1}/projects/${team.projectId}`)
      .set(auth(team.users.owner))
      .send({ version: project.version, timeZone: 'Mars/Olympus_Mons' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'timeZone', message: expect.stringMatching(/IANA/) }]);
  });

  it('makes each occurrence once with two workers, duplicate jobs and two passes racing', async () => {
    const today = todayIn('UTC');
    const task = await newTask({ dueDate: today });
    const set = await setRule(task.id, { rule: 'FREQ=DAILY', mode: 'every' });
    expect(set.status).toBe(200);
    await markDone(task.id);
    // The same job again and again, as retries and a second producer would add it, for two workers.
    await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        enqueue(
          api.deps.queues,
          recurrenceNextJob,
          { seriesId: set.body.id, taskId: task.id },
          { jobId: `dup-${set.body.id}-${n}` },
        ),
      ),
    );
    await until(async () => (await occurrenceRows(set.body.id)).length >= 2, 'the next occurrence');
    await queueSettled();
    const rows = await occurrenceRows(set.body.id);
    expect(rows.map((r) => r.occurs_on)).toEqual([today, shiftDate(today, 1)]);
    const copies = await api.deps.pool.query(
      `select count(*)::int as n from tasks where project_id = $1 and due_date = $2 and title = 'Water the plants' and deleted_at is null`,
      [team.projectId, shiftDate(today, 1)],
    );
    expect(copies.rows[0].n).toBe(1);

    // "every!": two scheduler passes at once (two connections) still make one task per date.
    const scheduled = await newTask({ title: 'Send the invoice', dueDate: '2026-11-30' });
    const sched = await setRule(scheduled.id, { rule: 'FREQ=MONTHLY', mode: 'every!', time: '08:00' });
    expect(sched.body.nextOn).toBe('2026-12-30');
    const at = new Date('2026-12-30T09:00:00Z');
    const passes = await Promise.all([
      createDueOccurrences({ db: api.deps.db, logger }, { now: at }),
      createDueOccurrences({ db: api.deps.db, logger }, { now: at }),
    ]);
    expect(passes.reduce((sum, p) => sum + p.created, 0)).toBe(1);
    expect((await occurrenceRows(sched.body.id)).map((r) => r.occurs_on)).toEqual([
      '2026-11-30',
      '2026-12-30',
    ]);
    await api.http().delete(`${V1}/tasks/${scheduled.id}/recurrence`).set(auth(member()));
  });

  it('skips the next date of a series, and stops a series so nothing more is made', async () => {
    const task = await newTask({ dueDate: '2027-01-04' }); // a Monday
    const set = await setRule(task.id, { rule: 'FREQ=WEEKLY;BYDAY=MO,TH', mode: 'every!', time: '10:00' });
    expect(set.body.nextOn).toBe('2027-01-07');
    const skip = await api.http().post(`${V1}/tasks/${task.id}/recurrence/skip`).set(auth(member()));
    expect(skip.status).toBe(200);
    expect(skip.body.nextOn).toBe('2027-01-11');
    expect(skip.body.occurrences[0]).toEqual({ occursOn: '2027-01-07', taskId: null, skipped: true });
    await createDueOccurrences({ db: api.deps.db, logger }, { now: new Date('2027-01-08T00:00:00Z') });
    expect((await occurrenceRows(set.body.id)).filter((r) => r.task_id)).toHaveLength(1);

    const stop = await api.http().delete(`${V1}/tasks/${task.id}/recurrence`).set(auth(member()));
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ state: 'stopped', nextOn: null, nextAt: null });
    await createDueOccurrences({ db: api.deps.db, logger }, { now: new Date('2027-02-01T00:00:00Z') });
    expect(await occurrenceRows(set.body.id)).toHaveLength(2);
    const again = await api.http().post(`${V1}/tasks/${task.id}/recurrence/skip`).set(auth(member()));
    expect(again.status).toBe(409);

    // "every": a stopped series makes nothing when its task is done.
    const daily = await newTask({ dueDate: todayIn('UTC') });
    const dailySet = await setRule(daily.id, { rule: 'FREQ=DAILY' });
    await api.http().delete(`${V1}/tasks/${daily.id}/recurrence`).set(auth(member()));
    await markDone(daily.id);
    await queueSettled();
    expect(await occurrenceRows(dailySet.body.id)).toHaveLength(1);
  });

  it('dates the next "every" task past a skipped date', async () => {
    const today = todayIn('UTC');
    const task = await newTask({ dueDate: today });
    const set = await setRule(task.id, { rule: 'FREQ=DAILY' });
    const skip = await api.http().post(`${V1}/tasks/${task.id}/recurrence/skip`).set(auth(member()));
    expect(skip.body.occurrences[0]).toMatchObject({ occursOn: shiftDate(today, 1), skipped: true });
    await markDone(task.id);
    await until(async () => (await occurrenceRows(set.body.id)).length === 3, 'the next occurrence');
    expect((await occurrenceRows(set.body.id)).map((r) => [r.occurs_on, r.skipped])).toEqual([
      [today, false],
      [shiftDate(today, 1), true],
      [shiftDate(today, 2), false],
    ]);
  });

  it('refuses rules outside the subset with a 400 on rule, and a viewer with 403', async () => {
    const task = await newTask();
    const bad = await setRule(task.id, { rule: 'FREQ=YEARLY;BYMONTH=1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('rule');
    const viewer = await api
      .http()
      .put(`${V1}/tasks/${task.id}/recurrence`)
      .set(auth(team.users.viewer))
      .send({ rule: 'FREQ=DAILY' });
    expect(viewer.status).toBe(403);
    expect(await recurrence(task.id)).toBeNull();
  });
});
