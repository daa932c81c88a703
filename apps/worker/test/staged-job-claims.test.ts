import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { startClamd, type LocalClamd } from '@teamflow/local-services';
import { storageKeyFor } from '@teamflow/core/attachments/attachment.mapper';
import { generateDigest } from '@teamflow/core/digests/generate-digest';
import { finishJob, stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { closeObjectStorage, objectStorage } from '@teamflow/core/platform/object-storage';
import { createReadRouter } from '@teamflow/db/read-replica';
import type { JobDefinition } from '@teamflow/queue/define-job';
import {
  aiAnalyseEntryJob,
  aiSummarizeJob,
  burndownJob,
  digestJob,
  dispatchNotificationsJob,
  recurrenceNextJob,
  scanAttachmentJob,
  velocityJob,
  worklogExportJob,
} from '@teamflow/queue/jobs';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { allHandlers } from '../src/handlers/index';
import { startWorkers, type Runtime } from '../src/runtime';
import { isolatedSuite, quietLogger, until } from './support';

/**
 * Every staged job kind whose handler writes to PostgreSQL claims its `job_outbox` row in the
 * transaction that writes (`claimStagedJob`). Run through real BullMQ by a runtime that is given no
 * database, so nothing but the handler itself can mark the row done:
 * - claimed: the job's work is there and its row is done, in one go;
 * - already ran (its row is done: it ran, and Redis lost the completion, so the reconciler added it
 *   again under the same id): the handler writes nothing, though its inputs would let it.
 */
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let clamd: LocalClamd;
let queues: Queues;
let runtime: Runtime;
let env: Awaited<ReturnType<typeof isolatedSuite>>['env'] & { CLAMAV_HOST: string; CLAMAV_PORT: number };

beforeAll(async () => {
  suite = await isolatedSuite('wclaims');
  clamd = await startClamd();
  env = { ...suite.env, CLAMAV_HOST: clamd.host, CLAMAV_PORT: clamd.port };
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
  runtime = startWorkers({
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    registrations: allHandlers(suite.db.db, env),
  });
}, 60_000);

afterAll(async () => {
  await runtime?.close(5000);
  for (const queue of Object.values(queues ?? {}))
    await queue.obliterate({ force: true }).catch(() => undefined);
  if (queues) await closeQueues(queues);
  if (env) closeObjectStorage(env);
  await clamd?.close();
  await suite?.db.close();
  await suite?.drop();
});

const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await suite.db.pool.query(text, values)).rows as T[];
const one = async <T = { id: string }>(text: string, values: unknown[] = []) =>
  (await q<T>(text, values))[0]!;

