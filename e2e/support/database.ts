import { Client } from 'pg';

/** Drops the run's own database (the api created it); FORCE ends connections a killed api left behind. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^teamflow_e2e_[a-z0-9]+$/.test(name))
    throw new Error(`refusing to drop ${name}: not an e2e database`);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The newest email the dev outbox (dev_mail) holds for an address and template, waiting for the
 * worker to deliver it (the job goes through the job outbox and BullMQ first).
 */
export async function waitForMail(
  to: string,
  template: string,
  timeoutMs = 20_000,
): Promise<{ subject: string; text: string }> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run through playwright.config.ts');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ subject: string; text: string }>(
        `select subject, text from dev_mail where "to" = $1 and template = $2 order by created_at desc limit 1`,
        [to, template],
      );
      if (rows[0]) return rows[0];
      if (Date.now() > deadline) throw new Error(`no ${template} email for ${to} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}

function runDatabaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run through playwright.config.ts (global setup)');
  return url;
}

const SEED_STATUSES = ['todo', 'in_progress', 'in_review', 'blocked', 'done'];
const SEED_PRIORITIES = ['low', 'medium', 'high', 'critical'];

/**
 * Adds `count` tasks to a project in one statement (an api loop would take minutes): spread over
 * the five columns, every third assigned to `assigneeId`, every fourth labelled `labelId`, with
 * due dates and points so the cards look real. Keys continue the project's counter.
 */
export async function seedTasks(
  projectId: string,
  count: number,
  options: { assigneeId?: string; labelId?: string } = {},
): Promise<void> {
  const client = new Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Takes `count` numbers from the project's sequence at once (nothing else creates meanwhile).
    const { rows } = await client.query<{ workspace_id: string; created_by: string; task_counter: number }>(
      `SELECT workspace_id, created_by,
              setval(task_number_sequence(id), nextval(task_number_sequence(id)) + $2 - 1) - $2 AS task_counter
       FROM projects WHERE id = $1`,
      [projectId, count],
    );
    const project = rows[0];
    if (!project) throw new Error(`no project ${projectId}`);
    const inserted = await client.query<{ id: string; n: number }>(
      `INSERT INTO tasks (workspace_id, project_id, number, title, status, priority, story_points, due_date, position, created_by)
       SELECT $1, $2, $3 + g, 'Seeded task number ' || g,
              ($5::text[])[1 + (g % 5)], ($6::text[])[1 + (g % 4)],
              CASE WHEN g % 2 = 0 THEN 1 + (g % 8) END,
              CASE WHEN g % 3 = 0 THEN date '2030-01-01' + (g % 300) END,
              100000 + g * 1024, $4
       FROM generate_series(1, $7::int) AS g
       RETURNING id, number - $3 AS n`,
      [
        project.workspace_id,
        projectId,
        project.task_counter,
        project.created_by,
        SEED_STATUSES,
        SEED_PRIORITIES,
        count,
      ],
    );
    if (options.assigneeId) {
      const ids = inserted.rows.filter((r) => r.n % 3 === 0).map((r) => r.id);
      await client.query('INSERT INTO task_assignees (task_id, user_id) SELECT unnest($1::uuid[]), $2', [
        ids,
        options.assigneeId,
      ]);
    }
    if (options.labelId) {
      const ids = inserted.rows.filter((r) => r.n % 4 === 0).map((r) => r.id);
      await client.query('INSERT INTO task_labels (task_id, label_id) SELECT unnest($1::uuid[]), $2', [
        ids,
        options.labelId,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
