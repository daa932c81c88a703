import { randomUUID } from 'node:crypto';
import { closeQueues, createQueues, type Queues } from '@teamflow/queue/producer';
import { allHandlers } from '../src/handlers/index';
import { startWorkers, type Runtime } from '../src/runtime';
import { isolatedSuite, quietLogger, until } from './support';

/**
 * progress/xp through BullMQ: two worker processes take two deliveries of the xp job for the same
 * workspace at the same moment; the person is paid once.
 */

let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let queues: Queues;
const runtimes: Runtime[] = [];

const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await suite.db.pool.query(text, params)).rows as T[];

beforeAll(async () => {
  suite = await isolatedSuite('wprogress');
  queues = createQueues(suite.env.REDIS_URL, suite.env.REDIS_KEY_PREFIX);
  for (let i = 0; i < 2; i++)
    runtimes.push(
      startWorkers({
        redisUrl: suite.env.REDIS_URL,
        redisKeyPrefix: suite.env.REDIS_KEY_PREFIX,
        logger: quietLogger(),
        registrations: allHandlers(suite.db.db, suite.env).filter((r) => r.def.queue === 'progress'),
      }),
    );
});
afterAll(async () => {
  for (const runtime of runtimes) await runtime.close(5000);
  for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  await suite.db.close();
  await suite.drop();
});

describe('progress/xp in the worker', () => {
  it('the same done event delivered twice at once by two workers pays once', async () => {
    const tag = randomUUID().slice(0, 8);
    const [owner, member] = await Promise.all(
      ['Olive', 'Maya'].map(
        async (name) =>
          (
            await q<{ id: string }>(`insert into users (email, name) values ($1, $2) returning id`, [
              `${name.toLowerCase()}-${tag}@example.test`,
              name,
            ])
          )[0]!.id,
      ),
    );
    const [ws] = await q<{ id: string }>(
      `insert into workspaces (name, slug, created_by) values ('XP', $1, $2) returning id`,
      [`xp-${tag}`, owner],
    );
    const workspaceId = ws!.id;
    const createdAt = new Date(Date.now() - 3_600_000).toISOString();
    const task = {
      id: randomUUID(),
      key: 'XP-1',
      number: 1,
      projectId: randomUUID(),
      workspaceId,
      title: 'Ship it',
      description: null,
      status: 'done',
      priority: 'medium',
      storyPoints: 3,
      dueDate: null,
      position: 1,
      parentId: null,
      sprintId: null,
      assigneeIds: [member!],
      labelIds: [],
      version: 2,
      createdBy: owner!,
      completedAt: new Date().toISOString(),
      createdAt,
      updatedAt: new Date().toISOString(),
    };
    // The move as the relay published it (seq 1 of the workspace).
    const event = {
      type: 'TASK_MOVED',
      workspaceId,
      entityId: task.id,
      data: task,
      actor: { id: member, name: 'Maya' },
      at: task.completedAt,
    };
    await q(
      `insert into outbox (workspace_id, type, entity_id, actor_id, payload, seq, published_at)
       values ($1, 'TASK_MOVED', $2, $3, $4, 1, now())`,
      [workspaceId, task.id, member, JSON.stringify(event)],
    );

    // Two deliveries at once (distinct job ids, so BullMQ's own dedupe does not step in).
    await Promise.all(
      ['one', 'two'].map((id) => queues.progress.add('xp', { workspaceId }, { jobId: `xp-${tag}-${id}` })),
    );
    await until(
      async () => ((await queues.progress.getJobCounts('completed')).completed ?? 0) >= 2,
      15_000,
      'both deliveries to complete',
    );
    const awards = await q<{ xp: number; reason: string }>(
      `select xp, reason from xp_events where workspace_id = $1`,
      [workspaceId],
    );
    expect(awards).toEqual([{ xp: 25, reason: 'earned' }]);
    const [stats] = await q<{ xp: number }>(
      `select xp from user_stats where workspace_id = $1 and user_id = $2`,
      [workspaceId, member],
    );
    expect(stats!.xp).toBe(25);
    expect(
      await q(`select type from outbox where type = 'XP_AWARDED' and workspace_id = $1`, [workspaceId]),
    ).toHaveLength(1);
  });
});
