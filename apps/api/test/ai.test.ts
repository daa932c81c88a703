import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { createLogger } from '@teamflow/core/platform/logger';
import { todayIn } from '@teamflow/core/platform/local-dates';
import { OUTPUTS } from '@teamflow/ai/remote.provider';
import { AiJob } from '@teamflow/contracts/ai';
import {
  ANTHROPIC_MESSAGES,
  anthropicToolUse,
  conceptEmbeddings,
  FakeProviderServer,
  OPENAI_CHAT,
  openAiCompletion,
  OPENAI_EMBEDDINGS,
  openAiError,
} from '@teamflow/ai/testing/fake-providers';
// The worker's real runtime and handlers, in-process: the api enqueues, BullMQ delivers, the handler runs.
import { allHandlers } from '../../worker/src/handlers/index';
import { startWorkers, type Runtime } from '../../worker/src/runtime';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
import {
  auth,
  createTeam,
  startApi,
  V1,
  whileTaskInsertFails,
  type TeamFixture,
  type TestApi,
} from './harness';

const fake = new FakeProviderServer();
let api: TestApi;
let team: TeamFixture;
let relay: JobRelay;
let runtime: Runtime;

const suggestions = (prefix: string) =>
  JSON.stringify({
    suggestions: [1, 2, 3, 4].map((n) => ({
      title: `${prefix} step ${n}`,
      description: `Do part ${n}`,
      estimatedHours: n,
      confidence: 0.5 + n / 10,
      order: n,
    })),
  });

let store: IsolatedStore;
beforeAll(async () => {
  await fake.start();
  // Its own database and prefix: its relay and worker must not pick up AI jobs other suites stage.
  store = await isolatedStore('ai');
  api = await startApi({
    ...store.env,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.openAiBaseUrl,
    ANTHROPIC_API_KEY: 'sk-ant-test',
    ANTHROPIC_BASE_URL: fake.anthropicBaseUrl,
    AI_MAX_RETRIES: '1',
    AI_FALLBACK_TO_LOCAL: 'false',
  });
  const logger = createLogger({ level: 'silent', service: 'ai-test' });
  relay = createJobRelay({ db: api.deps.db, logger }, api.deps.queues, { idleMs: 20 });
  relay.start();
  runtime = startWorkers({
    redisUrl: api.deps.env.REDIS_URL,
    redisKeyPrefix: api.deps.env.REDIS_KEY_PREFIX,
    logger,
    registrations: allHandlers(api.deps.db, api.deps.env),
  });
  team = await createTeam(api);
});
afterAll(async () => {
  await runtime.close(5000);
  await relay.stop();
  await api.close();
  await fake.stop();
  await store.drop();
});
beforeEach(() => fake.reset());

async function newTask(title: string, extra: Record<string, unknown> = {}) {
  const res = await api
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(team.users.member))
    .send({ title, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; key: string };
}

/**
 * Polls GET /jobs/:id (as `who`) until the job finishes. Every answer must be the contract's
 * `AiJob`: a finished job's `result` is the result of its `kind`, as the OpenAPI document says.
 */
