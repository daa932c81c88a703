import { randomUUID } from 'node:crypto';
import { loadEnv } from '@teamflow/config/env';
import type { EventType } from '@teamflow/contracts/events';
import type { Task } from '@teamflow/contracts/tasks';
import { createDb } from '@teamflow/db/client';
import { consumeXpEvents } from './consume-xp-events';
import { rebuildUserStats } from './rebuild-user-stats';
import { settleStreaks } from './settle-streaks';
import { seededRandom } from '../../testing/seeded-random';

/**
 * user_stats is derived: after a randomised stream of 500 task events (creations, point changes,
 * starts, completions, reopenings, across day changes and three time zones) consumed the
 * incremental way, with the hourly settle running as the days pass, rebuilding from xp_events
 * gives the same numbers.
 */

const env = loadEnv({ ...process.env, NODE_ENV: 'test' });
const handle = createDb(env.DATABASE_URL, { max: 2 });
const deps = { db: handle.db };
afterAll(() => handle.close());

const q = (text: string, values: unknown[] = []) => handle.pool.query(text, values);

async function world(zones: string[]) {
  const users = zones.map(() => randomUUID());
  for (const [i, id] of users.entries())
    await q(`insert into users (id, email, name, time_zone) values ($1, $2, $3, $4)`, [
      id,
      `xp-${id}@example.test`,
      `Person ${i}`,
      zones[i],
    ]);
  const workspaceId = randomUUID();
  await q(`insert into workspaces (id, name, slug, created_by) values ($1, 'XP', $2, $3)`, [
    workspaceId,
    `xp-${workspaceId}`,
    users[0],
  ]);
  for (const u of users)
    await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'member')`, [
      workspaceId,
      u,
    ]);
  let seq = 0;
  /** Publishes an event as the relay would (a row in the outbox with the workspace's next seq). */
  const publish = async (type: EventType, task: Task, actorId: string, at: Date) => {
    seq += 1;
    const payload = {
      type,
      workspaceId,
      entityId: task.id,
      data: task,
      actor: { id: actorId, name: 'x' },
      at: at.toISOString(),
    };
    await q(
      `insert into outbox (workspace_id, type, entity_id, actor_id, payload, seq, published_at) values ($1, $2, $3, $4, $5, $6, now())`,
      [workspaceId, type, task.id, actorId, JSON.stringify(payload), seq],
    );
  };
  return { users, workspaceId, publish };
}

const statsOf = async (workspaceId: string) =>
  (
    await q(
      `select user_id, xp, level, streak_current, streak_longest, streak_freezes, streak_run, last_active_date::text, streak_through::text
       from user_stats where workspace_id = $1 order by user_id`,
      [workspaceId],
    )
  ).rows;

async function simulate(seed: number) {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const { users, workspaceId, publish } = await world(['UTC', 'America/Los_Angeles', 'Asia/Tokyo']);
  const tasks: Task[] = [];
  let now = new Date('2026-11-02T07:00:00Z');
  for (let step = 0; step < 500; step++) {
    // Minutes to most of a day: same-day bursts (cap, self-farm), weekends and missed days.
    now = new Date(now.getTime() + Math.floor(rand() ** 3 * 40 * 3_600_000) + 60_000);
    const actor = pick(users);
    const roll = rand();
    if (tasks.length < 5 || roll < 0.2) {
      const id = randomUUID();
      const task: Task = {
        id,
        key: `XP-${tasks.length + 1}`,
        number: tasks.length + 1,
        projectId: workspaceId,
        workspaceId,
        title: 'Work',
        description: null,
        status: 'todo',
        priority: 'medium',
        storyPoints: rand() < 0.3 ? null : pick([1, 2, 3, 5, 8, 13]),
        dueDate: null,
        position: 0,
        parentId: null,
        sprintId: null,
        assigneeIds: rand() < 0.3 ? [] : rand() < 0.8 ? [pick(users)] : users.slice(0, 2),
        labelIds: [],
        version: 1,
        createdBy: actor,
        completedAt: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      tasks.push(task);
      await publish('TASK_CREATED', task, actor, now);
      continue;
    }
    const task = pick(tasks);
    if (roll < 0.35) task.storyPoints = pick([1, 2, 3, 5, 8, 13, 21]);
    else if (roll < 0.55) task.status = 'in_progress';
    else if (roll < 0.85) Object.assign(task, { status: 'done', completedAt: now.toISOString() });
    else Object.assign(task, { status: 'todo', completedAt: null });
    task.version += 1;
    task.updatedAt = now.toISOString();
    await publish(roll < 0.35 ? 'TASK_UPDATED' : 'TASK_MOVED', { ...task }, actor, now);
    if (rand() < 0.3) await consumeXpEvents(deps, workspaceId);
    if (rand() < 0.3) await settleStreaks(deps, now);
  }
  await consumeXpEvents(deps, workspaceId);
  await settleStreaks(deps, now);
  return { workspaceId, now };
}

describe('rebuilding user_stats from xp_events', () => {
  it.each([20261206, 7])('gives the incremental numbers after 500 random events (seed %i)', async (seed) => {
    const { workspaceId, now } = await simulate(seed);
    const incremental = await statsOf(workspaceId);
    expect(incremental.length).toBe(3);
    expect(incremental.some((r) => r.xp > 0)).toBe(true);

    await q(
      `update user_stats set xp = 0, level = 1, streak_current = 0, streak_longest = 0 where workspace_id = $1`,
      [workspaceId],
    );
    await rebuildUserStats(deps, { workspaceId, now });
    expect(await statsOf(workspaceId)).toEqual(incremental);
  });
});
