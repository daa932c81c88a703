import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AiJob } from '@teamflow/contracts/ai';
import { sendCheckInReminders } from '@teamflow/core/check-ins/send-check-in-reminders';
import { runDueDigests } from '@teamflow/core/digests/run-due-digests';
import { generateDigest } from '@teamflow/core/digests/generate-digest';
import { finishJob, stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { createLogger } from '@teamflow/core/platform/logger';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
import { burndownJob, digestJob, sendEmailJob } from '@teamflow/queue/jobs';
import { FakeProviderServer, OPENAI_CHAT, openAiCompletion } from '@teamflow/ai/testing/fake-providers';
// The worker's real runtime and handlers, in-process: the api stages, the relay enqueues, BullMQ delivers.
import { allHandlers } from '../../worker/src/handlers/index';
import { startWorkers, type Runtime } from '../../worker/src/runtime';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';
import { cursorOf, expectPagingRefused } from './list-paging';

let api: TestApi;
let team: TeamFixture;
// OpenAI's wire format on loopback, answered to the real SDK.
const fake = new FakeProviderServer();
beforeAll(async () => {
  await fake.start();
  api = await startApi();
  team = await createTeam(api);
});
afterAll(async () => {
  await api.close();
  await fake.stop();
});

const post = (user: TestUser, body: Record<string, unknown>) =>
  api.http().post(`${V1}/workspaces/${team.workspaceId}/status-updates`).set(auth(user)).send(body);
const setZone = (user: TestUser, timeZone: string) =>
  api.http().patch(`${V1}/auth/me`).set(auth(user)).send({ timeZone }).expect(200);
const digestRows = async (workspaceId: string, date: string) =>
  (
    await api.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from daily_summaries where workspace_id = ${workspaceId} and date = ${date}`,
    )
  ).rows[0]!.n;
const readyEvents = async (workspaceId: string) =>
  (
    await api.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where workspace_id = ${workspaceId} and type = 'DIGEST_READY'`,
    )
  ).rows[0]!.n;

