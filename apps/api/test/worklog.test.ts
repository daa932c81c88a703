import { AccountExport } from '@teamflow/contracts/me';
import { INSIGHTS_ACHIEVEMENT_LIMIT, TIMELINE_TASK_LIMIT } from '@teamflow/contracts/worklog';
import { EXPORT_TASK_PAGE } from '@teamflow/core/worklog/render-export';
import { pdfText } from './pdf-text';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { createLogger } from '@teamflow/core/platform/logger';
import { runCleanup } from '@teamflow/core/maintenance/cleanup';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
// The worker's real runtime and handlers, in-process: the api stages, BullMQ delivers, the handler runs.
import { allHandlers } from '../../worker/src/handlers/index';
import { startWorkers, type Runtime } from '../../worker/src/runtime';
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
import {
  expectEachOnceInOrder,
  expectPagingRefused,
  firstCursor,
  pageThrough,
  tieCreatedAt,
} from './list-paging';

let api: TestApi;
let team: TeamFixture;
let relay: JobRelay;
let runtime: Runtime;
let store: IsolatedStore;

beforeAll(async () => {
  // Its own database and prefix: its relay and worker must not take jobs other suites stage.
  store = await isolatedStore('worklog');
  api = await startApi({ ...store.env, AI_PROVIDER: 'local', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' });
  const logger = createLogger({
    level: (process.env.WL_LOG as 'silent') ?? 'silent',
    service: 'worklog-test',
  });
  relay = createJobRelay({ db: api.deps.db, logger }, api.deps.queues, { idleMs: 20 });
  relay.start();
  runtime = startWorkers({
    redisUrl: api.deps.env.REDIS_URL,
    redisKeyPrefix: api.deps.env.REDIS_KEY_PREFIX,
    logger,
    registrations: allHandlers(api.deps.db, api.deps.env),
  });
  team = await createTeam(api);
}, 60_000);
afterAll(async () => {
  await runtime.close(5000);
  await relay.stop();
  await api.close();
  await store.drop();
});

const http = () => api.http();

async function write(user: TestUser, body: string, extra: Record<string, unknown> = {}) {
  const res = await http()
    .post(`${V1}/worklog/entries`)
    .set(auth(user))
    .send({ body, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; date: string; analysis: { status: string } };
}

/** Polls the entry until its analysis is done (the job is debounced ~1.5 s after the last save). */
async function analysed(user: TestUser, entryId: string) {
  const end = Date.now() + 20_000;
  for (;;) {
    const res = await http().get(`${V1}/worklog/entries/${entryId}`).set(auth(user));
    expect(res.status).toBe(200);
    if (res.body.analysis.status === 'done') return res.body;
    if (Date.now() > end) throw new Error(`analysis of ${entryId} still ${res.body.analysis.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A new person with their own workspace and project, and `count` tasks assigned to them and done
 * (task n titled "Done n", done at `doneAt`: SQL over `n` and the count `$4`). Written as rows: a
 * thousand tasks through the api would take the suite minutes.
 */
async function personWithTasksDone(name: string, key: string, count: number, doneAt: string) {
  const person = await registerUser(api, name.toLowerCase());
  const ws = await http().post(`${V1}/workspaces`).set(auth(person)).send({ name }).expect(201);
  const project = await http()
    .post(`${V1}/workspaces/${ws.body.id}/projects`)
    .set(auth(person))
    .send({ name, key })
    .expect(201);
  await api.deps.pool.query(
    `with done as (
       insert into tasks (workspace_id, project_id, number, title, status, position, created_by, completed_at)
       select $1, $2, n, 'Done ' || n, 'done', n, $3, ${doneAt}
       from generate_series(1, $4::int) n
       returning id)
     insert into task_assignees (task_id, user_id) select id, $3 from done`,
    [ws.body.id, project.body.id, person.id, count],
  );
  return { person, projectId: project.body.id as string };
}

async function exported(user: TestUser, exportId: string) {
  const end = Date.now() + 20_000;
  for (;;) {
    const res = await http().get(`${V1}/worklog/exports/${exportId}`).set(auth(user));
    expect(res.status).toBe(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > end) throw new Error(`export ${exportId} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('work-log entries', () => {
  it('writes an entry on the author’s own day, sanitised, with tags normalised and the analysis pending', async () => {
    const ana = await registerUser(api, 'tz');
    await http().patch(`${V1}/auth/me`).set(auth(ana)).send({ timeZone: 'Pacific/Kiritimati' }).expect(200);
    const entry = await write(ana, 'Hello <script>alert(1)</script> **world** `<b>code</b>`', {
      tags: ['Backend', 'backend', 'ops'],
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(entry).toMatchObject({ date: today, tags: ['backend', 'ops'], version: 1 });
    expect((entry as unknown as { body: string }).body).not.toContain('<script>');
    expect((entry as unknown as { body: string }).body).toContain('`<b>code</b>`');
    expect(entry.analysis.status).toBe('pending');
  });

  it('autosaves with the version last seen, and a stale version is a 409 carrying the current entry', async () => {
    const entry = await write(team.users.member, 'First draft');
    const saved = await http()
      .patch(`${V1}/worklog/entries/${entry.id}`)
      .set(auth(team.users.member))
      .send({ body: 'Second draft', version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ body: 'Second draft', version: 2 });
    const stale = await http()
      .patch(`${V1}/worklog/entries/${entry.id}`)
      .set(auth(team.users.member))
      .send({ body: 'Lost edit?', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({
      id: entry.id,
      body: 'Second draft',
      version: 2,
    });
  });

  it('refuses a body over 20 000 characters and a bad tag with field errors', async () => {
    const long = await http()
      .post(`${V1}/worklog/entries`)
      .set(auth(team.users.member))
      .send({ body: 'x'.repeat(20_001) });
    expect(long.status).toBe(400);
    expect(long.body.error.details[0].field).toBe('body');
    const tag = await http()
      .post(`${V1}/worklog/entries`)
      .set(auth(team.users.member))
      .send({ body: 'ok', tags: ['no spaces'] });
    expect(tag.status).toBe(400);
  });

  it("pages the caller's entries newest day first with ?limit= and ?cursor=, each once; another list's cursor is a 400", async () => {
    const writer = await registerUser(api, 'pages');
    // Two on one day: the one written later first.
    for (const date of ['2026-03-01', '2026-03-02', '2026-03-02', '2026-03-03', '2026-03-05'])
      await write(writer, `Entry of ${date}`, { date });
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from worklog_entries where user_id = $1 order by date desc, created_at desc, id desc',
      [writer.id],
    );
    expect(rows).toHaveLength(5);
    for (const limit of [1, 2, 4]) {
      const pages = await pageThrough<{ id: string }>(api, writer, `${V1}/worklog/entries`, limit);
      expect(pages.flatMap((p) => p.items.map((e) => e.id))).toEqual(rows.map((r) => r.id));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    // The team's status updates page by (date, created_at, id) too: a cursor of the same shape
    // that is still not this list's.
    const ws = await http().post(`${V1}/workspaces`).set(auth(writer)).send({ name: 'Pages' }).expect(201);
    for (const date of ['2026-03-01', '2026-03-02'])
      await http()
        .post(`${V1}/workspaces/${ws.body.id}/status-updates`)
        .set(auth(writer))
        .send({ date, done: 'Wrote entries', doing: 'Paging them' })
        .expect(201);
    const updates = await firstCursor(api, writer, `${V1}/workspaces/${ws.body.id}/status-updates`);
    await expectPagingRefused(api, writer, `${V1}/worklog/entries`, updates);
  });

  it("lists a day's entries the latest written first, whatever their ids (the day's editor opens that one)", async () => {
    const writer = await registerUser(api, 'same-day');
    const date = '2026-03-10';
    const [a, b] = [await write(writer, 'Morning', { date }), await write(writer, 'Evening', { date })];
    // Ids are random: make the higher one the entry written first, so the id order is the wrong one.
    const [low, high] = [a.id, b.id].sort();
    await api.deps.pool.query(
      `update worklog_entries set created_at = case when id = $1 then now() - interval '1 hour' else now() end
        where id = any($2::uuid[])`,
      [high, [low, high]],
    );
    const day = await http()
      .get(`${V1}/worklog/entries?from=${date}&to=${date}&limit=1`)
      .set(auth(writer))
      .expect(200);
    expect(day.body.items.map((e: { id: string }) => e.id)).toEqual([low]);
    expect(day.body.nextCursor).not.toBeNull();
  });

  it("pages a day's entries written within one millisecond latest first to the microsecond, each once", async () => {
    const writer = await registerUser(api, 'tied-entries');
    const date = '2026-03-11';
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await write(writer, `Entry ${i}`, { date })).id);
    // The latest by a microsecond has the smallest id: ordered by the millisecond, then id, it came last.
    const [later, ...tied] = [...made].sort();
    const tie = await tieCreatedAt(api, 'worklog_entries', tied, later!);
    await expectEachOnceInOrder(api, writer, `${V1}/worklog/entries?from=${date}&to=${date}`, tie);
  });

  it('analyses a burst of autosaves once, after the last save, with the local provider', async () => {
    const user = await registerUser(api, 'burst');
    const entry = await write(user, 'Started');
    let version = entry.version;
    for (const body of [
      'Started the',
      'Started the deploy',
      'Shipped the Kubernetes deploy, p99 from 800 to 120 ms. Great day!',
    ]) {
      const res = await http()
        .patch(`${V1}/worklog/entries/${entry.id}`)
        .set(auth(user))
        .send({ body, version });
      version = res.body.version;
    }
    const done = await analysed(user, entry.id);
    expect(done.analysis).toMatchObject({
      status: 'done',
      provider: 'local',
      sentiment: { label: 'positive' },
    });
    expect(done.analysis.skills).toContain('Kubernetes');
    expect(done.analysis.achievements[0]).toMatchObject({ metric: 'p99 from 800 to 120 ms' });
    const runs = await api.deps.pool.query(
      `select count(*)::int as n from outbox where type = 'WORKLOG_ENTRY_ANALYSED' and entity_id = $1`,
      [entry.id],
    );
    expect(runs.rows[0].n).toBe(1);
  });
});

describe('work-log privacy: nobody but the author, whatever their role', () => {
  let secret: { id: string };
  let exportId: string;
  beforeAll(async () => {
    secret = await write(
      team.users.member,
      'Secret: the service went down and I felt awful about the outage #payments',
    );
    await analysed(team.users.member, secret.id);
    const res = await http()
      .post(`${V1}/worklog/exports`)
      .set(auth(team.users.member))
      .send({ from: '2000-01-01', to: '2000-12-31', kind: 'review', format: 'md' });
    expect(res.status).toBe(202);
    exportId = res.body.id;
    await exported(team.users.member, exportId);
  });

  const others = ['owner', 'admin', 'viewer', 'stranger'] as const;

  it.each(others)('%s gets 404 reading, saving or deleting the entry', async (who) => {
    const user = team.users[who];
    for (const req of [
      http().get(`${V1}/worklog/entries/${secret.id}`),
      http().patch(`${V1}/worklog/entries/${secret.id}`).send({ body: 'mine now', version: 1 }),
      http().delete(`${V1}/worklog/entries/${secret.id}`),
    ]) {
      const res = await req.set(auth(user));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it.each(others)('%s never sees it in lists, timeline, insights or search', async (who) => {
    const user = team.users[who];
    const list = await http().get(`${V1}/worklog/entries`).set(auth(user));
    expect(JSON.stringify(list.body)).not.toContain(secret.id);
    const q = await http().get(`${V1}/worklog/entries`).query({ q: 'secret' }).set(auth(user));
    expect(q.body.items).toEqual([]);
    const timeline = await http().get(`${V1}/worklog/timeline`).set(auth(user));
    expect(JSON.stringify(timeline.body)).not.toContain(secret.id);
    const insights = await http().get(`${V1}/worklog/insights`).set(auth(user));
    expect(insights.status).toBe(200);
    expect(insights.body.moodTrend).toEqual([]);
    expect(JSON.stringify(insights.body)).not.toContain('payments');
    for (const q of ['secret', 'outage']) {
      const search = await http().get(`${V1}/worklog/search`).query({ q }).set(auth(user));
      expect(search.status).toBe(200);
      expect(search.body.items.filter((h: { type: string }) => h.type === 'entry')).toEqual([]);
    }
  });

  it.each(others)('%s gets 404 on the author’s export and its file, and does not list it', async (who) => {
    const user = team.users[who];
    expect((await http().get(`${V1}/worklog/exports/${exportId}`).set(auth(user))).status).toBe(404);
    expect((await http().get(`${V1}/worklog/exports/${exportId}/download`).set(auth(user))).status).toBe(404);
    const list = await http().get(`${V1}/worklog/exports`).set(auth(user));
    expect(JSON.stringify(list.body)).not.toContain(exportId);
  });

  it('the author still reads all of it', async () => {
    const me = team.users.member;
    expect((await http().get(`${V1}/worklog/entries/${secret.id}`).set(auth(me))).status).toBe(200);
    expect((await http().get(`${V1}/worklog/exports/${exportId}/download`).set(auth(me))).status).toBe(200);
  });

  it('without a token every work-log route is a 401', async () => {
    for (const path of [
      '/worklog/entries',
      `/worklog/entries/${secret.id}`,
      '/worklog/timeline',
      '/worklog/insights',
      '/worklog/search?q=x',
      '/worklog/exports',
      '/me/export',
    ])
      expect((await http().get(`${V1}${path}`)).status).toBe(401);
  });
});

describe('search by meaning and by words', () => {
  let user: TestUser;
  let outage: { id: string };
  let interview: { id: string };
  beforeAll(async () => {
    user = await registerUser(api, 'search');
    outage = await write(
      user,
      'The payments service went down for an hour this morning and customers could not check out.',
    );
    interview = await write(user, 'Interviewed two candidates for the backend role and wrote feedback.');
    const other = await write(user, 'Spent the afternoon in planning meetings for next quarter roadmap.');
    for (const e of [outage, interview, other]) await analysed(user, e.id);
  });

  it('finds an entry by meaning when the query shares no word with it ("outage" → "the service went down")', async () => {
    const res = await http().get(`${V1}/worklog/search`).query({ q: 'outage' }).set(auth(user));
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ type: 'entry', id: outage.id, matchedBy: 'meaning' });
  });

  it('says a hit matched by words when the words are there', async () => {
    const res = await http().get(`${V1}/worklog/search`).query({ q: 'candidates' }).set(auth(user));
    expect(res.body.items[0]).toMatchObject({ type: 'entry', id: interview.id, matchedBy: 'words' });
  });
});

describe('timeline, insights and exports', () => {
  let me: TestUser;
  let taskKey: string;
  beforeAll(async () => {
    me = team.users.admin;
    const task = await http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(me))
      .send({ title: 'Fix refunds rounding', assigneeIds: [me.id] });
    taskKey = task.body.key;
    await http()
      .patch(`${V1}/tasks/${task.body.id}`)
      .set(auth(me))
      .send({ status: 'done', version: task.body.version })
      .expect(200);
    const a = await write(
      me,
      'Reduced p99 latency from 800 to 120 ms on the Core checkout. Reviewed two pull requests. Happy!',
    );
    const b = await write(me, 'Frustrating day, the Docker build broke twice and nothing shipped.');
    await analysed(me, a.id);
    await analysed(me, b.id);
  });

  it('merges entries with the tasks the author completed', async () => {
    const res = await http().get(`${V1}/worklog/timeline`).set(auth(me));
    expect(res.status).toBe(200);
    const kinds = res.body.items.map((i: { kind: string }) => i.kind);
    expect(kinds.filter((k: string) => k === 'entry')).toHaveLength(2);
    const task = res.body.items.find((i: { kind: string }) => i.kind === 'task');
    expect(task.task).toMatchObject({
      key: taskKey,
      title: 'Fix refunds rounding',
      project: { name: 'Core' },
    });
    expect(res.body.tasksTruncated).toBe(false);
  });

  it(`says when more tasks were completed in the range than the ${TIMELINE_TASK_LIMIT} it lists, and lists the most recent`, async () => {
    // One past the limit, done a minute apart (task n, n minutes ago).
    const { person: busy, projectId } = await personWithTasksDone(
      'Busy',
      'BUSY',
      TIMELINE_TASK_LIMIT + 1,
      'now() - make_interval(mins => n)',
    );
    const timeline = async () => {
      const res = await http().get(`${V1}/worklog/timeline`).set(auth(busy)).expect(200);
      const titles = (res.body.items as { kind: string; task?: { title: string } }[])
        .filter((i) => i.kind === 'task')
        .map((i) => i.task!.title);
      return { titles, tasksTruncated: res.body.tasksTruncated as boolean };
    };
    const newest = (n: number) => Array.from({ length: n }, (_, i) => `Done ${i + 1}`);

    expect(await timeline()).toEqual({ titles: newest(TIMELINE_TASK_LIMIT), tasksTruncated: true });

    // Exactly the limit: all of them, and nothing said to be left out.
    await api.deps.pool.query('update tasks set deleted_at = now() where project_id = $1 and number = $2', [
      projectId,
      TIMELINE_TASK_LIMIT + 1,
    ]);
    expect(await timeline()).toEqual({ titles: newest(TIMELINE_TASK_LIMIT), tasksTruncated: false });
  });

  it('sums mood, activity (entries and tasks done), skills, projects, achievements and themes', async () => {
    const res = await http().get(`${V1}/worklog/insights`).set(auth(me));
    expect(res.status).toBe(200);
    const today = res.body.to;
    expect(res.body.activity.find((d: { date: string }) => d.date === today)).toEqual({
      date: today,
      entries: 2,
      tasksDone: 1,
    });
    expect(res.body.moodTrend).toEqual([{ date: today, score: expect.any(Number), entries: 2 }]);
    expect(res.body.skills.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Performance', 'Code review', 'Docker']),
    );
    expect(res.body.projects).toEqual([{ name: 'Core', count: 1 }]);
    expect(res.body.achievements[0]).toMatchObject({ metric: 'p99 latency from 800 to 120 ms', date: today });
    expect(res.body.achievementsTruncated).toBe(false);
  });

  const tasksDone = async (user: TestUser, from: string, to: string) => {
    const res = await http().get(`${V1}/worklog/insights`).query({ from, to }).set(auth(user)).expect(200);
    return (res.body.activity as { date: string; tasksDone: number }[]).map((d) => [d.date, d.tasksDone]);
  };

  it("counts a task done on the author's local day: a millisecond before and at midnight in their zone", async () => {
    // Kolkata is UTC+05:30: its midnight is 18:30 UTC the day before. Counted by UTC dates, the
    // range would hold the 10th's last task and the 12th's first instead ([1, 1]).
    const at = `('{2026-03-09T18:29:59.999Z,2026-03-09T18:30:00.000Z,2026-03-10T18:29:59.999Z,2026-03-11T18:30:00.000Z}'::timestamptz[])[n]`;
    // 23:59:59.999 on the 9th (before the range), midnight of the 10th, the 10th's last millisecond,
    // midnight of the 12th (after the range).
    const { person: owl } = await personWithTasksDone('Owl', 'OWL', 4, at);
    await http().patch(`${V1}/auth/me`).set(auth(owl)).send({ timeZone: 'Asia/Kolkata' }).expect(200);

    expect(await tasksDone(owl, '2026-03-10', '2026-03-11')).toEqual([
      ['2026-03-10', 2],
      ['2026-03-11', 0],
    ]);
  });

  it(`says when a range holds more achievements than the ${INSIGHTS_ACHIEVEMENT_LIMIT} insights list, and lists the newest`, async () => {
    const proud = await registerUser(api, 'proud');
    // An analysed entry a day, 1 to 11 July: one achievement on the 1st, then 20 a day (201 in
    // all), written as rows (the roll-up's triggers take them like any write).
    await api.deps.pool.query(
      `with e as (
         insert into worklog_entries (user_id, date, body)
         select $1, '2026-06-30'::date + d, 'Day ' || d from generate_series(1, 11) d
         returning id, date)
       insert into worklog_insights (entry_id, user_id, status, achievements, analysed_at)
       select e.id, $1, 'done',
              (select jsonb_agg(jsonb_build_object('text', 'Win ' || k || ' of ' || e.date))
                 from generate_series(1, case when extract(day from e.date) = 1 then 1 else 20 end) k),
              now()
       from e`,
      [proud.id],
    );
    const achievements = async (from: string) => {
      const res = await http()
        .get(`${V1}/worklog/insights`)
        .query({ from, to: '2026-07-11' })
        .set(auth(proud))
        .expect(200);
      const days = new Set((res.body.achievements as { date: string }[]).map((a) => a.date));
      return { listed: res.body.achievements.length, days, truncated: res.body.achievementsTruncated };
    };

    const all = await achievements('2026-07-01');
    expect(all).toMatchObject({ listed: INSIGHTS_ACHIEVEMENT_LIMIT, truncated: true });
    expect(all.days.has('2026-07-01')).toBe(false);

    // Exactly the limit: all of them, and nothing said to be left out.
    expect(await achievements('2026-07-02')).toMatchObject({
      listed: INSIGHTS_ACHIEVEMENT_LIMIT,
      truncated: false,
    });
  });

  it('invalidates cached insights on the next write', async () => {
    const before = await http().get(`${V1}/worklog/insights`).set(auth(me));
    await write(me, 'Another note.');
    const after = await http().get(`${V1}/worklog/insights`).set(auth(me));
    const day = (b: { activity: { date: string; entries: number }[]; to: string }) =>
      b.activity.find((d) => d.date === b.to)!.entries;
    expect(day(after.body)).toBe(day(before.body) + 1);
  });

  it("stops counting a deleted project's tasks at once, though the insights were cached before", async () => {
    const { person, projectId } = await personWithTasksDone('Tidy', 'TIDY', 2, 'now()');
    const doneToday = async () => {
      const res = await http().get(`${V1}/worklog/insights`).set(auth(person)).expect(200);
      return res.body.activity.find((d: { date: string }) => d.date === res.body.to).tasksDone as number;
    };
    expect(await doneToday()).toBe(2);
    await http().delete(`${V1}/projects/${projectId}`).set(auth(person)).expect(204);
    expect(await doneToday()).toBe(0);
  });

  it('exports a review PDF whose every bullet cites its evidence, and the PDF parses back', async () => {
    const today = (await http().get(`${V1}/worklog/insights`).set(auth(me))).body.to as string;
    const res = await http()
      .post(`${V1}/worklog/exports`)
      .set(auth(me))
      .send({ from: today, to: today, kind: 'review', format: 'pdf' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), jobId: expect.any(String) });
    const done = await exported(me, res.body.id);
    expect(done).toMatchObject({
      status: 'done',
      format: 'pdf',
      downloadUrl: `/api/v1/worklog/exports/${res.body.id}/download`,
    });
    const file = await http()
      .get(done.downloadUrl)
      .set(auth(me))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const text = pdfText(file.body as Buffer);
    expect(text).toContain('Reduced p99 latency from 800 to 120 ms');
    expect(text).toContain(`Completed ${taskKey}: Fix refunds rounding`);
    // Every bullet ends with its footnote marks, and every mark is listed under Evidence.
    const bullets = text.split('\n').filter((l) => l.startsWith('•'));
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    for (const b of bullets) expect(b).toMatch(/\[\d+\]$/);
    expect(text).toContain(`Work log entry of ${today}`);
    expect(text).toMatch(new RegExp(`\\[\\d+\\] Task ${taskKey} "Fix refunds rounding"`));
  });

  it('exports a CV in Markdown: skills and achievements, no mood, footnotes that resolve to real entries and tasks', async () => {
    const today = (await http().get(`${V1}/worklog/insights`).set(auth(me))).body.to as string;
    const res = await http()
      .post(`${V1}/worklog/exports`)
      .set(auth(me))
      .send({ from: today, to: today, kind: 'cv', format: 'md' });
    const done = await exported(me, res.body.id);
    const file = await http().get(done.downloadUrl).set(auth(me));
    expect(file.headers['content-type']).toMatch(/^text\/markdown/);
    const md = file.text;
    expect(md).toContain('## Skills');
    expect(md).toContain('## Achievements');
    expect(md).not.toMatch(/mood|sentiment|frustrat/i);
    const cited = [...md.matchAll(/^- .*?((?:\[\^\d+\])+)$/gmu)];
    const bullets = md.split('\n').filter((l) => l.startsWith('- '));
    expect(cited).toHaveLength(bullets.length);
    const entries = (await http().get(`${V1}/worklog/entries`).set(auth(me))).body.items as { id: string }[];
    for (const [, n, id] of md.matchAll(
      /^\[\^(\d+)\]: Work log entry of \d{4}-\d{2}-\d{2} \(entry ([0-9a-f-]+)\)$/gmu,
    )) {
      expect(md).toContain(`[^${n}]`);
      expect(entries.map((e) => e.id)).toContain(id);
    }
  });

  it('exports a review that lists and cites every task completed in the range, past one page of reads', async () => {
    const count = EXPORT_TASK_PAGE + 1;
    // Task n done n microseconds before noon and 400 µs, except that the last two share an instant:
    // the tie straddles the page's end, and a cursor cut to the millisecond (11:59:59.999) would
    // skip the second.
    const { person: busy } = await personWithTasksDone(
      'Prolific',
      'PRO',
      count,
      "'2026-06-15T12:00:00.000400Z'::timestamptz - make_interval(secs => least(n, $4::int - 1) / 1e6)",
    );
    const res = await http()
      .post(`${V1}/worklog/exports`)
      .set(auth(busy))
      .send({ from: '2026-06-01', to: '2026-06-30', kind: 'review', format: 'md' })
      .expect(202);
    const done = await exported(busy, res.body.id);
    expect(done.status).toBe('done');
    const md = (await http().get(done.downloadUrl).set(auth(busy)).expect(200)).text;

    const notes = new Map(
      [...md.matchAll(/^\[\^(\d+)\]: Task (PRO-\d+) "Done \d+" \(Prolific\), done 2026-06-15$/gmu)].map(
        ([, n, key]) => [n, key],
      ),
    );
    const listed = [...md.matchAll(/^- Completed (PRO-\d+): Done \d+\[\^(\d+)\]$/gmu)].map(([, key, n]) => {
      expect(notes.get(n)).toBe(key);
      return key;
    });
    const every = Array.from({ length: count }, (_, i) => `PRO-${i + 1}`);
    expect(listed.sort()).toEqual(every.sort());
    expect(notes.size).toBe(count);
  });

  it('keeps an export file 7 days, then the cleanup schedule removes it', async () => {
    const res = await http()
      .post(`${V1}/worklog/exports`)
      .set(auth(me))
      .send({ from: '2026-01-01', to: '2026-01-31', kind: 'cv', format: 'md' });
    const done = await exported(me, res.body.id);
    const days = (Date.parse(done.expiresAt) - Date.parse(done.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    await runCleanup({ db: api.deps.db }, { commentRetentionDays: 30, activityRetentionDays: 365 });
    expect((await http().get(`${V1}/worklog/exports/${res.body.id}`).set(auth(me))).status).toBe(200);
    await api.deps.pool.query(
      `update worklog_exports set expires_at = now() - interval '1 minute' where id = $1`,
      [res.body.id],
    );
    const swept = await runCleanup(
      { db: api.deps.db },
      { commentRetentionDays: 30, activityRetentionDays: 365 },
    );
    expect(swept.worklogExports).toBeGreaterThanOrEqual(1);
    expect((await http().get(`${V1}/worklog/exports/${res.body.id}`).set(auth(me))).status).toBe(404);
  });

  it("lists the caller’s exports as a cursor list, newest first, each once across pages; another list's cursor is a 400", async () => {
    const user = await registerUser(api, 'exports');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await http()
        .post(`${V1}/worklog/exports`)
        .set(auth(user))
        .send({ from: '2026-01-01', to: '2026-01-02', kind: 'cv', format: 'md' });
      ids.push(res.body.id);
    }
    const first = await http().get(`${V1}/worklog/exports`).query({ limit: 2 }).set(auth(user));
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await http()
      .get(`${V1}/worklog/exports`)
      .query({ limit: 2, cursor: first.body.nextCursor })
      .set(auth(user));
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    // The workspace's activity pages by (createdAt, id) too: a cursor of the same shape that is
    // still not this list's.
    const activity = await firstCursor(
      api,
      team.users.owner,
      `${V1}/workspaces/${team.workspaceId}/activity`,
    );
    await expectPagingRefused(api, user, `${V1}/worklog/exports`, activity);
  });

  it('lists exports made within one millisecond newest first to the microsecond, each once across pages', async () => {
    const user = await registerUser(api, 'tied-exports');
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await http()
        .post(`${V1}/worklog/exports`)
        .set(auth(user))
        .send({ from: '2026-01-01', to: '2026-01-02', kind: 'cv', format: 'md' });
      expect(res.status).toBe(202);
      made.push(res.body.id);
    }
    // The newest by a microsecond has the smallest id: ordered by the millisecond, then id, it came last.
    const [later, ...tied] = [...made].sort();
    const tie = await tieCreatedAt(api, 'worklog_exports', tied, later!);
    await expectEachOnceInOrder(api, user, `${V1}/worklog/exports`, tie);
  });

  it('refuses an export whose range is backwards', async () => {
    const res = await http()
      .post(`${V1}/worklog/exports`)
      .set(auth(me))
      .send({ from: '2026-02-01', to: '2026-01-01', kind: 'cv', format: 'md' });
    expect(res.status).toBe(400);
  });

  it('refuses a backwards range the same way on every work-log read that takes one', async () => {
    for (const path of ['entries', 'timeline', 'insights']) {
      const res = await http()
        .get(`${V1}/worklog/${path}`)
        .query({ from: '2026-02-01', to: '2026-01-01' })
        .set(auth(me));
      expect([path, res.status, res.body.error?.details]).toEqual([
        path,
        400,
        [{ field: 'from', message: '`from` must not be after `to`' }],
      ]);
    }
  });
});

describe('your data: GET /me/export and DELETE /me', () => {
  it('exports the caller’s own rows and nobody else’s', async () => {
    const mine = await write(team.users.viewer, 'Viewer private note');
    const theirs = await write(team.users.owner, 'Owner private note');
    const res = await http().get(`${V1}/me/export`).set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ id: team.users.viewer.id, email: team.users.viewer.email });
    expect(res.body.memberships).toEqual([
      expect.objectContaining({ workspaceId: team.workspaceId, role: 'viewer' }),
    ]);
    expect(res.body.worklog.entries.map((e: { id: string }) => e.id)).toEqual([mine.id]);
    expect(JSON.stringify(res.body)).not.toContain(theirs.id);
    expect(JSON.stringify(res.body)).not.toContain(team.users.owner.email);
  });

  it('exports the blockers the caller reported and their check-ins, under more', async () => {
    const member = team.users.member;
    const blocker = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/blockers`)
      .set(auth(member))
      .send({ title: 'Waiting on the export review', severity: 'low' });
    expect(blocker.status).toBe(201);
    const update = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/status-updates`)
      .set(auth(member))
      .send({ date: '2031-06-02', done: 'Exported', doing: 'Reviewing' });
    expect(update.status).toBe(201);
    const res = await http().get(`${V1}/me/export`).set(auth(member));
    expect(res.status).toBe(200);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(res.body.more.blockers)).toContain(blocker.body.id);
    expect(ids(res.body.more.statusUpdates)).toContain(update.body.id);
  });

  it('writes every timestamp in ISO-8601 UTC and every field in camelCase', async () => {
    const member = team.users.member;
    const update = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/status-updates`)
      .set(auth(member))
      .send({ date: '2031-06-09', done: 'Exported again', doing: 'Checking the formats' });
    expect(update.status).toBe(201);
    await write(member, 'A note for the export');
    const task = await http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(member))
      .send({ title: 'Check the export', dueDate: '2031-06-10' });
    expect(task.status).toBe(201);
    await http()
      .post(`${V1}/tasks/${task.body.id}/comments`)
      .set(auth(member))
      .send({ body: 'In the export too' })
      .expect(201);
    const res = await http().get(`${V1}/me/export`).set(auth(member));
    expect(res.status).toBe(200);
    // The sections the contract types are what it says (a task, a comment, a membership…).
    expect(AccountExport.safeParse(res.body).error).toBeUndefined();
    expect(res.body.profile.createdAt).toBe(new Date(res.body.profile.createdAt).toISOString());
    expect(res.body.memberships[0].joinedAt).toBe(new Date(res.body.memberships[0].joinedAt).toISOString());
    const exported = res.body.more.statusUpdates.find((u: { id: string }) => u.id === update.body.id);
    expect(exported).toMatchObject({ workspaceId: team.workspaceId, userId: member.id, date: '2031-06-09' });
    // Every key of the document is camelCase, every timestamp written as toISOString writes it.
    const keys: string[] = [];
    const stamps: string[] = [];
    JSON.stringify(res.body, (key, value: unknown) => {
      if (key) keys.push(key);
      if (/At$/.test(key) && typeof value === 'string') stamps.push(value);
      return value;
    });
    expect(keys.filter((k) => k.includes('_'))).toEqual([]);
    expect(stamps.length).toBeGreaterThan(5);
    for (const stamp of stamps) expect(stamp).toBe(new Date(stamp).toISOString());
  });

  it("exports the caller's own AI usage and sign-in identities under more, and nobody else's", async () => {
    const member = team.users.member;
    for (const [user, model] of [
      [member, 'model-of-the-member'],
      [team.users.owner, 'model-of-the-owner'],
    ] as const) {
      await api.deps.pool.query(
        `insert into ai_usage (user_id, feature, provider, model, cost_micros) values ($1, 'analyse-entry', 'openai', $2, 66)`,
        [user.id, model],
      );
    }
    await api.deps.pool.query(
      `insert into user_identities (user_id, issuer, subject, email) values ($1, 'https://issuer.test', 'sub-member', $2)`,
      [member.id, member.email],
    );
    const res = await http().get(`${V1}/me/export`).set(auth(member));
    expect(res.status).toBe(200);
    const models = res.body.more.aiUsage.map((u: { model: string }) => u.model);
    expect(models).toContain('model-of-the-member');
    expect(models).not.toContain('model-of-the-owner');
    expect(res.body.more.signInIdentities).toEqual([
      expect.objectContaining({ issuer: 'https://issuer.test', subject: 'sub-member', email: member.email }),
    ]);
  });

  it('holds exactly what its contract declares, in every section', async () => {
    const member = team.users.member;
    // A row in every section: the member's own writing, an assignment by the owner, and rows of
    // tables no request here fills.
    const own = await http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(member))
      .send({ title: 'Written for the export' });
    expect(own.status).toBe(201);
    await http()
      .post(`${V1}/tasks/${own.body.id}/comments`)
      .set(auth(member))
      .send({ body: 'A comment for the export' })
      .expect(201);
    await analysed(member, (await write(member, 'Reviewed the export contract. Happy with it!')).id);
    const journal = await http()
      .post(`${V1}/worklog/exports`)
      .set(auth(member))
      .send({ from: '2000-01-01', to: '2000-12-31', kind: 'cv', format: 'md' });
    expect(journal.status).toBe(202);
    await exported(member, journal.body.id);
    await http()
      .post(`${V1}/workspaces/${team.workspaceId}/status-updates`)
      .set(auth(member))
      .send({
        date: '2031-06-16',
        done: 'Typed',
        doing: 'Checking',
        blockers: 'Waiting on the schema',
        mood: 4,
      })
      .expect(201);
    await http()
      .post(`${V1}/workspaces/${team.workspaceId}/decisions`)
      .set(auth(member))
      .send({ title: 'Export decision', context: 'Why', decision: 'What', status: 'accepted' })
      .expect(201);
    const assigned = await http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.owner))
      .send({ title: 'Assigned for the export', assigneeIds: [member.id] });
    expect(assigned.status).toBe(201);
    await api.deps.pool.query(
      `insert into ai_usage (user_id, feature, provider, model, cost_micros) values ($1, 'analyse-entry', 'local', 'rules', 0)`,
      [member.id],
    );
    await api.deps.pool.query(
      `insert into user_identities (user_id, issuer, subject, email) values ($1, 'https://issuer.test', 'sub-contract', $2)`,
      [member.id, member.email],
    );
    // Progress rows as the xp job writes them (its event consumer does not run in this suite).
    await api.deps.pool.query(
      `insert into xp_events (workspace_id, user_id, kind, source_type, source_id, xp, reason, label, local_date, earned_at, detail)
       values ($1, $2, 'task_done', 'task', $3, 10, 'earned', 'Export task', '2031-06-02', now(),
               jsonb_build_object('taskKey', $4::text, 'helped', false, 'points', null))`,
      [team.workspaceId, member.id, assigned.body.id, assigned.body.key],
    );
    await api.deps.pool.query(
      `insert into user_stats (workspace_id, user_id, xp, last_active_date) values ($1, $2, 10, '2031-06-02')`,
      [team.workspaceId, member.id],
    );
    await api.deps.pool.query(
      `insert into user_achievements (workspace_id, user_id, achievement_id, unlocked_at) values ($1, $2, 'first-task', now())`,
      [team.workspaceId, member.id],
    );
    // The assignment notification is written by the dispatch job.
    const end = Date.now() + 20_000;
    let res = await http().get(`${V1}/me/export`).set(auth(member));
    while (!res.body.notifications?.some((n: { taskId: string }) => n.taskId === assigned.body.id)) {
      if (Date.now() > end) throw new Error('no assignment notification in the export');
      await new Promise((r) => setTimeout(r, 100));
      res = await http().get(`${V1}/me/export`).set(auth(member));
    }
    expect(res.status).toBe(200);
    const sections = { ...res.body, ...res.body.worklog, ...res.body.more };
    for (const name of ['memberships', 'tasksCreated', 'comments', 'notifications', 'entries', 'exports'])
      expect([name, sections[name].length > 0]).toEqual([name, true]);
    for (const name of Object.keys(res.body.more))
      expect([name, res.body.more[name].length > 0]).toEqual([name, true]);
    // Parsing drops what a schema does not declare: equal means nothing undeclared, nothing missing.
    expect(AccountExport.parse(res.body)).toEqual(res.body);
  });

  it('refuses a wrong password and the last owner of a shared workspace', async () => {
    const wrong = await http()
      .delete(`${V1}/me`)
      .set(auth(team.users.owner))
      .send({ password: 'not-it-123' });
    expect(wrong.status).toBe(400);
    const last = await http()
      .delete(`${V1}/me`)
      .set(auth(team.users.owner))
      .send({ password: team.users.owner.password });
    expect(last.status).toBe(409);
    expect(last.body.error.details.workspaces[0].id).toBe(team.workspaceId);
  });

  it('deletes the account: journal and tokens gone, comments kept under "Deleted user", login refused', async () => {
    const leaver = await registerUser(api, 'leaver');
    const inv = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/invitations`)
      .set(auth(team.users.owner))
      .send({ email: leaver.email, role: 'member' });
    const token = String(inv.body.inviteUrl).split('/invite/')[1];
    await http().post(`${V1}/invitations/${token}/accept`).set(auth(leaver)).expect(200);
    const comment = await http()
      .post(`${V1}/tasks/${team.taskId}/comments`)
      .set(auth(leaver))
      .send({ body: 'Leaving a note' });
    expect(comment.status).toBe(201);
    await write(leaver, 'My private diary');
    const update = await http()
      .post(`${V1}/workspaces/${team.workspaceId}/status-updates`)
      .set(auth(leaver))
      .send({ date: '2031-05-04', done: 'Wrapped up', doing: 'Handing over', mood: 2 });
    expect(update.status).toBe(201);
    await api.deps.pool.query(
      `insert into xp_events (workspace_id, user_id, kind, source_type, source_id, xp, reason, label, local_date, earned_at)
       select $1, $2, 'status_update', 'status_update', gen_random_uuid(), 5, 'earned', 'Check-in', '2031-05-04', now()`,
      [team.workspaceId, leaver.id],
    );
    // A workspace only they are in goes with them.
    const solo = await http().post(`${V1}/workspaces`).set(auth(leaver)).send({ name: 'Solo space' });

    const res = await http().delete(`${V1}/me`).set(auth(leaver)).send({ password: leaver.password });
    expect(res.status).toBe(204);

    expect(
      (await http().post(`${V1}/auth/login`).send({ email: leaver.email, password: leaver.password })).status,
    ).toBe(401);
    expect((await http().get(`${V1}/auth/me`).set(auth(leaver))).status).toBe(401);
    const rows = async (sql: string) => (await api.deps.pool.query(sql, [leaver.id])).rows[0].n as number;
    expect(await rows('select count(*)::int as n from worklog_entries where user_id = $1')).toBe(0);
    expect(await rows('select count(*)::int as n from refresh_tokens where user_id = $1')).toBe(0);
    expect(await rows('select count(*)::int as n from workspace_members where user_id = $1')).toBe(0);
    expect(await rows('select count(*)::int as n from comments where author_id = $1')).toBe(1);
    // The check-in stays with the team, its mood does not; their progress goes with them.
    expect(
      await rows('select count(*)::int as n from status_updates where user_id = $1 and mood is null'),
    ).toBe(1);
    expect(await rows('select count(*)::int as n from xp_events where user_id = $1')).toBe(0);
    const comments = await http().get(`${V1}/tasks/${team.taskId}/comments`).set(auth(team.users.owner));
    const kept = comments.body.items.find((c: { id: string }) => c.id === comment.body.id);
    expect(kept.author.name).toBe('Deleted user');
    expect((await http().get(`${V1}/workspaces/${solo.body.id}`).set(auth(team.users.owner))).status).toBe(
      404,
    );
    const gone = await api.deps.pool.query('select deleted_at from workspaces where id = $1', [solo.body.id]);
    expect(gone.rows[0].deleted_at).not.toBeNull();
  });
});
