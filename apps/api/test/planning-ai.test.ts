import { AiJob, type NextResult } from '@teamflow/contracts/ai';
import type { MyPatterns } from '@teamflow/contracts/patterns';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { createLogger } from '@teamflow/core/platform/logger';
import { localTimeOf, shiftDate, todayIn } from '@teamflow/core/platform/local-dates';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
// The worker's real runtime and handlers, in-process: the api enqueues, BullMQ delivers, the handler runs.
import { allHandlers } from '../../worker/src/handlers/index';
import { startWorkers, type Runtime } from '../../worker/src/runtime';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';

const logger = createLogger({ level: 'silent', service: 'planning-ai-test' });
let store: IsolatedStore;
let api: TestApi;
let relay: JobRelay;
let runtime: Runtime;

beforeAll(async () => {
  // Its own database and prefix: its relay and worker must not pick up other suites' jobs.
  store = await isolatedStore('planning-ai');
  api = await startApi(store.env);
  relay = createJobRelay({ db: api.deps.db, logger }, api.deps.queues, { idleMs: 20 });
  relay.start();
  runtime = startWorkers({
    redisUrl: api.deps.env.REDIS_URL,
    redisKeyPrefix: api.deps.env.REDIS_KEY_PREFIX,
    logger,
    registrations: allHandlers(api.deps.db, api.deps.env),
  });
});
afterAll(async () => {
  await runtime.close(5000);
  await relay.stop();
  await api.close();
  await store.drop();
});

type Body = Record<string, unknown>;

function client(team: TeamFixture) {
  const member = team.users.member;
  const newTask = async (body: Body, by: TestUser = member) => {
    const res = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(by))
      .send({ assigneeIds: [member.id], ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; key: string; version: number };
  };
  const patch = async (id: string, body: Body) => {
    const current = (await api.http().get(`${V1}/tasks/${id}`).set(auth(member))).body;
    const res = await api
      .http()
      .patch(`${V1}/tasks/${id}`)
      .set(auth(member))
      .send({ version: current.version, ...body });
    expect(res.status).toBe(200);
    return res.body;
  };
  return { member, newTask, patch };
}