describe('the daily digest', () => {
  it('shows the day without anyone’s mood, and the average only from 3 moods up', async () => {
    const date = '2032-03-01';
    await post(team.users.owner, { date, done: 'Planned', doing: 'x', mood: 4 });
    await post(team.users.admin, { date, done: 'Reviewed', doing: 'x', mood: 2 });
    const { digest } = await generateDigest(api.deps, team.workspaceId, date);
    expect(digest.sections.moodAverage).toBeNull();
    expect(digest.sections.moodCount).toBe(2);
    expect(digest.sections.updates).toHaveLength(2);
    for (const u of digest.sections.updates) expect(u).not.toHaveProperty('mood');
    expect(digest.sections.missing.map((p) => p.id)).toEqual([team.users.member.id]);
    expect(JSON.stringify(digest)).not.toMatch(/"mood"/);

    const third = '2032-03-02';
    await post(team.users.owner, { date: third, done: 'a', doing: 'x', mood: 4 });
    await post(team.users.admin, { date: third, done: 'b', doing: 'x', mood: 2 });
    await post(team.users.member, { date: third, done: 'c', doing: 'x', mood: 3 });
    const full = await generateDigest(api.deps, team.workspaceId, third);
    expect(full.digest.sections.moodAverage).toBe(3);
    const read = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/digests/${third}`)
      .set(auth(team.users.viewer));
    expect(read.status).toBe(200);
    expect(read.body.sections.updates.every((u: object) => !('mood' in u))).toBe(true);
  });

  it('says the local AI provider wrote the summary when no key is set, and the template when digestAi is off', async () => {
    const { digest } = await generateDigest(api.deps, team.workspaceId, '2032-03-03');
    expect(digest.provider).toBe('local');
    expect(digest.summary).toContain('## Digest for 2032-03-03');
    await api
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}/check-ins/settings`)
      .set(auth(team.users.owner))
      .send({ digestAi: false });
    const again = await generateDigest(api.deps, team.workspaceId, '2032-03-04');
    expect(again.digest.provider).toBe('template');
    await api
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}/check-ins/settings`)
      .set(auth(team.users.owner))
      .send({ digestAi: true });
  });

  it('writes a day once under two concurrent runs, and regenerating keeps one row', async () => {
    const date = '2032-03-05';
    const results = await Promise.all([
      generateDigest(api.deps, team.workspaceId, date),
      generateDigest(api.deps, team.workspaceId, date),
    ]);
    expect(results.filter((r) => r.written)).toHaveLength(1);
    expect(await digestRows(team.workspaceId, date)).toBe(1);
    const before = await readyEvents(team.workspaceId);
    await generateDigest(api.deps, team.workspaceId, date, { force: true });
    await generateDigest(api.deps, team.workspaceId, date, { force: true });
    expect(await digestRows(team.workspaceId, date)).toBe(1);
    expect(await readyEvents(team.workspaceId)).toBe(before + 2);
  });

  it('answers regenerate with 202 and a job id (owners and admins only), and 404 for a day without a digest', async () => {
    const path = `${V1}/workspaces/${team.workspaceId}/digests/2032-03-06`;
    const res = await api.http().post(`${path}/regenerate`).set(auth(team.users.admin));
    expect(res.status).toBe(202);
    expect(res.body.jobId).toMatch(/^outbox-\d+$/);
    expect((await api.http().post(`${path}/regenerate`).set(auth(team.users.member))).status).toBe(403);
    expect((await api.http().get(path).set(auth(team.users.member))).status).toBe(404);
    const bad = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/digests/2032-13-40`)
      .set(auth(team.users.member));
    expect(bad.status).toBe(400);
  });

  it('shows a regenerate no worker has taken yet at GET /jobs/:jobId as queued, to every member and nobody else', async () => {
    const date = '2032-03-07';
    const res = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/digests/${date}/regenerate`)
      .set(auth(team.users.owner))
      .expect(202);
    const path = `${V1}/jobs/${res.body.jobId}`;
    // No relay runs in this suite: the job waits in the outbox.
    for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
      const read = await api.http().get(path).set(auth(team.users[role]));
      expect(read.status).toBe(200);
      expect(read.body).toEqual({
        id: res.body.jobId,
        kind: 'digest',
        subjectId: team.workspaceId,
        state: 'queued',
        progress: 0,
        provider: null,
        createdAt: expect.any(String),
        finishedAt: null,
      });
      expect(AiJob.safeParse(read.body).error).toBeUndefined();
    }
    expect((await api.http().get(path).set(auth(team.users.stranger))).status).toBe(404);
    const other = await createTeam(api);
    const foreign = await api.http().get(path).set(auth(other.users.owner));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    expect((await api.http().get(path)).status).toBe(401);
  });

  it('answers GET /jobs/:jobId only for the outbox jobs it hands out: another outbox job is 404, a malformed id 400', async () => {
    const get = (jobId: string) => api.http().get(`${V1}/jobs/${jobId}`).set(auth(team.users.owner));
    const missing = await get('outbox-999999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    for (const jobId of ['outbox-0', 'outbox-007', `outbox-${'9'.repeat(40)}`])
      expect((await get(jobId)).status).toBe(404);
    // Jobs staged by other features, even one whose payload names this very workspace.
    const email = await stageJob(api.deps.db, sendEmailJob, {
      to: team.users.owner.email,
      subject: 'Hello',
      text: 'Hello',
      html: '<p>Hello</p>',
      template: 'invitation',
    });
    const burndown = await stageJob(api.deps.db, burndownJob, {
      workspaceId: team.workspaceId,
      sprintId: randomUUID(),
    });
    for (const { jobId } of [email, burndown]) expect((await get(jobId)).status).toBe(404);
    for (const jobId of ['not-a-job', 'outbox-', 'outbox-12a', 'outbox--1', '123']) {
      const bad = await get(jobId);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_ERROR');
      expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['jobId']);
    }
  });

  it('shows a regenerate the worker gave up on as failed, with an error that names no internals', async () => {
    const jobId = await api.deps.db.transaction(async (tx) => {
      const staged = await stageJob(tx, digestJob, {
        workspaceId: team.workspaceId,
        date: '2032-03-07',
        force: true,
      });
      await finishJob(tx, Number(staged.jobId.slice('outbox-'.length)), 'failed');
      return staged.jobId;
    });
    const res = await api.http().get(`${V1}/jobs/${jobId}`).set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: jobId,
      kind: 'digest',
      state: 'failed',
      progress: 0,
      error: { code: 'INTERNAL_ERROR', message: expect.any(String) },
      finishedAt: expect.any(String),
    });
    expect(res.body).not.toHaveProperty('result');
    expect(AiJob.safeParse(res.body).error).toBeUndefined();
  });

  it('lists digests newest day first in pages of 50 by default, like every list; a cursor not naming the list is a 400', async () => {
    const t = await createTeam(api);
    await generateDigest(api.deps, t.workspaceId, '2034-01-01');
    // 54 more days, copied from that one (generating each would only repeat the same work).
    await api.deps.db.execute(sql`
      insert into daily_summaries (workspace_id, date, provider, summary, sections, generated_at)
      select workspace_id, date + g, provider, summary, sections, generated_at
      from daily_summaries, generate_series(1, 54) g
      where workspace_id = ${t.workspaceId} and date = '2034-01-01'`);
    const path = `${V1}/workspaces/${t.workspaceId}/digests`;
    const first = await api.http().get(path).set(auth(t.users.viewer));
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.items[0].date).toBe('2034-02-24');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await api
      .http()
      .get(path)
      .query({ cursor: first.body.nextCursor })
      .set(auth(t.users.viewer));
    expect(rest.body.items.map((d: { date: string }) => d.date)).toEqual([
      '2034-01-05',
      '2034-01-04',
      '2034-01-03',
      '2034-01-02',
      '2034-01-01',
    ]);
    expect(rest.body.nextCursor).toBeNull();
    // No other list pages by a date alone: a day without the list's name stands for another
    // list's cursor of the same shape.
    await expectPagingRefused(api, t.users.viewer, path, cursorOf(['2034-01-05']));
  });

  it("is made by the schedule after digestTime in the workspace's zone, once", async () => {
    // 2032-03-08 is a Monday. 17:30 in Berlin (UTC+1) is 16:30 UTC.
    await api
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}`)
      .set(auth(team.users.owner))
      .send({ timeZone: 'Europe/Berlin' })
      .expect(200);
    await runDueDigests(api.deps, { now: new Date('2032-03-08T15:30:00Z') }); // 16:30 Berlin: too early
    expect(await digestRows(team.workspaceId, '2032-03-08')).toBe(0);
    await Promise.all([
      runDueDigests(api.deps, { now: new Date('2032-03-08T16:30:00Z') }),
      runDueDigests(api.deps, { now: new Date('2032-03-08T16:30:00Z') }),
    ]);
    await runDueDigests(api.deps, { now: new Date('2032-03-08T16:45:00Z') });
    expect(await digestRows(team.workspaceId, '2032-03-08')).toBe(1);
    const list = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/digests`)
      .set(auth(team.users.viewer));
    expect(list.body.items[0].date).toBe('2032-03-08');
  });
});

describe('a regenerate run by the worker, followed at GET /jobs/:jobId', () => {
  // Its own database and prefix: its relay and worker must not take jobs other suites stage.
  let store: IsolatedStore;
  let wapi: TestApi;
  let t: TeamFixture;
  let relay: JobRelay;
  let runtime: Runtime;
  beforeAll(async () => {
    store = await isolatedStore('digest_jobs');
    wapi = await startApi(store.env);
    const logger = createLogger({ level: 'silent', service: 'digest-jobs-test' });
    relay = createJobRelay({ db: wapi.deps.db, logger }, wapi.deps.queues, { idleMs: 20 });
    relay.start();
    runtime = startWorkers({
      redisUrl: wapi.deps.env.REDIS_URL,
      redisKeyPrefix: wapi.deps.env.REDIS_KEY_PREFIX,
      logger,
      db: wapi.deps.db,
      registrations: allHandlers(wapi.deps.db, wapi.deps.env),
    });
    t = await createTeam(wapi);
  });
  afterAll(async () => {
    await runtime.close(5000);
    await relay.stop();
    await wapi.close();
    await store.drop();
  });

  const regenerate = async (date: string) =>
    (
      await wapi
        .http()
        .post(`${V1}/workspaces/${t.workspaceId}/digests/${date}/regenerate`)
        .set(auth(t.users.admin))
        .expect(202)
    ).body.jobId as string;
  /** Polls GET /jobs/:jobId (as `who`) until `state`; every answer must be the contract's `AiJob`. */
  async function until(jobId: string, state: string, who = t.users.viewer) {
    const end = Date.now() + 20000;
    for (;;) {
      const res = await wapi.http().get(`${V1}/jobs/${jobId}`).set(auth(who));
      expect(res.status).toBe(200);
      expect(AiJob.safeParse(res.body).error).toBeUndefined();
      if (res.body.state === state) return res.body as Record<string, unknown>;
      if (res.body.state === 'completed' || res.body.state === 'failed' || Date.now() > end)
        throw new Error(`job ${jobId} is ${res.body.state}, waited for ${state}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const digestOf = async (date: string) =>
    (
      await wapi
        .http()
        .get(`${V1}/workspaces/${t.workspaceId}/digests/${date}`)
        .set(auth(t.users.viewer))
        .expect(200)
    ).body as { generatedAt: string };

  it("completes with the day it regenerated, and the day's digest is newer", async () => {
    const date = '2032-07-01';
    await generateDigest(wapi.deps, t.workspaceId, date);
    const before = await digestOf(date);
    const jobId = await regenerate(date);
    const job = await until(jobId, 'completed');
    expect(job).toEqual({
      id: jobId,
      kind: 'digest',
      subjectId: t.workspaceId,
      state: 'completed',
      progress: 100,
      result: { date },
      provider: null,
      createdAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    const after = await digestOf(date);
    expect(Date.parse(after.generatedAt)).toBeGreaterThan(Date.parse(before.generatedAt));
    expect(Date.parse(String(job.finishedAt))).toBeGreaterThanOrEqual(Date.parse(String(job.createdAt)));

    // Fenced like an AI job: another workspace's member and a stranger get 404, no token 401.
    const other = await createTeam(wapi);
    for (const who of [other.users.member, other.users.owner, t.users.stranger]) {
      const res = await wapi.http().get(`${V1}/jobs/${jobId}`).set(auth(who));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await wapi.http().get(`${V1}/jobs/${jobId}`)).status).toBe(401);
  });

  it('is active while the worker runs it', async () => {
    const date = '2032-07-02';
    await generateDigest(wapi.deps, t.workspaceId, date);
    // Holding the day's row makes the worker wait inside the job, at the write that replaces it.
    const holder = await wapi.deps.pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from daily_summaries where workspace_id = $1 and date = $2 for update', [
        t.workspaceId,
        date,
      ]);
      const jobId = await regenerate(date);
      const active = await until(jobId, 'active', t.users.member);
      expect(active).toMatchObject({ state: 'active', progress: 0, finishedAt: null });
      expect(active).not.toHaveProperty('result');
      await holder.query('rollback');
      expect((await until(jobId, 'completed', t.users.member)).result).toEqual({ date });
    } finally {
      await holder.query('rollback').catch(() => undefined);
      holder.release();
    }
  });
});