async function finished(jobId: string, who = team.users.member) {
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

const usageRows = async (jobId: string) =>
  (
    await api.deps.pool.query(
      `select provider, model, feature, prompt_tokens, completion_tokens, cost_micros, cached from ai_usage where job_id = $1 order by created_at`,
      [jobId],
    )
  ).rows;

describe('AI breakdown through the queue', () => {
  it('answers 202 with a job, the worker asks OpenAI, and GET /jobs shows the suggestions with their source and usage', async () => {
    fake.script(OPENAI_CHAT, openAiCompletion(suggestions('OAuth')));
    const task = await newTask('Build login page with OAuth');
    const res = await api
      .http()
      .post(`${V1}/tasks/${task.id}/ai-breakdown`)
      .set(auth(team.users.member))
      .send({});
    expect(res.status).toBe(202);
    const job = await finished(res.body.jobId);
    expect(job).toMatchObject({ state: 'completed', progress: 100, kind: 'breakdown', provider: 'openai' });
    expect(job.result.source).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(job.result.suggestions).toHaveLength(4);
    // The prompt carried the task, and the request the answer's JSON Schema (strict Structured Outputs).
    expect(JSON.stringify(fake.received[0]!.body)).toContain('Build login page with OAuth');
    expect(fake.received[0]!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'task_breakdown', strict: true, schema: OUTPUTS.breakdown.jsonSchema },
    });
    const rows = await usageRows(res.body.jobId);
    expect(rows).toEqual([
      expect.objectContaining({
        provider: 'openai',
        model: 'gpt-4o-mini',
        feature: 'breakdown',
        prompt_tokens: 120,
        completion_tokens: 80,
        cached: false,
      }),
    ]);
    // gpt-4o-mini: 120 × $0.15/M + 80 × $0.60/M = 66 micro-dollars.
    expect(Number(rows[0].cost_micros)).toBe(66);

    // The viewer may read the result; a stranger learns nothing.
    expect((await api.http().get(`${V1}/jobs/${res.body.jobId}`).set(auth(team.users.viewer))).status).toBe(
      200,
    );
    const hidden = await api.http().get(`${V1}/jobs/${res.body.jobId}`).set(auth(team.users.stranger));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
  });

  it('answers a repeat within the hour from the cache, with no second provider call', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiCompletion(suggestions('Cache')));
    const task = await newTask('Write the release notes');
    const first = await api
      .http()
      .post(`${V1}/tasks/${task.id}/ai-breakdown`)
      .set(auth(team.users.member))
      .send({});
    await finished(first.body.jobId);
    expect(fake.count(OPENAI_CHAT)).toBe(1);
    const again = await api
      .http()
      .post(`${V1}/tasks/${task.id}/ai-breakdown`)
      .set(auth(team.users.owner))
      .send({});
    expect(again.status).toBe(202);
    expect(again.body.jobId).toBe(first.body.jobId);
    const job = (await api.http().get(`${V1}/jobs/${again.body.jobId}`).set(auth(team.users.owner))).body;
    expect(job.state).toBe('completed');
    expect(fake.count(OPENAI_CHAT)).toBe(1);
    expect((await usageRows(first.body.jobId)).map((r) => r.cached)).toEqual([false, true]);
  });

  it('creates the picked suggestions as sub-tasks in one go', async () => {
    fake.script(OPENAI_CHAT, openAiCompletion(suggestions('Pick')));
    const task = await newTask('Set up billing exports');
    const { jobId } = (
      await api.http().post(`${V1}/tasks/${task.id}/ai-breakdown`).set(auth(team.users.member)).send({})
    ).body;
    await finished(jobId);
    const res = await api
      .http()
      .post(`${V1}/tasks/${task.id}/ai-breakdown/accept`)
      .set(auth(team.users.member))
      .send({ jobId, indexes: [2, 0] });
    expect(res.status).toBe(201);
    expect(res.body.items.map((t: { title: string }) => t.title)).toEqual(['Pick step 1', 'Pick step 3']);
    const children = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks`)
      .query({ parentId: task.id })
      .set(auth(team.users.member));
    expect(children.body.items.map((t: { title: string }) => t.title).sort()).toEqual([
      'Pick step 1',
      'Pick step 3',
    ]);
    expect(children.body.items[0].description).toMatch(/Suggested by openai gpt-4o-mini/);
  });

  it('creates none of the picked sub-tasks when one of them fails to insert', async () => {
    fake.script(OPENAI_CHAT, openAiCompletion(suggestions('Atomic')));
    const task = await newTask('Migrate the reports');
    const { jobId } = (
      await api.http().post(`${V1}/tasks/${task.id}/ai-breakdown`).set(auth(team.users.member)).send({})
    ).body;
    await finished(jobId);
    // A real database failure on the third insert.
    const res = await whileTaskInsertFails(api, 'Atomic step 4', () =>
      api
        .http()
        .post(`${V1}/tasks/${task.id}/ai-breakdown/accept`)
        .set(auth(team.users.member))
        .send({ jobId, indexes: [0, 1, 3] }),
    );
    expect(res.status).toBe(500);
    const children = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks`)
      .query({ parentId: task.id })
      .set(auth(team.users.member));
    expect(children.body.items).toEqual([]);
  });

  it('falls back to Anthropic when OpenAI answers 5xx', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(500, 'server_error'));
    fake.script(ANTHROPIC_MESSAGES, anthropicToolUse('task_breakdown', JSON.parse(suggestions('Fallback'))));
    const task = await newTask('Add CSV import');
    const { jobId } = (
      await api.http().post(`${V1}/tasks/${task.id}/ai-breakdown`).set(auth(team.users.member)).send({})
    ).body;
    const job = await finished(jobId);
    expect(job.state).toBe('completed');
    expect(job.result.source).toEqual({ provider: 'anthropic', model: 'claude-3-5-haiku-latest' });
    // The answer came as the forced tool call's input.
    expect(job.result.suggestions.map((s: { title: string }) => s.title)).toEqual([
      'Fallback step 1',
      'Fallback step 2',
      'Fallback step 3',
      'Fallback step 4',
    ]);
    expect(fake.count(ANTHROPIC_MESSAGES)).toBe(1);
    expect(fake.received.find((r) => r.path === ANTHROPIC_MESSAGES)!.body).toMatchObject({
      tools: [{ name: 'task_breakdown', input_schema: OUTPUTS.breakdown.jsonSchema }],
      tool_choice: { type: 'tool', name: 'task_breakdown' },
    });
  });

  it("stores where the local model's suggestions came from: a phrase of the description or a playbook", async () => {
    const task = await newTask('Add Stripe checkout to the web shop', {
      description: 'It needs a payment form, refunds for support and receipt emails.',
    });
    const { jobId } = (
      await api
        .http()
        .post(`${V1}/tasks/${task.id}/ai-breakdown`)
        .set(auth(team.users.member))
        .send({ provider: 'local' })
    ).body;
    const job = await finished(jobId);
    expect(job.result.source.provider).toBe('local');
    const suggestions = job.result.suggestions as { title: string; origin: unknown }[];
    expect(suggestions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: 'Build the payment form',
          origin: { kind: 'description', phrase: 'a payment form' },
        }),
        expect.objectContaining({ origin: { kind: 'playbook', playbook: 'a third-party integration' } }),
      ]),
    );
    expect(fake.received).toHaveLength(0);
  });

  it('fails the job clearly when both providers are down and local fallback is off', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(503, 'server_error'));
    fake.fallback(ANTHROPIC_MESSAGES, () => ({
      status: 529,
      body: { type: 'error', error: { type: 'overloaded_error', message: 'x' } },
    }));
    const task = await newTask('Rotate the API keys');
    const { jobId } = (
      await api.http().post(`${V1}/tasks/${task.id}/ai-breakdown`).set(auth(team.users.member)).send({})
    ).body;
    const job = await finished(jobId);
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('AI_PROVIDER_UNAVAILABLE');
  });

  it('retries malformed output once, then fails the job with AI_OUTPUT_INVALID', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiCompletion('{"suggestions": "three of them"}'));
    const task = await newTask('Localise the app');
    const { jobId } = (
      await api.http().post(`${V1}/tasks/${task.id}/ai-breakdown`).set(auth(team.users.member)).send({})
    ).body;
    const job = await finished(jobId);
    expect(job.state).toBe('failed');
    expect(job.error.code).toBe('AI_OUTPUT_INVALID');
    expect(fake.count(OPENAI_CHAT)).toBe(2);
    expect(await usageRows(jobId)).toHaveLength(2);
  });
});