/** Polls GET /jobs/:id until the job finishes; every answer is the contract's `AiJob` (its kind's result). */
async function finished(jobId: string, who: TestUser) {
  const end = Date.now() + 20000;
  for (;;) {
    const res = await api.http().get(`${V1}/jobs/${jobId}`).set(auth(who));
    expect(res.status).toBe(200);
    expect(AiJob.safeParse(res.body).error).toBeUndefined();
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    if (Date.now() > end) throw new Error(`job ${jobId} still ${res.body.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('AI "what next"', () => {
  it('ranks the caller’s open assigned tasks by the local scoring rule, with the reasons that put them there', async () => {
    const team = await createTeam(api);
    const { member, newTask, patch } = client(team);
    const today = todayIn('UTC');
    const overdue = await newTask({
      title: 'Fix login outage',
      priority: 'critical',
      dueDate: shiftDate(today, -2),
    });
    const dueTomorrow = await newTask({
      title: 'Write release notes',
      priority: 'medium',
      dueDate: shiftDate(today, 1),
    });
    const blocker = await newTask({ title: 'Refactor API client', priority: 'low' });
    for (const title of ['Use new client in web', 'Use new client in worker']) {
      const waiting = await newTask({ title, assigneeIds: [] }, team.users.admin);
      const dep = await api
        .http()
        .post(`${V1}/tasks/${waiting.id}/dependencies`)
        .set(auth(member))
        .send({ dependsOnTaskId: blocker.id });
      expect(dep.status).toBe(201);
    }
    const started = await newTask({ title: 'Update the docs', priority: 'medium' });
    await patch(started.id, { status: 'in_progress' });
    const waitsOn = await newTask({ title: 'Plan the offsite', priority: 'high' });
    const venue = await newTask({ title: 'Book a venue', assigneeIds: [] }, team.users.admin);
    await api
      .http()
      .post(`${V1}/tasks/${waitsOn.id}/dependencies`)
      .set(auth(member))
      .send({ dependsOnTaskId: venue.id });
    await newTask({ title: 'Tidy the backlog', priority: 'low' });
    const inSprint = await newTask({ title: 'Ship onboarding checklist', priority: 'medium' });
    const sprint = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/sprints`)
      .set(auth(member))
      .send({ name: 'Sprint 9', goal: 'New users finish onboarding' });
    await api
      .http()
      .post(`${V1}/sprints/${sprint.body.id}/tasks`)
      .set(auth(member))
      .send({ taskIds: [inSprint.id] });
    const active = await api
      .http()
      .patch(`${V1}/sprints/${sprint.body.id}`)
      .set(auth(member))
      .send({
        version: (await api.http().get(`${V1}/sprints/${sprint.body.id}`).set(auth(member))).body.version,
        state: 'active',
      });
    expect(active.status).toBe(200);
    // Someone else's urgent task is not the caller's to take.
    await newTask({
      title: 'Admin outage',
      priority: 'critical',
      dueDate: shiftDate(today, -5),
      assigneeIds: [team.users.admin.id],
    });

    const res = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/ai/next`)
      .set(auth(member))
      .send({ provider: 'local' });
    expect(res.status).toBe(202);
    const job = await finished(res.body.jobId, member);
    expect(job).toMatchObject({ state: 'completed', kind: 'next', provider: 'local' });
    const result = job.result as NextResult;
    // 84 = 30 critical + 50 overdue + 2×2 days; 40 = 10 + 30 due tomorrow; 30 = 0 + 2×15 blocking
    // and 30 = 10 + 20 in progress (tie: by key); 25 = 10 + 15 sprint goal. Tidy (0) and the
    // waiting task (20 − 25) fall off the short list.
    expect(result.items.map((i) => [i.title, i.score])).toEqual([
      ['Fix login outage', 84],
      ['Write release notes', 40],
      ['Refactor API client', 30],
      ['Update the docs', 30],
      ['Ship onboarding checklist', 25],
    ]);
    expect(result.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    const reasons = (id: string) => result.items.find((i) => i.taskId === id)!.reasons;
    expect(reasons(overdue.id)).toEqual([
      { kind: 'overdue', text: `Overdue by 2 days (due ${shiftDate(today, -2)})` },
      { kind: 'priority', text: 'Critical priority' },
    ]);
    expect(reasons(dueTomorrow.id)).toEqual([
      { kind: 'due_soon', text: `Due in 1 day (${shiftDate(today, 1)})` },
    ]);
    expect(reasons(blocker.id)[0]).toMatchObject({
      kind: 'blocks_others',
      text: expect.stringMatching(/wait on it$/),
    });
    expect(reasons(started.id)[0]!.kind).toBe('in_progress');
    expect(reasons(inSprint.id)).toEqual([
      { kind: 'sprint_goal', text: 'In the active sprint "Sprint 9": New users finish onboarding' },
    ]);
    expect(result.source).toEqual({ provider: 'local', model: expect.any(String) });

    // The same question within the hour is answered from the cache; another member cannot read it.
    const again = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/ai/next`)
      .set(auth(member))
      .send({ provider: 'local' });
    expect(again.body.jobId).toBe(res.body.jobId);
    const peek = await api.http().get(`${V1}/jobs/${res.body.jobId}`).set(auth(team.users.admin));
    expect(peek.status).toBe(404);
    // A viewer may not ask (ai.use), a stranger learns nothing.
    const viewer = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/ai/next`)
      .set(auth(team.users.viewer))
      .send({});
    expect(viewer.status).toBe(403);
    const stranger = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/ai/next`)
      .set(auth(team.users.stranger))
      .send({});
    expect(stranger.status).toBe(404);
  });

  it("puts a task named in today's check-in above an otherwise equal one, saying why", async () => {
    const team = await createTeam(api);
    const { member, newTask } = client(team);
    const other = await newTask({ title: 'Tidy the backlog', priority: 'medium' });
    const promised = await newTask({ title: 'Answer the support queue', priority: 'medium' });
    const checkIn = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/status-updates`)
      .set(auth(member))
      .send({ date: todayIn('UTC'), done: 'Planning', doing: 'The support queue', taskIds: [promised.id] });
    expect(checkIn.status).toBe(201);
    const res = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/ai/next`)
      .set(auth(member))
      .send({ provider: 'local' });
    expect(res.status).toBe(202);
    const result = (await finished(res.body.jobId, member)).result as NextResult;
    expect(result.items.map((i) => [i.taskId, i.score])).toEqual([
      [promised.id, 25],
      [other.id, 10],
    ]);
    expect(result.items[0]!.reasons).toEqual([
      { kind: 'check_in', text: "You named it in today's check-in" },
    ]);
  });

  it('counts against the workspace’s hourly AI limit like the other features', async () => {
    const limited = await startApi({ ...store.env, RATE_LIMIT_AI_PER_HOUR: '1' });
    try {
      const t = await createTeam(limited);
      const first = await limited
        .http()
        .post(`${V1}/projects/${t.projectId}/ai-summary`)
        .set(auth(t.users.member))
        .send({ provider: 'local' });
      expect(first.status).toBe(202);
      const next = await limited
        .http()
        .post(`${V1}/workspaces/${t.workspaceId}/ai/next`)
        .set(auth(t.users.member))
        .send({ provider: 'local' });
      expect(next.status).toBe(429);
      expect(next.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    } finally {
      await limited.close();
    }
  });
});

