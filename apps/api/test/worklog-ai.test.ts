import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { createLogger } from '@teamflow/core/platform/logger';
import {
  conceptEmbeddings,
  FakeProviderServer,
  OPENAI_CHAT,
  openAiCompletion,
  OPENAI_EMBEDDINGS,
  openAiError,
} from '@teamflow/ai/testing/fake-providers';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
// The worker's real runtime and handlers, in-process: the api stages, BullMQ delivers, the handler runs.
import { allHandlers } from '../../worker/src/handlers/index';
import { startWorkers, type Runtime } from '../../worker/src/runtime';
import { auth, registerUser, startApi, V1, type TestApi, type TestUser } from './harness';

// The work log with an OpenAI key: the real `openai` SDK against a local server speaking OpenAI's
// wire format (chat completions with a strict schema, embeddings in base64).
const fake = new FakeProviderServer();
let api: TestApi;
let relay: JobRelay;
let runtime: Runtime;
let store: IsolatedStore;

// Each person's own monthly budget: $0.0002 = 200 micro-dollars. One analysis by gpt-4o-mini
// (120 prompt + 80 completion tokens) costs 66, an embedding (8 tokens) 1.
const BUDGET_USD = '0.0002';

beforeAll(async () => {
  await fake.start();
  store = await isolatedStore('worklog_ai');
  api = await startApi({
    ...store.env,
    AI_PROVIDER: 'auto',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.openAiBaseUrl,
    ANTHROPIC_API_KEY: '',
    AI_MAX_RETRIES: '0',
    AI_FALLBACK_TO_LOCAL: 'true',
    AI_MONTHLY_BUDGET_USD: BUDGET_USD,
  });
  const logger = createLogger({ level: 'silent', service: 'worklog-ai-test' });
  relay = createJobRelay({ db: api.deps.db, logger }, api.deps.queues, { idleMs: 20 });
  relay.start();
  runtime = startWorkers({
    redisUrl: api.deps.env.REDIS_URL,
    redisKeyPrefix: api.deps.env.REDIS_KEY_PREFIX,
    logger,
    registrations: allHandlers(api.deps.db, api.deps.env),
  });
}, 60_000);
afterAll(async () => {
  await runtime.close(5000);
  await relay.stop();
  await api.close();
  await fake.stop();
  await store.drop();
});

// The model's answer for any entry: valid for the strict schema (optional fields as null).
const modelAnalysis = JSON.stringify({
  sentiment: { score: 0.6, label: 'positive' },
  projects: [],
  skills: ['Go'],
  achievements: [{ text: 'Quenched the flimmer', impact: null, metric: null }],
  themes: ['flimmer'],
});
// A stand-in embedding model, one dimension per concept (see `conceptEmbeddings`), on made-up
// words the local word vectors do not know: only OpenAI's vectors can match them.
const byConcept = conceptEmbeddings([
  ['zorblat', 'vexnor'],
  ['roadmap', 'quarterly', 'planned'],
]);
const embedded = () =>
  fake.received.filter((r) => r.path === OPENAI_EMBEDDINGS).flatMap((r) => r.body.input as string[]);

function providersWork() {
  fake.reset();
  fake.fallback(OPENAI_CHAT, () => openAiCompletion(modelAnalysis));
  fake.fallback(OPENAI_EMBEDDINGS, byConcept);
}