describe('the team-mood trend alert', () => {
  it('tells owners and admins only, once, when the average stays below 2.5 for 3 days', async () => {
    const days = ['2033-01-01', '2033-01-02', '2033-01-03'];
    for (const date of days) {
      await post(team.users.owner, { date, done: 'x', doing: 'y', mood: 2 });
      await post(team.users.admin, { date, done: 'x', doing: 'y', mood: 2 });
      await post(team.users.member, { date, done: 'x', doing: 'y', mood: 3 });
    }
    await generateDigest(api.deps, team.workspaceId, days[0]!);
    await generateDigest(api.deps, team.workspaceId, days[1]!);
    const alerts = async () =>
      (
        await api.deps.db.execute<{ user_id: string; data: Record<string, unknown> }>(
          sql`select user_id, data from notifications where type = 'mood_trend' and workspace_id = ${team.workspaceId}`,
        )
      ).rows;
    expect(await alerts()).toEqual([]);
    await generateDigest(api.deps, team.workspaceId, days[2]!);
    await generateDigest(api.deps, team.workspaceId, days[2]!, { force: true });
    const sent = await alerts();
    expect(sent.map((a) => a.user_id).sort()).toEqual([team.users.owner.id, team.users.admin.id].sort());
    expect(sent[0]!.data).toEqual({ date: '2033-01-03', moodAverage: 2.3 });
  });
});