describe('AI budget, limits, prioritisation and usage', () => {
  it('refuses paid AI with 402 AI_BUDGET_EXCEEDED once the owner budget is spent, while the local model still works', async () => {
    const t = await createTeam(api);
    const set = await api
      .http()
      .put(`${V1}/workspaces/${t.workspaceId}/ai/budget`)
      .set(auth(t.users.owner))
      .send({ monthlyBudgetUsd: 0 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ budgetUsd: 0, overBudget: true });
    const refused = await api
      .http()
      .post(`${V1}/tasks/${t.taskId}/ai-breakdown`)
      .set(auth(t.users.member))
      .send({});
    expect(refused.status).toBe(402);
    expect(refused.body.error.code).toBe('AI_BUDGET_EXCEEDED');
    const local = await api
      .http()
      .post(`${V1}/tasks/${t.taskId}/ai-breakdown`)
      .set(auth(t.users.member))
      .send({ provider: 'local' });
    expect(local.status).toBe(202);
    const job = await finished(local.body.jobId, t.users.member);
    expect(job.result.source.provider).toBe('local');
    expect(fake.received).toHaveLength(0);
    const byAdmin = await api
      .http()
      .put(`${V1}/workspaces/${t.workspaceId}/ai/budget`)
      .set(auth(t.users.admin))
      .send({ monthlyBudgetUsd: 5 });
    expect(byAdmin.status).toBe(403);
  });

  it("judges a project's backlog on the project's today when it has its own zone", async () => {
    const t = await createTeam(api);
    // UTC−11 and UTC+14 are 25 hours apart: their dates differ at every instant.
    await api
      .http()
      .patch(`${V1}/workspaces/${t.workspaceId}`)
      .set(auth(t.users.owner))
      .send({ timeZone: 'Pacific/Pago_Pago' })
      .expect(200);
    const project = (await api.http().get(`${V1}/projects/${t.projectId}`).set(auth(t.users.owner))).body;
    await api
      .http()
      .patch(`${V1}/projects/${t.projectId}`)
      .set(auth(t.users.owner))
      .send({ version: project.version, timeZone: 'Pacific/Kiritimati' })
      .expect(200);
    const res = await api
      .http()
      .post(`${V1}/projects/${t.projectId}/ai-prioritize`)
      .set(auth(t.users.member))
      .send({ provider: 'local' });
    expect(res.status).toBe(202);
    const input = await api.deps.pool.query(
      `select input->'data'->>'today' as today from ai_jobs where id = $1`,
      [res.body.jobId],
    );
    expect(input.rows[0].today).toBe(todayIn('Pacific/Kiritimati'));
  });

  it('ranks the backlog with reasons: the overdue critical task others wait on comes first', async () => {
    const t = await createTeam(api);
    const mk = async (title: string, extra: Record<string, unknown> = {}) =>
      (
        await api
          .http()
          .post(`${V1}/projects/${t.projectId}/tasks`)
          .set(auth(t.users.member))
          .send({ title, ...extra })
      ).body as { id: string; key: string };
    const blocker = await mk('Fix the auth outage', { priority: 'critical', dueDate: '2020-01-01' });
    const waiting = await mk('Add SSO', { priority: 'high' });
    await mk('Polish footer', { priority: 'low' });
    await api
      .http()
      .post(`${V1}/tasks/${waiting.id}/dependencies`)
      .set(auth(t.users.member))
      .send({ dependsOnTaskId: blocker.id });
    const res = await api
      .http()
      .post(`${V1}/projects/${t.projectId}/ai-prioritize`)
      .set(auth(t.users.member))
      .send({ provider: 'local' });
    expect(res.status).toBe(202);
    const job = await finished(res.body.jobId, t.users.member);
    expect(job.result.source.provider).toBe('local');
    const items = job.result.items as { key: string; rank: number; reason: string }[];
    expect(items[0]).toMatchObject({ key: blocker.key, rank: 1 });
    expect(items[0]!.reason).toMatch(/overdue by \d+ days/i);
    expect(items[0]!.reason).toContain('critical priority');
    expect(items[0]!.reason).toContain(`${waiting.key} waits on it`);
    expect(items.at(-1)!.key).not.toBe(blocker.key);

    const summary = await api
      .http()
      .post(`${V1}/projects/${t.projectId}/ai-summary`)
      .set(auth(t.users.admin))
      .send({ provider: 'local' });
    const s = await finished(summary.body.jobId, t.users.admin);
    expect(s.result.summary).toMatch(/4 tasks/);
    expect(s.result.risks.join(' ')).toContain(`Overdue: ${blocker.key}`);
  });

  it('answers 429 with Retry-After once a workspace passes RATE_LIMIT_AI_PER_HOUR', async () => {
    const limited = await startApi({ RATE_LIMIT_AI_PER_HOUR: '2' });
    try {
      const t = await createTeam(limited);
      // Three different requests (a repeat could be answered from the cache, which is not limited).
      const call = (path: string) =>
        limited.http().post(`${V1}${path}`).set(auth(t.users.member)).send({ provider: 'local' });
      expect((await call(`/projects/${t.projectId}/ai-summary`)).status).toBe(202);
      expect((await call(`/projects/${t.projectId}/ai-prioritize`)).status).toBe(202);
      const third = await call(`/tasks/${t.taskId}/ai-breakdown`);
      expect(third.status).toBe(429);
      expect(third.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', requestId: expect.any(String) });
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('reports usage this month by provider and feature against the budget', async () => {
    const res = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/ai/usage`)
      .set(auth(team.users.owner));
    expect(res.status).toBe(200);
    expect(res.body.budgetUsd).toBe(10);
    expect(res.body.provider).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(res.body.totals.calls).toBeGreaterThanOrEqual(5);
    expect(res.body.totals.cachedCalls).toBeGreaterThanOrEqual(1);
    expect(res.body.spentUsd).toBeGreaterThan(0);
    expect(res.body.byProvider.map((p: { provider: string }) => p.provider)).toEqual(
      expect.arrayContaining(['openai', 'anthropic']),
    );
    expect(res.body.byFeature).toEqual([expect.objectContaining({ feature: 'breakdown' })]);
    // Everyone in the workspace sees usage (so they know why paid AI paused); only the owner sets the budget.
    const byViewer = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/ai/usage`)
      .set(auth(team.users.viewer));
    expect(byViewer.status).toBe(200);
  });
});

// A stand-in embedding model: one dimension per concept (see `conceptEmbeddings`).
const byConcept = conceptEmbeddings([
  ['login', 'sign', 'signin', 'oauth', 'password', 'account'],
  ['broken', 'fails', 'failing', 'cannot', 'error', 'crash'],
  ['revenue', 'report', 'quarterly', 'sales'],
  ['page', 'screen', 'button'],
]);
const embeddingInputs = () =>
  fake.received.filter((r) => r.path === OPENAI_EMBEDDINGS).map((r) => r.body.input as string[]);

describe('duplicate detection while a task is typed', () => {
  const duplicates = (t: TeamFixture, title: string) =>
    api.http().post(`${V1}/projects/${t.projectId}/ai-duplicates`).set(auth(t.users.member)).send({ title });
  const mk = async (t: TeamFixture, title: string) => {
    const res = await api
      .http()
      .post(`${V1}/projects/${t.projectId}/tasks`)
      .set(auth(t.users.member))
      .send({ title });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  /** Waits until the worker's ai/embed-tasks job has embedded every open task of the project. */
  async function embedded(t: TeamFixture) {
    const end = Date.now() + 15000;
    for (;;) {
      const { rows } = await api.deps.pool.query(
        `select count(*)::int as missing from tasks t
         left join embeddings e on e.entity_id = t.id and e.model = 'text-embedding-3-small@256'
         where t.project_id = $1 and t.deleted_at is null and e.id is null`,
        [t.projectId],
      );
      if (rows[0].missing === 0) return;
      if (Date.now() > end) throw new Error(`${rows[0].missing} tasks still without an embedding`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** A team whose tasks the worker has embedded; the first check (words only) asks for it. */
  async function embeddedTeam(...titles: string[]) {
    const t = await createTeam(api);
    for (const title of titles) await mk(t, title);
    fake.fallback(OPENAI_EMBEDDINGS, byConcept);
    expect((await duplicates(t, 'anything at all')).status).toBe(200);
    await embedded(t);
    return t;
  }

  it('before any embeddings exist, lists open tasks sharing words, ranked by the local term vectors', async () => {
    const t = await createTeam(api);
    await mk(t, 'OAuth login page for customers');
    await mk(t, 'Quarterly revenue report');
    fake.fallback(OPENAI_EMBEDDINGS, byConcept);
    const res = await duplicates(t, 'Build the login page with OAuth');
    expect(res.status).toBe(200);
    expect(res.body.items).toMatchObject([{ title: 'OAuth login page for customers', matchedBy: ['words'] }]);
    expect(res.body.items[0].similarity).toBeGreaterThan(0.5);
    expect(res.body.source.provider).toBe('local');
    await embedded(t); // the check asked the worker to embed the project; let it finish here
  });

  it('finds a task worded differently by meaning once the worker has embedded the project, and says OpenAI did', async () => {
    const t = await createTeam(api);
    await mk(t, 'Users cannot sign in');
    await mk(t, 'Quarterly revenue report');
    fake.fallback(OPENAI_EMBEDDINGS, byConcept);

    // No shared words, nothing embedded yet: nothing to show, and the project's embedding is asked for.
    const before = await duplicates(t, 'Login is broken');
    expect(before.body).toMatchObject({ items: [], source: { provider: 'local' } });
    await embedded(t);
    // One batch for the project's three open tasks (the fixture's first task too), shortened vectors asked for.
    expect(fake.received.find((r) => r.path === OPENAI_EMBEDDINGS)!.body).toMatchObject({
      model: 'text-embedding-3-small',
      dimensions: 256,
    });
    expect(embeddingInputs()).toEqual([
      expect.arrayContaining(['Users cannot sign in\n', 'Quarterly revenue report\n', 'First task\n']),
    ]);

    const after = await duplicates(t, 'Login is broken');
    expect(after.status).toBe(200);
    expect(after.body.source).toEqual({ provider: 'openai', model: 'text-embedding-3-small' });
    expect(after.body.items).toMatchObject([{ title: 'Users cannot sign in', matchedBy: ['meaning'] }]);
    expect(after.body.items[0].similarity).toBeGreaterThan(0.9);

    // The same text again within the hour: the same answer, no second call for it.
    const calls = fake.count(OPENAI_EMBEDDINGS);
    expect((await duplicates(t, 'Login is broken')).body.items).toEqual(after.body.items);
    expect(fake.count(OPENAI_EMBEDDINGS)).toBe(calls);

    const { rows } = await api.deps.pool.query(
      `select provider, model, prompt_tokens, cost_micros from ai_usage where workspace_id = $1 and feature = 'duplicates'`,
      [t.workspaceId],
    );
    expect(rows).toHaveLength(2); // the project batch and the typed text
    for (const row of rows) {
      expect(row).toMatchObject({ provider: 'openai', model: 'text-embedding-3-small', prompt_tokens: 8 });
      expect(Number(row.cost_micros)).toBeGreaterThan(0);
    }
  });

  it('re-embeds only the task whose wording changed, and the check then finds it by its new meaning', async () => {
    const t = await embeddedTeam('Users cannot sign in', 'Quarterly revenue report');
    const { rows } = await api.deps.pool.query(
      `select id, version from tasks where project_id = $1 and title = 'Quarterly revenue report'`,
      [t.projectId],
    );
    const edit = await api
      .http()
      .patch(`${V1}/tasks/${rows[0].id}`)
      .set(auth(t.users.member))
      .send({ title: 'Sign-in button fails', version: rows[0].version });
    expect(edit.status).toBe(200);
    fake.reset();
    fake.fallback(OPENAI_EMBEDDINGS, byConcept);

    const end = Date.now() + 15000;
    let titles: string[] = [];
    while (!titles.includes('Sign-in button fails') && Date.now() < end) {
      const res = await duplicates(t, 'Login is broken');
      titles = res.body.items.map((i: { title: string }) => i.title);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(titles).toEqual(expect.arrayContaining(['Users cannot sign in', 'Sign-in button fails']));
    expect(embeddingInputs()).toContainEqual(['Sign-in button fails\n']);
    expect(embeddingInputs().flat()).not.toContain('Users cannot sign in\n');
  });

  it('answers from words when the embedding provider fails', async () => {
    const t = await embeddedTeam('OAuth login page for customers');
    fake.reset();
    fake.fallback(OPENAI_EMBEDDINGS, () => openAiError(500, 'server_error'));
    const res = await duplicates(t, 'Build the login page with OAuth');
    expect(res.status).toBe(200);
    expect(res.body.source.provider).toBe('local');
    expect(res.body.items).toMatchObject([{ title: 'OAuth login page for customers', matchedBy: ['words'] }]);
    expect(fake.count(OPENAI_EMBEDDINGS)).toBe(1);
  });

  it('makes no paid embedding call once the budget is spent, and still answers from words', async () => {
    const t = await embeddedTeam('OAuth login page for customers');
    const budget = await api
      .http()
      .put(`${V1}/workspaces/${t.workspaceId}/ai/budget`)
      .set(auth(t.users.owner))
      .send({ monthlyBudgetUsd: 0 });
    expect(budget.status).toBe(200);
    fake.reset();
    fake.fallback(OPENAI_EMBEDDINGS, byConcept);
    const res = await duplicates(t, 'Build the login page with OAuth');
    expect(res.body.source.provider).toBe('local');
    expect(res.body.items).toMatchObject([{ title: 'OAuth login page for customers', matchedBy: ['words'] }]);
    expect(fake.count(OPENAI_EMBEDDINGS)).toBe(0);
  });
});