async function write(user: TestUser, body: string) {
  const res = await api.http().post(`${V1}/worklog/entries`).set(auth(user)).send({ body });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

/** Polls the entry until its analysis is done (the job is debounced after the last save). */
async function analysed(user: TestUser, entryId: string) {
  const end = Date.now() + 20_000;
  for (;;) {
    const res = await api.http().get(`${V1}/worklog/entries/${entryId}`).set(auth(user));
    if (res.body.analysis?.status === 'done') return res.body as { analysis: { provider: string } };
    if (Date.now() > end) throw new Error(`analysis of ${entryId} still ${res.body.analysis?.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const search = (user: TestUser, q: string) =>
  api.http().get(`${V1}/worklog/search`).query({ q }).set(auth(user));

async function personalUsage(userId: string) {
  const { rows } = await api.deps.pool.query(
    `select feature, provider, model, cost_micros::int as cost from ai_usage
     where user_id = $1 and workspace_id is null order by created_at`,
    [userId],
  );
  return rows as { feature: string; provider: string; model: string; cost: number }[];
}

describe('work-log search with an OpenAI key', () => {
  it('embeds entries with OpenAI, filed under the model, and finds by those vectors what the local ones cannot', async () => {
    providersWork();
    const user = await registerUser(api, 'wl-openai');
    const zorblat = await write(user, 'Zorblat quenched the flimmer before lunch.');
    const roadmap = await write(user, 'Planned the quarterly roadmap with the team.');
    for (const e of [zorblat, roadmap]) expect((await analysed(user, e.id)).analysis.provider).toBe('openai');
    expect(embedded()).toEqual(
      expect.arrayContaining([
        'Zorblat quenched the flimmer before lunch.',
        'Planned the quarterly roadmap with the team.',
      ]),
    );
    const { rows } = await api.deps.pool.query(
      `select distinct entry_id, model from worklog_vectors where user_id = $1 order by model`,
      [user.id],
    );
    expect(rows.filter((r) => r.entry_id === zorblat.id).map((r) => r.model)).toEqual([
      'text-embedding-3-small@256',
      // "flimmer" and "lunch" are words the local vectors know: the entry has both kinds.
      'wink-sg-100d-40k-mean-v1',
    ]);

    // "vexnor" shares no word with the entry, and the local word vectors know neither word.
    const res = await search(user, 'vexnor');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      type: 'entry',
      id: zorblat.id,
      matchedBy: 'meaning',
      source: { provider: 'openai', model: 'text-embedding-3-small' },
    });
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(roadmap.id);
    expect(embedded()).toContain('vexnor');

    // Paid calls are the author's own: no workspace, cost recorded.
    const usage = await personalUsage(user.id);
    expect(usage.filter((u) => u.feature === 'analyse-entry')).toEqual([
      expect.objectContaining({ provider: 'openai', model: 'gpt-4o-mini', cost: 66 }),
      expect.objectContaining({ provider: 'openai', model: 'gpt-4o-mini', cost: 66 }),
    ]);
    expect(usage.filter((u) => u.feature === 'worklog-search')).toHaveLength(3); // two entries, one query
    expect(usage.every((u) => u.feature !== 'worklog-search' || u.cost > 0)).toBe(true);
  });

  it('answers by the local word vectors when the embedding provider fails, and says so', async () => {
    providersWork();
    const user = await registerUser(api, 'wl-fails');
    const outage = await write(
      user,
      'The payments service went down for an hour this morning and customers could not check out.',
    );
    const interview = await write(
      user,
      'Interviewed two candidates for the backend role and wrote feedback.',
    );
    for (const e of [outage, interview]) await analysed(user, e.id);

    fake.reset();
    fake.fallback(OPENAI_EMBEDDINGS, () => openAiError(500, 'server_error'));
    const res = await search(user, 'outage');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      type: 'entry',
      id: outage.id,
      matchedBy: 'meaning',
      source: { provider: 'local', model: 'wink-sg-100d-40k-mean-v1' },
    });
    expect(fake.count(OPENAI_EMBEDDINGS)).toBe(1);
  });
});

describe('work-log AI on the author’s own budget', () => {
  it('records each paid analysis as the author’s usage; once their budget is spent the local rules answer, and the analysis says so', async () => {
    providersWork();
    const user = await registerUser(api, 'wl-budget');
    const providers: string[] = [];
    // 66 + 1 micro-dollars an entry (analysis, then its embedding): the third's analysis brings
    // the month to 200, so its embedding is not made, and the fourth is analysed locally.
    for (const n of [1, 2, 3, 4]) {
      const entry = await write(user, `Shipped release ${n} of the zorblat service, customers happy.`);
      providers.push((await analysed(user, entry.id)).analysis.provider);
    }
    expect(providers).toEqual(['openai', 'openai', 'openai', 'local']);
    expect(fake.count(OPENAI_CHAT)).toBe(3);
    expect(fake.count(OPENAI_EMBEDDINGS)).toBe(2);

    const usage = await personalUsage(user.id);
    const analyses = usage.filter((u) => u.feature === 'analyse-entry');
    expect(analyses.map((u) => [u.provider, u.cost])).toEqual([
      ['openai', 66],
      ['openai', 66],
      ['openai', 66],
      ['local', 0],
    ]);
    // None of it lands on a workspace's bill.
    const { rows } = await api.deps.pool.query(
      `select count(*)::int as n from ai_usage where user_id = $1 and workspace_id is not null`,
      [user.id],
    );
    expect(rows[0].n).toBe(0);

    // The search query is not embedded either: the local vectors answer.
    const calls = fake.count(OPENAI_EMBEDDINGS);
    const res = await search(user, 'release shipped');
    expect(res.status).toBe(200);
    expect(fake.count(OPENAI_EMBEDDINGS)).toBe(calls);
  });
});