describe('check-in reminders', () => {
  const reminders = async (userId: string) =>
    (
      await api.deps.db.execute<{ dedupe_key: string }>(
        sql`select dedupe_key from notifications where user_id = ${userId} and type = 'check_in_reminder' order by dedupe_key`,
      )
    ).rows.map((r) => r.dedupe_key);

  it('counts each member’s day in their own zone: 23:30 in Los Angeles is already tomorrow in Berlin', async () => {
    const { owner, admin, member } = team.users;
    await setZone(admin, 'America/Los_Angeles');
    await setZone(member, 'Europe/Berlin');
    await setZone(owner, 'Asia/Tokyo');
    await api
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}/check-ins/settings`)
      .set(auth(owner))
      .send({ reminderTime: '08:00', days: [1, 2, 3, 4, 5, 6, 7] });
    // Tuesday 2032-03-09 23:30 in Los Angeles = Wednesday 2032-03-10 08:30 in Berlin = 16:30 in Tokyo.
    const now = new Date('2032-03-10T07:30:00Z');
    await post(owner, { date: '2032-03-10', done: 'x', doing: 'y' }); // Tokyo already posted
    await Promise.all([sendCheckInReminders(api.deps, { now }), sendCheckInReminders(api.deps, { now })]);
    expect(await reminders(admin.id)).toContain(`check_in_reminder:${team.workspaceId}:2032-03-09`);
    expect(await reminders(member.id)).toContain(`check_in_reminder:${team.workspaceId}:2032-03-10`);
    expect((await reminders(member.id)).filter((k) => k.endsWith('2032-03-10'))).toHaveLength(1);
    expect((await reminders(owner.id)).filter((k) => k.endsWith('2032-03-10'))).toEqual([]);
  });

  it('sends no reminder to a member who is away that day, nor before their reminder time', async () => {
    const { member, admin } = team.users;
    await api
      .http()
      .put(`${V1}/me/away`)
      .set(auth(member))
      .send({ ranges: [{ from: '2032-03-11', to: '2032-03-12' }] });
    await sendCheckInReminders(api.deps, { now: new Date('2032-03-11T10:00:00Z') }); // 11:00 Berlin
    expect((await reminders(member.id)).filter((k) => k.endsWith('2032-03-11'))).toEqual([]);
    // 02:00 in Los Angeles on the 11th: before 08:00.
    expect((await reminders(admin.id)).filter((k) => k.endsWith('2032-03-11'))).toEqual([]);
  });
});

describe('the digest by email', () => {
  const digestMails = async (emails: string[]) =>
    (
      await api.deps.db.execute<{ to: string; subject: string; text: string; html: string }>(
        sql`select payload->>'to' as "to", payload->>'subject' as subject, payload->>'text' as text,
                   payload->>'html' as html
            from job_outbox where queue = 'email' and payload->>'template' = 'daily-digest'
              and payload->>'to' = any(${sql.param(emails)}::text[])`,
      )
    ).rows;
  const setDigestEmail = (user: TestUser, email: boolean) =>
    api
      .http()
      .put(`${V1}/notifications/preferences`)
      .set(auth(user))
      .send({ items: [{ type: 'daily_digest', inApp: false, email }] })
      .expect(200);

  it('emails the day once to each member who opted in, with its figures and a link, never a mood; regenerating sends no second one', async () => {
    const t = await createTeam(api);
    const emails = Object.values(t.users).map((u) => u.email);
    await setDigestEmail(t.users.member, true);
    await setDigestEmail(t.users.admin, false);
    // The owner and the viewer never chose: the digest email is off by default.
    const date = '2032-05-03';
    const postAs = (user: TestUser, body: Record<string, unknown>) =>
      api
        .http()
        .post(`${V1}/workspaces/${t.workspaceId}/status-updates`)
        .set(auth(user))
        .send(body)
        .expect(201);
    await postAs(t.users.owner, { date, done: 'Shipped the importer', doing: 'Docs', mood: 5 });
    await postAs(t.users.member, { date, done: 'Fixed the login page', doing: 'Tests', mood: 1 });

    // Two workers at once, then two regenerates.
    await Promise.all([
      generateDigest(api.deps, t.workspaceId, date),
      generateDigest(api.deps, t.workspaceId, date),
    ]);
    await generateDigest(api.deps, t.workspaceId, date, { force: true });
    await generateDigest(api.deps, t.workspaceId, date, { force: true });

    const mails = await digestMails(emails);
    expect(mails.map((m) => m.to)).toEqual([t.users.member.email]);
    const mail = mails[0]!;
    expect(mail.subject).toContain(date);
    expect(mail.text).toContain(`## Digest for ${date}`);
    expect(mail.text).toContain('**Check-ins:** 2 updates');
    expect(mail.text).toContain('**Blockers:** 0 opened');
    const link = `${api.deps.env.WEB_ORIGIN}/w/${t.workspaceId}/digest?date=${date}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link.replace(/&/g, '&#38;')}"`);
    // Two moods are below the quorum: no average, and no one's own mood, anywhere in the mail.
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/mood/i);
  });

  it("sends a member who opts in later that day's email on the next write, still only once", async () => {
    const t = await createTeam(api);
    const date = '2032-05-04';
    await generateDigest(api.deps, t.workspaceId, date);
    expect(await digestMails([t.users.viewer.email])).toEqual([]);
    await setDigestEmail(t.users.viewer, true);
    await generateDigest(api.deps, t.workspaceId, date, { force: true });
    await generateDigest(api.deps, t.workspaceId, date, { force: true });
    expect((await digestMails([t.users.viewer.email])).map((m) => m.to)).toEqual([t.users.viewer.email]);
  });
});

