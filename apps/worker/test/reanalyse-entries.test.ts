import { randomUUID } from 'node:crypto';
import { LOCAL_MODEL } from '@teamflow/ai/local/local.provider';
import {
  FakeProviderServer,
  OPENAI_CHAT,
  openAiCompletion,
  OPENAI_EMBEDDINGS,
  openAiEmbeddings,
} from '@teamflow/ai/testing/fake-providers';
import type { Env } from '@teamflow/config/env';
import { reanalyseEntriesJob } from '@teamflow/queue/jobs';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { registerSchedules, SCHEDULES } from '@teamflow/queue/schedules';
import { allHandlers } from '../src/handlers/index';
import { startWorkers, type Runtime } from '../src/runtime';
import { isolatedSuite, quietLogger, until } from './support';

/**
 * maintenance/reanalyse-entries through real BullMQ, on a database of its own: work-log analyses
 * stored by older local rules are read again with the current ones, a bounded batch per run, by
 * the local rules alone. The worker has an OpenAI key (a local server speaking OpenAI's wire
 * format, which answers anything it is asked): a re-read that asked it would be seen.
 */
const OLD_LOCAL_MODEL = 'wink-eng-lite-rules-v2';
const FRUSTRATING = 'Budget meeting ran long and nothing got decided. Frustrating.';
const DAY = '2026-03-03';

const fake = new FakeProviderServer();
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let queues: Queues;
let runtime: Runtime;

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await suite.db.pool.query(text, params)).rows as T[];

beforeAll(async () => {
  await fake.start();
  fake.fallback(OPENAI_CHAT, () =>
    openAiCompletion(
      JSON.stringify({
        sentiment: { score: 0.9, label: 'positive' },
        projects: [],
        skills: [],
        achievements: [],
        themes: [],
      }),
    ),
  );
  fake.fallback(OPENAI_EMBEDDINGS, (request) => openAiEmbeddings(request, [[1, 0]]));
  suite = await isolatedSuite('wreanalyse');
  const env: Env = {
    ...suite.env,
    AI_PROVIDER: 'auto',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: fake.openAiBaseUrl,
    ANTHROPIC_API_KEY: undefined,
    AI_MAX_RETRIES: 0,
  };
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
  runtime = startWorkers({
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    registrations: allHandlers(suite.db.db, env).filter((r) => r.def.queue === 'maintenance'),
  });
}, 60_000);

afterAll(async () => {
  await runtime?.close(5000);
  for (const queue of Object.values(queues ?? {}))
    await queue.obliterate({ force: true }).catch(() => undefined);
  if (queues) await closeQueues(queues);
  await suite?.db.close();
  await suite?.drop();
  await fake.stop();
});

beforeEach(async () => {
  fake.received.length = 0;
  await q(`delete from worklog_entries`);
});

async function person(): Promise<string> {
  const [row] = await q<{ id: string }>(
    `insert into users (email, name) values ($1, 'Writer') returning id`,
    [`writer-${randomUUID()}@example.test`],
  );
  return row!.id;
}

/** An entry with the analysis some provider stored for it back then (its day rolled up with it). */
async function analysedEntry(
  userId: string,
  body: string,
  by: { provider: string; model: string; analysedMinutesAgo?: number },
): Promise<string> {
  const [entry] = await q<{ id: string }>(
    `insert into worklog_entries (user_id, date, body) values ($1, $2, $3) returning id`,
    [userId, DAY, body],
  );
  await q(
    `insert into worklog_insights (entry_id, user_id, status, provider, model, sentiment_score, sentiment_label,
       skills, achievements, content_hash, analysed_at)
     select e.id, e.user_id, 'done', $2, $3, 0.6, 'positive', '{Budgeting}', '[{"text": "Budget meeting ran long"}]',
       encode(sha256(convert_to(e.body || E'\\n' || array_to_string(e.tags, ','), 'UTF8')), 'hex'),
       now() - make_interval(mins => $4)
     from worklog_entries e where e.id = $1`,
    [entry!.id, by.provider, by.model, by.analysedMinutesAgo ?? 60],
  );
  return entry!.id;
}