describe('My patterns', () => {
  it('shows the caller when they finish, points vs time, cycle time and blocking, in their own zone', async () => {
    const team = await createTeam(api);
    const { member, newTask, patch } = client(team);
    const zone = 'Asia/Tokyo';
    expect((await api.http().patch(`${V1}/auth/me`).set(auth(member)).send({ timeZone: zone })).status).toBe(
      200,
    );
    const hoursAgo = [2, 10, 30];
    const points = [1, 3, 8];
    for (let i = 0; i < 3; i++) {
      const t = await newTask({
        title: `Pointed task ${i}`,
        storyPoints: points[i],
        priority: i === 2 ? 'high' : 'low',
      });
      await api.deps.pool.query(
        `update tasks set created_at = now() - make_interval(hours => $2) where id = $1`,
        [t.id, hoursAgo[i]],
      );
      await patch(t.id, { status: 'done' });
    }
    const held = await newTask({ title: 'Held up task' });
    await patch(held.id, { status: 'blocked' });
    await patch(held.id, { status: 'done' });

    const res = await api.http().get(`${V1}/me/patterns`).set(auth(member));
    expect(res.status).toBe(200);
    const p = res.body as MyPatterns;
    const today = todayIn(zone);
    expect(p).toMatchObject({ from: shiftDate(today, -29), to: today, timeZone: zone });
    expect(p.finished.total).toBe(4);
    expect(p.finished.busiestHour).toBe(Number(localTimeOf(new Date(), zone).slice(0, 2)));
    expect(p.estimates.byPoints.map((b) => b.points)).toEqual([1, 3, 8]);
    expect(p.estimates.agreement).toBe(1);
    expect(p.cycleTime.map((c) => c.priority)).toEqual(['high', 'medium', 'low']);
    expect(p.cycleTime[0]!.medianHours).toBeCloseTo(30, 0);
    expect(p.blocked).toMatchObject({ tasks: 1, times: 1 });
    expect(p.summary).toContain('You finished 4 tasks');
    expect(p.summary).toContain('track the time tasks spend in progress well');
    expect(p.source.provider).toBe('local');
  });

  it('is private: others see only their own work, and nobody is named in the request', async () => {
    const team = await createTeam(api);
    const { newTask, patch } = client(team);
    const t = await newTask({ title: 'Private work' });
    await patch(t.id, { status: 'done' });
    const mine = await api.http().get(`${V1}/me/patterns`).set(auth(team.users.member));
    expect(mine.body.finished.total).toBe(1);
    for (const other of [team.users.owner, team.users.admin, team.users.stranger]) {
      const theirs = await api.http().get(`${V1}/me/patterns`).set(auth(other));
      expect(theirs.status).toBe(200);
      expect(theirs.body.finished.total).toBe(0);
      expect(theirs.body.summary).toMatch(/^You finished no tasks/);
    }
    // There is no route that names another person's patterns.
    const named = await api
      .http()
      .get(`${V1}/users/${team.users.member.id}/patterns`)
      .set(auth(team.users.owner));
    expect(named.status).toBe(404);
    expect((await api.http().get(`${V1}/me/patterns`)).status).toBe(401);
  });

  it('refuses a reversed or over-long range with 400 on from', async () => {
    const team = await createTeam(api);
    const reversed = await api
      .http()
      .get(`${V1}/me/patterns?from=2026-05-02&to=2026-05-01`)
      .set(auth(team.users.member));
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0].field).toBe('from');
    const long = await api
      .http()
      .get(`${V1}/me/patterns?from=2024-01-01&to=2026-01-01`)
      .set(auth(team.users.member));
    expect(long.status).toBe(400);
  });
});