describe('the digest summary through a paid provider', () => {
  const paid = () => ({
    db: api.deps.db,
    reads: api.deps.reads,
    env: {
      ...api.deps.env,
      AI_PROVIDER: 'openai' as const,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: fake.openAiBaseUrl,
      AI_MAX_RETRIES: 0,
    },
  });
  const usage = async (workspaceId: string) =>
    (
      await api.deps.db.execute<{ feature: string; provider: string; model: string; cost_micros: number }>(
        sql`select feature, provider, model, cost_micros::int from ai_usage where workspace_id = ${workspaceId}`,
      )
    ).rows;
  const answer = openAiCompletion(
    JSON.stringify({
      summary: 'A calm day: the importer shipped.',
      highlights: ['Importer shipped'],
      risks: [],
    }),
  );
  beforeEach(() => fake.reset());

  it("records the digest's usage and cost like the other AI features, and says OpenAI wrote it", async () => {
    const t = await createTeam(api);
    fake.script(OPENAI_CHAT, answer);
    const { digest } = await generateDigest(paid(), t.workspaceId, '2032-06-01');
    expect(digest.provider).toBe('openai');
    expect(digest.summary).toContain('A calm day: the importer shipped.');
    expect(fake.count(OPENAI_CHAT)).toBe(1);
    // 120 prompt and 80 completion tokens of gpt-4o-mini: 120 × 0.15 + 80 × 0.6 = 66 micro-dollars.
    expect(await usage(t.workspaceId)).toEqual([
      { feature: 'digest', provider: 'openai', model: 'gpt-4o-mini', cost_micros: 66 },
    ]);
    const report = await api
      .http()
      .get(`${V1}/workspaces/${t.workspaceId}/ai/usage`)
      .set(auth(t.users.owner));
    expect(report.status).toBe(200);
    expect(report.body.byFeature).toEqual([expect.objectContaining({ feature: 'digest', calls: 1 })]);
  });

  it('writes the summary with the local model once the budget is spent, makes no paid call, and says local wrote it', async () => {
    const t = await createTeam(api);
    await api
      .http()
      .put(`${V1}/workspaces/${t.workspaceId}/ai/budget`)
      .set(auth(t.users.owner))
      .send({ monthlyBudgetUsd: 0 })
      .expect(200);
    fake.script(OPENAI_CHAT, answer);
    const { digest } = await generateDigest(paid(), t.workspaceId, '2032-06-02');
    expect(digest.provider).toBe('local');
    expect(digest.summary).not.toContain('A calm day');
    expect(fake.count(OPENAI_CHAT)).toBe(0);
    expect((await usage(t.workspaceId)).filter((u) => u.provider !== 'local')).toEqual([]);
    const read = await api
      .http()
      .get(`${V1}/workspaces/${t.workspaceId}/digests/2032-06-02`)
      .set(auth(t.users.viewer));
    expect(read.body.provider).toBe('local');
  });
});