const insightOf = async (entryId: string) =>
  (
    await q<{
      status: string;
      provider: string;
      model: string;
      sentiment_label: string;
      sentiment_score: number;
      skills: string[];
      achievements: unknown[];
      updated_at: Date;
    }>(`select * from worklog_insights where entry_id = $1`, [entryId])
  )[0]!;

const analysedEvents = async (entryId: string) =>
  (
    await q<{ n: number }>(
      `select count(*)::int as n from outbox where type = 'WORKLOG_ENTRY_ANALYSED' and entity_id = $1`,
      [entryId],
    )
  )[0]!.n;

/** One run of the job, as its scheduler starts it; its summary once BullMQ has stored it. */
async function runBatch(batchSize: number) {
  const id = await enqueue(queues, reanalyseEntriesJob, { batchSize });
  await until(
    async () => (await queues.maintenance.getJobState(id)) === 'completed',
    20_000,
    'the re-read to complete',
  );
  return (await queues.maintenance.getJob(id))!.returnvalue as Record<string, number>;
}

describe('maintenance/reanalyse-entries', () => {
  it("reads an older local analysis again: the current rules' mood and model, its day in insights with them, and nothing asked of OpenAI", async () => {
    const userId = await person();
    const entryId = await analysedEntry(userId, FRUSTRATING, { provider: 'local', model: OLD_LOCAL_MODEL });
    // An embedding stored with an OpenAI key at the time: the re-read makes no new one and keeps it.
    await q(
      `insert into worklog_vectors (entry_id, user_id, model, part, vector, norm2)
       values ($1, $2, 'openai:earlier-embedding', 0, '(1, 0)'::cube, 1)`,
      [entryId, userId],
    );
    const dayBefore = await q(`select analysed, sentiment_sum from worklog_days where user_id = $1`, [
      userId,
    ]);
    expect(dayBefore).toEqual([{ analysed: 1, sentiment_sum: expect.closeTo(0.6, 5) }]);

    expect(await runBatch(200)).toEqual({ found: 1, done: 1, changed: 0, gone: 0, failed: 0 });

    const insight = await insightOf(entryId);
    expect(insight).toMatchObject({
      status: 'done',
      provider: 'local',
      model: LOCAL_MODEL,
      sentiment_label: 'negative',
      skills: [],
      achievements: [],
    });
    const [day] = await q<{ analysed: number; sentiment_sum: number }>(
      `select analysed, sentiment_sum from worklog_days where user_id = $1 and date = $2`,
      [userId, DAY],
    );
    expect(day!.analysed).toBe(1);
    expect(day!.sentiment_sum).toBeCloseTo(insight.sentiment_score, 5);
    expect(day!.sentiment_sum).toBeLessThan(0);
    expect(await analysedEvents(entryId)).toBe(1);
    const vectors = await q<{ model: string }>(
      `select distinct model from worklog_vectors where entry_id = $1 order by model`,
      [entryId],
    );
    expect(vectors.map((v) => v.model)).toEqual(['openai:earlier-embedding', 'wink-sg-100d-40k-mean-v1']);
    expect(fake.received).toEqual([]);
    const usage = await q<{ provider: string }>(`select provider from ai_usage where user_id = $1`, [userId]);
    expect(usage).toEqual([{ provider: 'local' }]);
    // Read by the current rules now: the next run leaves it be.
    expect(await runBatch(200)).toMatchObject({ found: 0 });
  });

  it("leaves an analysis by a remote provider alone, whatever its model's name", async () => {
    const userId = await person();
    const entryId = await analysedEntry(userId, FRUSTRATING, {
      provider: 'openai',
      model: 'gpt-4o-mini-2024-07-18',
    });
    const before = await insightOf(entryId);

    expect(await runBatch(200)).toMatchObject({ found: 0 });

    expect(await insightOf(entryId)).toEqual(before);
    expect(await analysedEvents(entryId)).toBe(0);
    expect(fake.received).toEqual([]);
  });

  it('does not store its read over an edit saved while it was reading: the edit stays pending for its own analysis', async () => {
    const userId = await person();
    const entryId = await analysedEntry(userId, FRUSTRATING, { provider: 'local', model: OLD_LOCAL_MODEL });
    // An autosave (updateEntry's writes) that has not committed yet when the re-read reads the body.
    const editor = await suite.db.pool.connect();
    try {
      await editor.query('begin');
      await editor.query(
        `update worklog_entries set body = 'Shipped it. Proud of it.', version = version + 1 where id = $1`,
        [entryId],
      );
      await editor.query(`update worklog_insights set status = 'pending', error = null where entry_id = $1`, [
        entryId,
      ]);
      const batch = runBatch(200);
      // The re-read read the old body and now waits for the edit's lock on the analysis row.
      await until(
        async () =>
          (
            await q<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity
               where datname = current_database() and wait_event_type = 'Lock' and query ilike '%insert into worklog_insights%'`,
            )
          )[0]!.n === 1,
        20_000,
        'the re-read to wait for the edit',
      );
      await editor.query('commit');
      expect(await batch).toEqual({ found: 1, done: 0, changed: 1, gone: 0, failed: 0 });
    } finally {
      editor.release();
    }

    expect(await insightOf(entryId)).toMatchObject({
      status: 'pending',
      model: OLD_LOCAL_MODEL,
      sentiment_label: 'positive',
    });
    expect(await analysedEvents(entryId)).toBe(0);
  });

  it('reads at most its batch per run, the longest-analysed first', async () => {
    const userId = await person();
    // Analysed 50, 40, 30, 20 and 10 minutes ago.
    const entries: string[] = [];
    for (const minutes of [50, 40, 30, 20, 10])
      entries.push(
        await analysedEntry(userId, `${FRUSTRATING} (${minutes})`, {
          provider: 'local',
          model: OLD_LOCAL_MODEL,
          analysedMinutesAgo: minutes,
        }),
      );
    const readAgain = async () =>
      (await Promise.all(entries.map(insightOf))).map((insight) => insight.model === LOCAL_MODEL);

    expect(await runBatch(2)).toEqual({ found: 2, done: 2, changed: 0, gone: 0, failed: 0 });
    expect(await readAgain()).toEqual([true, true, false, false, false]);
    expect(await runBatch(2)).toMatchObject({ found: 2, done: 2 });
    expect(await readAgain()).toEqual([true, true, true, true, false]);
    expect(await runBatch(2)).toMatchObject({ found: 1, done: 1 });
    expect(await readAgain()).toEqual([true, true, true, true, true]);
  });

  it('is scheduled hourly and also runs as soon as the schedules are registered', async () => {
    const userId = await person();
    const entryId = await analysedEntry(userId, FRUSTRATING, { provider: 'local', model: OLD_LOCAL_MODEL });
    const schedule = SCHEDULES.find((s) => s.job === reanalyseEntriesJob)!;
    try {
      await registerSchedules(queues, [schedule]);
      await until(
        async () => (await insightOf(entryId)).model === LOCAL_MODEL,
        20_000,
        'the re-read at registration',
      );
      expect(await queues.maintenance.getJobScheduler(schedule.id)).toMatchObject({
        pattern: '41 * * * *',
        tz: 'UTC',
        name: 'reanalyse-entries',
      });
      // After the run at registration, the next one waits for the hour's tick.
      const [next] = await queues.maintenance.getDelayed();
      expect(next?.opts.repeat?.pattern).toBe('41 * * * *');
      expect(new Date(next!.timestamp + next!.delay).getUTCMinutes()).toBe(41);
    } finally {
      await queues.maintenance.removeJobScheduler(schedule.id);
    }
  });
});
