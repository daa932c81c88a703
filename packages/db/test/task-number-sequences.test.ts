import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connectionUrl } from '../src/client';
import { dropDatabase, ensureDatabase, runMigrations } from '../src/setup';
import { migrateUpTo, testDatabaseUrl } from './test-database';

// Migration 0018: task numbers come from a sequence per project. Projects that existed before it
// continue from their `task_counter`, new ones start at 1, a deleted project takes its sequence
// with it, and the previous release (numbering by raising `task_counter`) draws from the same
// sequence, so a rollout that runs both releases never hands out one number twice.
const BEFORE = '0017_task_title_trigrams';
const url = testDatabaseUrl('numbers');
let client: pg.Client;
let workspaceId: string;
let userId: string;
let existingProject: string;

async function newProject(key: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into projects (workspace_id, key, name, created_by) values ($1, $2, $2, $3) returning id`,
    [workspaceId, key, userId],
  );
  return rows[0]!.id;
}

/** What this release's create does: the next number of the project's sequence. */
async function nextNumber(projectId: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>('select nextval(task_number_sequence($1)) as n', [
    projectId,
  ]);
  return Number(rows[0]!.n);
}

/** What the previous release's create does: raise task_counter by one and read it back. */
async function previousReleaseNumber(projectId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `update projects set task_counter = task_counter + 1, updated_at = now() where id = $1 returning task_counter as n`,
    [projectId],
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  await ensureDatabase(url);
  // The schema as it was before 0018, with a project that has handed out seven numbers.
  await migrateUpTo(url, BEFORE);
  client = new pg.Client({ connectionString: connectionUrl(url) });
  await client.connect();
  userId = (
    await client.query<{ id: string }>(
      `insert into users (email, name, password_hash) values ($1, 'Numbers', 'x') returning id`,
      [`numbers-${randomUUID()}@example.test`],
    )
  ).rows[0]!.id;
  workspaceId = (
    await client.query<{ id: string }>(
      `insert into workspaces (name, slug, created_by) values ('Numbers', $1, $2) returning id`,
      [`numbers-${randomUUID().slice(0, 8)}`, userId],
    )
  ).rows[0]!.id;
  existingProject = (
    await client.query<{ id: string }>(
      `insert into projects (workspace_id, key, name, created_by, task_counter) values ($1, 'OLD', 'Old', $2, 7) returning id`,
      [workspaceId, userId],
    )
  ).rows[0]!.id;
  await runMigrations(url);
}, 60_000);

afterAll(async () => {
  await client?.end();
  await dropDatabase(url);
});

describe('task numbers from a sequence per project (migration 0018)', () => {
  it('continues a project that existed before the migration from its task_counter', async () => {
    expect(await nextNumber(existingProject)).toBe(8);
    expect(await nextNumber(existingProject)).toBe(9);
  });

  it('starts a new project at 1, apart from every other project', async () => {
    const a = await newProject('NEWA');
    const b = await newProject('NEWB');
    expect([await nextNumber(a), await nextNumber(a), await nextNumber(b)]).toEqual([1, 2, 1]);
  });

  it("gives the previous release's numbering (raising task_counter) numbers from the same sequence", async () => {
    const project = await newProject('MIX');
    const taken = [
      await nextNumber(project),
      await previousReleaseNumber(project),
      await nextNumber(project),
      await previousReleaseNumber(project),
    ];
    expect(taken).toEqual([1, 2, 3, 4]);
    // A raise by n (its import, a test's seeding) draws n numbers and stores the last.
    const { rows } = await client.query<{ last: number }>(
      'update projects set task_counter = task_counter + 3 where id = $1 returning task_counter as last',
      [project],
    );
    expect(rows[0]!.last).toBe(7);
    expect(await nextNumber(project)).toBe(8);
  });

  it('drops a project’s sequence with the project, also when its workspace is deleted', async () => {
    const alone = await newProject('GONE');
    const viaWorkspace = await newProject('CASC');
    const exists = async (projectId: string) =>
      (
        await client.query<{ found: string | null }>(
          'select to_regclass(task_number_sequence_name($1)) as found',
          [projectId],
        )
      ).rows[0]!.found !== null;
    expect(await exists(alone)).toBe(true);
    await client.query('delete from projects where id = $1', [alone]);
    expect(await exists(alone)).toBe(false);
    expect(await exists(viaWorkspace)).toBe(true);
    await client.query('delete from workspaces where id = $1', [workspaceId]);
    expect(await exists(viaWorkspace)).toBe(false);
    expect(await exists(existingProject)).toBe(false);
  });
});