/** A person, their workspace (they own it) and a project in it. */
async function workspace() {
  const tag = randomUUID().slice(0, 8);
  const user = (
    await one(`insert into users (email, name) values ($1, 'Ada') returning id`, [`c-${tag}@ex.test`])
  ).id;
  const ws = (
    await one(`insert into workspaces (name, slug, created_by) values ('W', $1, $2) returning id`, [
      `c-${tag}`,
      user,
    ])
  ).id;
  await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'owner')`, [ws, user]);
  const project = (
    await one(
      `insert into projects (workspace_id, key, name, created_by) values ($1, 'CL', 'Claims', $2) returning id`,
      [ws, user],
    )
  ).id;
  return { user, ws, project };
}

async function task(base: { ws: string; project: string; user: string }, n: number, done = false) {
  // Numbers from the project's sequence hereafter follow n.
  await q(
    `select setval(task_number_sequence($1), greatest(coalesce(pg_sequence_last_value(task_number_sequence($1)), 0), $2))`,
    [base.project, n],
  );
  return (
    await one(
      `insert into tasks (workspace_id, project_id, number, title, position, created_by, status, completed_at)
       values ($1, $2, $3::int, 'Claimed', $3::float8, $4, $5, $6) returning id`,
      [base.ws, base.project, n, base.user, done ? 'done' : 'todo', done ? new Date() : null],
    )
  ).id;
}

/** A completed sprint with one task in it. */
async function completedSprint() {
  const base = await workspace();
  const sprint = (
    await one(
      `insert into sprints (workspace_id, project_id, name, state, start_date, end_date, started_at, completed_at, created_by)
       values ($1, $2, 'S1', 'completed', '2026-03-02', '2026-03-04', '2026-03-02T09:00Z', '2026-03-04T18:00Z', $3)
       returning id`,
      [base.ws, base.project, base.user],
    )
  ).id;
  const t = await task(base, 1);
  await q(
    `insert into sprint_tasks (workspace_id, sprint_id, task_id, added_at) values ($1, $2, $3, '2026-03-01T12:00Z')`,
    [base.ws, sprint, t],
  );
  return { ...base, sprint };
}

const count = async (text: string, values: unknown[]) =>
  Number((await one<{ n: string }>(`select count(*) n from (${text}) c`, values)).n);

interface ClaimCase {
  kind: string;
  def: JobDefinition;
  /** Inputs for one run: its payload, and what its work looks like now (changes when it ran). */
  prepare: () => Promise<{ payload: unknown; effect: () => Promise<unknown> }>;
}

const cases: ClaimCase[] = [
  {
    kind: 'analytics/burndown',
    def: burndownJob,
    prepare: async () => {
      const { ws, sprint } = await completedSprint();
      return {
        payload: { workspaceId: ws, sprintId: sprint },
        effect: () =>
          count(`select 1 from analytics_snapshots where kind = 'burndown' and subject_id = $1`, [sprint]),
      };
    },
  },
  {
    kind: 'analytics/velocity',
    def: velocityJob,
    prepare: async () => {
      const { ws, project } = await completedSprint();
      return {
        payload: { workspaceId: ws, projectId: project },
        effect: () =>
          count(`select 1 from analytics_snapshots where kind = 'velocity' and subject_id = $1`, [project]),
      };
    },
  },
  {
    kind: 'analytics/digest (regenerate)',
    def: digestJob,
    prepare: async () => {
      const { ws } = await workspace();
      // The day's digest as a first run left it (a job that ran has its row).
      await generateDigest(
        { db: suite.db.db, env, reads: createReadRouter({ primary: suite.db.db }) },
        ws,
        '2026-03-03',
      );
      return {
        payload: { workspaceId: ws, date: '2026-03-03', force: true },
        effect: async () => [
          await one(`select summary, generated_at from daily_summaries where workspace_id = $1`, [ws]),
          await count(`select 1 from outbox where workspace_id = $1 and type = 'DIGEST_READY'`, [ws]),
        ],
      };
    },
  },
  {
    kind: 'maintenance/recurrence-next',
    def: recurrenceNextJob,
    prepare: async () => {
      const base = await workspace();
      const current = await task(base, 1, true);
      const series = (
        await one(
          `insert into task_series (workspace_id, project_id, rule, blueprint, mode, time_zone, start_date, current_task_id, created_by)
           values ($1, $2, 'FREQ=DAILY', $3, 'every', 'UTC', '2026-03-01', $4, $5) returning id`,
          [
            base.ws,
            base.project,
            {
              title: 'Water the plants',
              description: null,
              priority: 'medium',
              storyPoints: null,
              assigneeIds: [],
              labelIds: [],
            },
            current,
            base.user,
          ],
        )
      ).id;
      return {
        payload: { seriesId: series, taskId: current },
        effect: () => count(`select 1 from tasks where project_id = $1`, [base.project]),
      };
    },
  },
  {
    kind: 'files/scan-attachment',
    def: scanAttachmentJob,
    prepare: async () => {
      const base = await workspace();
      const t = await task(base, 1);
      const id = randomUUID();
      const key = storageKeyFor(base.ws, id);
      const content = Buffer.from('quarterly numbers');
      await objectStorage(env).put(key, () => Readable.from([content]), content.length, 'text/plain');
      await q(
        `insert into attachments (id, workspace_id, task_id, uploader_id, file_name, content_type, size, storage_key, scan_status)
         values ($1, $2, $3, $4, 'f.txt', 'text/plain', $5, $6, 'pending')`,
        [id, base.ws, t, base.user, content.length, key],
      );
      return {
        payload: { attachmentId: id },
        effect: async () =>
          (await one<{ s: string }>(`select scan_status s from attachments where id = $1`, [id])).s,
      };
    },
  },
  {
    kind: 'ai/summarize',
    def: aiSummarizeJob,
    prepare: async () => {
      const base = await workspace();
      const input = { data: { projectName: 'Claims', today: '2026-03-03', tasks: [] }, localOnly: true };
      const id = (
        await one(
          `insert into ai_jobs (workspace_id, requested_by, kind, subject_id, input_hash, input)
           values ($1, $2, 'summarize', $3, $4, $5) returning id`,
          [base.ws, base.user, base.project, randomUUID(), input],
        )
      ).id;
      return {
        payload: { aiJobId: id },
        effect: async () =>
          one(`select state, progress, (result is not null) has_result from ai_jobs where id = $1`, [id]),
      };
    },
  },
  {
    kind: 'ai/analyse-entry',
    def: aiAnalyseEntryJob,
    prepare: async () => {
      const { user } = await workspace();
      const entry = (
        await one(
          `insert into worklog_entries (user_id, date, body) values ($1, '2026-03-03', 'Shipped the billing export; proud of it') returning id`,
          [user],
        )
      ).id;
      return {
        payload: { userId: user, entryId: entry },
        effect: async () => [
          await count(`select 1 from worklog_insights where entry_id = $1`, [entry]),
          await count(`select 1 from outbox where type = 'WORKLOG_ENTRY_ANALYSED' and entity_id = $1`, [
            entry,
          ]),
        ],
      };
    },
  },
  {
    kind: 'ai/worklog-export',
    def: worklogExportJob,
    prepare: async () => {
      const { user } = await workspace();
      const id = (
        await one(
          `insert into worklog_exports (user_id, kind, format, from_date, to_date, expires_at)
           values ($1, 'review', 'md', '2026-03-01', '2026-03-31', now() + interval '1 day') returning id`,
          [user],
        )
      ).id;
      return {
        payload: { userId: user, exportId: id },
        effect: async () => [
          (await one<{ status: string }>(`select status from worklog_exports where id = $1`, [id])).status,
          await count(`select 1 from outbox where type = 'WORKLOG_EXPORT_UPDATED' and entity_id = $1`, [id]),
        ],
      };
    },
  },
  {
    kind: 'notifications/dispatch',
    def: dispatchNotificationsJob,
    prepare: async () => {
      const base = await workspace();
      const t = await task(base, 1);
      const assignee = (
        await one(`insert into users (email, name) values ($1, 'Bo') returning id`, [
          `b-${randomUUID()}@ex.test`,
        ])
      ).id;
      await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'member')`, [
        base.ws,
        assignee,
      ]);
      return {
        payload: {
          kind: 'assigned',
          changeId: randomUUID(),
          workspaceId: base.ws,
          taskId: t,
          actorId: base.user,
          userIds: [assignee],
        },
        effect: () => count(`select 1 from notifications where user_id = $1`, [assignee]),
      };
    },
  },
];

