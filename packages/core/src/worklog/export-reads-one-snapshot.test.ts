import { randomUUID } from 'node:crypto';
import { createDb } from '@teamflow/db/client';
import { renderExport } from './render-export';
import { exportContent, insertExport } from './worklog-exports.repository';
import { testCoreDeps } from '../../testing/test-core-deps';

/**
 * A review export reads the author's entries (with their analysis) and then the tasks they
 * completed. Another connection commits an edit to both between those two reads: the task's
 * title and the entry's achievement. The document shows both as they were at one moment, never
 * the entry from before the edit beside the task from after it.
 *
 * No seam in the code: the test holds an ACCESS EXCLUSIVE lock on `tasks`, which stops the export
 * at its first statement on that table (after the entries are read), commits the edit, and so
 * releases it. Read in separate statements, the tasks query takes its snapshot after the lock
 * and sees the edit that the entries query did not.
 */

const { deps, handle } = testCoreDeps({ AI_PROVIDER: 'local', OPENAI_API_KEY: '' });
// The export runs on a pool of its own, named, so the test can tell when its query waits.
const exportAppName = `export-snapshot-${randomUUID()}`;
const exportDb = createDb(deps.env.DATABASE_URL, { max: 2, applicationName: exportAppName });
afterAll(() => exportDb.close());

const q = (text: string, values: unknown[] = []) => handle.pool.query(text, values);

async function authorWithATaskAndAnEntry() {
  const me = randomUUID();
  await q(`insert into users (id, email, name) values ($1, $2, 'Snapshot')`, [me, `snap-${me}@example.test`]);
  const workspaceId = randomUUID();
  await q(`insert into workspaces (id, name, slug, created_by) values ($1, 'Snap', $2, $3)`, [
    workspaceId,
    `snap-${workspaceId}`,
    me,
  ]);
  await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'owner')`, [
    workspaceId,
    me,
  ]);
  const projectId = randomUUID();
  await q(
    `insert into projects (id, workspace_id, key, name, created_by) values ($1, $2, 'SNAP', 'Snap', $3)`,
    [projectId, workspaceId, me],
  );
  const { rows: tasks } = await q(
    `insert into tasks (workspace_id, project_id, number, title, status, position, created_by, completed_at)
     values ($1, $2, 1, 'Task title before the edit', 'done', 1, $3, '2026-03-10T12:00:00Z') returning id`,
    [workspaceId, projectId, me],
  );
  const taskId = tasks[0].id as string;
  await q(`insert into task_assignees (task_id, user_id) values ($1, $2)`, [taskId, me]);
  const { rows: entries } = await q(
    `insert into worklog_entries (user_id, date, body) values ($1, '2026-03-10', 'Shipped it') returning id`,
    [me],
  );
  const entryId = entries[0].id as string;
  await q(
    `insert into worklog_insights (entry_id, user_id, status, provider, model, projects, achievements, analysed_at)
     values ($1, $2, 'done', 'local', 'test', '{Snap}', '[{"text":"Achievement before the edit"}]', now())`,
    [entryId, me],
  );
  return { me, taskId, entryId };
}

async function untilExportWaitsForALock(): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 10_000;) {
    const { rows } = await q(
      `select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`,
      [exportAppName],
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the export never reached the locked tasks table');
}

describe('a work-log export', () => {
  it('shows entries and tasks as of one moment when both change between its reads', async () => {
    const { me, taskId, entryId } = await authorWithATaskAndAnEntry();
    const row = await insertExport(handle.db, me, {
      kind: 'review',
      format: 'md',
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      expiresAt: new Date(Date.now() + 86_400_000),
    });

    const editor = await handle.pool.connect();
    let rendering: Promise<string> | undefined;
    try {
      await editor.query('begin');
      await editor.query('lock table tasks in access exclusive mode');
      rendering = renderExport({ db: exportDb.db, logger: deps.logger }, { userId: me, exportId: row.id });
      await untilExportWaitsForALock();
      await editor.query(`update tasks set title = 'Task title after the edit' where id = $1`, [taskId]);
      await editor.query(
        `update worklog_insights set achievements = '[{"text":"Achievement after the edit"}]' where entry_id = $1`,
        [entryId],
      );
      await editor.query('commit');
    } finally {
      // On a failure above, the lock goes with the rollback and the export can end.
      await editor.query('rollback').catch(() => undefined);
      editor.release();
    }
    expect(await rendering).toBe('done');

    const markdown = (await exportContent(handle.db, me, row.id))!.content!.toString('utf8');
    const moment = (what: string) =>
      markdown.includes(`${what} before the edit`)
        ? 'before'
        : markdown.includes(`${what} after the edit`)
          ? 'after'
          : 'missing';
    const task = moment('Task title');
    expect(task).not.toBe('missing');
    expect({ task, entry: moment('Achievement') }).toEqual({ task, entry: task });
  });
});
