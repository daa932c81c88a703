import { randomUUID } from 'node:crypto';
import { datesBetween, endOfLocalDay, localDateOf, startOfLocalDay } from '../platform/local-dates';
import { getInsights } from './get-insights';
import { completedTasks } from './completed-tasks.repository';
import { seededRandom } from '../../testing/seeded-random';
import { testCoreDeps } from '../../testing/test-core-deps';

/**
 * Insights count the tasks done per local day in SQL. Over tasks done at random instants and at
 * every local midnight (a millisecond either side), across daylight-saving changes, half- and
 * quarter-hour offsets and zones whose clocks change at midnight, and next to tasks that must not
 * count (someone else's, deleted, in a deleted project, in a workspace the author left, not
 * done), the counts equal what the insights computed before: the completed-task list, each
 * task's day named by `localDateOf`.
 */

const { deps, handle } = testCoreDeps({ AI_PROVIDER: 'local', OPENAI_API_KEY: '' });
const logger = deps.logger;

const q = (text: string, values: unknown[] = []) => handle.pool.query(text, values);

// March 2026 to mid-April: the US (8 March), Europe (29 March), Chile (5 April, at midnight) and
// Lebanon (29 March, at midnight) change their clocks in it.
const FROM = '2026-03-01';
const TO = '2026-04-12';
const ZONES = [
  'UTC',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Santiago',
  'Asia/Beirut',
];

let seq = 0;
async function workspace(owner: string, withProject = true) {
  const id = randomUUID();
  await q(`insert into workspaces (id, name, slug, created_by) values ($1, 'Done', $2, $3)`, [
    id,
    `done-${id}`,
    owner,
  ]);
  const projectId = randomUUID();
  if (withProject)
    await q(
      `insert into projects (id, workspace_id, key, name, created_by) values ($1, $2, 'DONE', 'Done', $3)`,
      [projectId, id, owner],
    );
  return { id, projectId };
}

async function task(
  where: { id: string; projectId: string },
  createdBy: string,
  assignee: string | null,
  completedAt: string | null,
) {
  seq += 1;
  const { rows } = await q(
    `insert into tasks (workspace_id, project_id, number, title, status, position, created_by, completed_at)
     values ($1, $2, $3::int, 'Done ' || $3::int, $4, $3::int, $5, $6) returning id`,
    [where.id, where.projectId, seq, completedAt ? 'done' : 'todo', createdBy, completedAt],
  );
  if (assignee)
    await q(`insert into task_assignees (task_id, user_id) values ($1, $2)`, [rows[0].id, assignee]);
  return rows[0].id as string;
}

describe('tasks done per local day in insights', () => {
  it('count what the completed-task list names day by day, in every kind of zone, fences included', async () => {
    const me = randomUUID();
    const other = randomUUID();
    for (const id of [me, other])
      await q(`insert into users (id, email, name) values ($1, $2, 'Done')`, [id, `done-${id}@example.test`]);
    const mine = await workspace(me);
    const left = await workspace(me);
    const gone = await workspace(me);
    await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'owner')`, [
      mine.id,
      me,
    ]);
    await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'owner')`, [
      gone.id,
      me,
    ]);

    // Every zone's local midnights of the range (and the days around it), a millisecond either side.
    const instants: string[] = [];
    for (const zone of ZONES)
      for (const date of datesBetween('2026-02-28', '2026-04-13')) {
        const midnight = startOfLocalDay(date, zone).getTime();
        instants.push(new Date(midnight - 1).toISOString(), new Date(midnight).toISOString());
      }
    const random = seededRandom(7);
    const start = Date.parse('2026-02-27T00:00:00Z');
    const span = Date.parse('2026-04-15T00:00:00Z') - start;
    for (let i = 0; i < 300; i++) instants.push(new Date(start + Math.floor(random() * span)).toISOString());
    await q(
      `with done as (
         insert into tasks (workspace_id, project_id, number, title, status, position, created_by, completed_at)
         select $1, $2, 100000 + n, 'Done ' || n, 'done', n, $3, at
         from unnest($4::timestamptz[]) with ordinality as x(at, n)
         returning id)
       insert into task_assignees (task_id, user_id) select id, $3 from done`,
      [mine.id, mine.projectId, me, instants],
    );

    // Done in the range, yet none of them is the author's to count.
    const at = '2026-03-10T12:00:00Z';
    await task(mine, me, other, at);
    await task(mine, me, null, at);
    await task(mine, me, me, null);
    await q(`update tasks set deleted_at = now() where id = $1`, [await task(mine, me, me, at)]);
    await task(left, me, me, at);
    await task(gone, me, me, at);
    await q(`update projects set deleted_at = now() where id = $1`, [gone.projectId]);

    const ctx = { actor: { id: me, name: 'Done' }, requestId: 'test', logger };
    for (const zone of ZONES) {
      const list = await completedTasks(handle.db, me, startOfLocalDay(FROM, zone), endOfLocalDay(TO, zone), {
        limit: 100_000,
      });
      const named = new Map<string, number>();
      for (const t of list) {
        const day = localDateOf(t.done_at, zone);
        named.set(day, (named.get(day) ?? 0) + 1);
      }
      const before = datesBetween(FROM, TO).map((date) => ({ date, tasksDone: named.get(date) ?? 0 }));

      const insights = await getInsights(deps, ctx, zone, { from: FROM, to: TO });

      expect({ zone, days: insights.activity.map(({ date, tasksDone }) => ({ date, tasksDone })) }).toEqual({
        zone,
        days: before,
      });
      // The author's own tasks done in the range, every one, and nothing else.
      const [first, end] = [startOfLocalDay(FROM, zone).getTime(), endOfLocalDay(TO, zone).getTime()];
      const inRange = instants.filter((i) => Date.parse(i) >= first && Date.parse(i) < end).length;
      expect(insights.activity.reduce((sum, d) => sum + d.tasksDone, 0)).toBe(inRange);
    }
  });
});