/** Stages the job in the outbox, as its use case does, and returns its row id. */
async function staged(def: JobDefinition, payload: unknown): Promise<number> {
  const { jobId } = await stageJob(suite.db.db, def, payload as never);
  return Number(jobId.replace('outbox-', ''));
}

/** Adds the job to BullMQ under its outbox id (as the relay and the reconciler do) and waits for it to finish. */
async function runThroughBullMq(def: JobDefinition, payload: unknown, rowId: number): Promise<void> {
  const jobId = await enqueue(queues, def, payload as never, { jobId: `outbox-${rowId}` });
  await until(
    async () => {
      const job = await queues[def.queue].getJob(jobId);
      // An attempt that failed (retried later or not) is a failure of the test, said at once.
      if (job?.failedReason) throw new Error(`${def.queue}/${def.name} failed: ${job.failedReason}`);
      return (await job?.isCompleted()) ?? false;
    },
    20_000,
    `${def.queue}/${def.name} to complete`,
  );
}

const stateOf = async (rowId: number) =>
  (await one<{ state: string }>(`select state from job_outbox where id = $1`, [rowId])).state;

describe.each(cases)('$kind', ({ def, prepare }) => {
  it('does its work and marks its staged job done in its own transaction', async () => {
    const { payload, effect } = await prepare();
    const before = await effect();
    const rowId = await staged(def, payload);
    await runThroughBullMq(def, payload, rowId);
    expect(await effect()).not.toEqual(before);
    // The runtime was given no database: only the handler's claim can have marked it.
    expect(await stateOf(rowId)).toBe('done');
  });

  it('writes nothing when its staged job already ran and the reconciler added it again', async () => {
    const { payload, effect } = await prepare();
    const before = await effect();
    const rowId = await staged(def, payload);
    await finishJob(suite.db.db, rowId, 'done');
    await runThroughBullMq(def, payload, rowId);
    expect(await effect()).toEqual(before);
  });
});
