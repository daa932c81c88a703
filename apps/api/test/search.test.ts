import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

let api: TestApi;
let team: TeamFixture;
let other: TeamFixture;
const ids: Record<string, string> = {};

interface Hit {
  type: 'task' | 'comment';
  id: string;
  taskId?: string;
  projectId: string;
  key: string;
  rank: number;
}

async function addTask(name: string, body: Record<string, unknown>, fixture = team): Promise<string> {
  const res = await api
    .http()
    .post(`${V1}/projects/${fixture.projectId}/tasks`)
    .set(auth(fixture.users.member))
    .send(body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  ids[name] = res.body.id;
  return res.body.id;
}

beforeAll(async () => {
  api = await startApi();
  [team, other] = await Promise.all([createTeam(api), createTeam(api)]);
  ids.first = team.taskId; // CORE-1, "First task"
  await addTask('titleHit', { title: 'Deploy the billing service' });
  await addTask('descHit', {
    title: 'Quarterly chores',
    description: 'We must deploy the billing service before Friday.',
  });
  await addTask('percent', { title: 'Ship 100%_done report' });
  await addTask('plain', { title: 'Ship 1000 done', description: 'A plain 50 percent report' });
  await addTask('backslash', { title: 'Escape the \\ character in paths' });
  await addTask('withComment', { title: 'Reconcile ledgers' });
  const c = await api
    .http()
    .post(`${V1}/tasks/${ids.withComment}/comments`)
    .set(auth(team.users.admin))
    .send({ body: 'The invoice reconciliation job is flaky on Mondays' });
  ids.comment = c.body.id;
  const gone = await addTask('deleted', { title: 'Obsolete zeppelin migration' });
  await api.http().delete(`${V1}/tasks/${gone}`).set(auth(team.users.member));
  for (let i = 0; i < 5; i++) await addTask(`filler${i}`, { title: `Filler task ${i}` }); // so CORE-10 and up exist
  // The same words in another workspace must never show up.
  await addTask(
    'foreign',
    { title: 'Deploy the billing service', description: 'Ship 100%_done report \\ invoice reconciliation' },
    other,
  );
  await api
    .http()
    .post(`${V1}/tasks/${ids.foreign}/comments`)
    .set(auth(other.users.member))
    .send({ body: 'invoice reconciliation 100%_done' });
});
afterAll(() => api.close());

const search = (q: string | undefined, user = team.users.viewer, workspaceId = team.workspaceId) =>
  api
    .http()
    .get(`${V1}/workspaces/${workspaceId}/search`)
    .query(q === undefined ? {} : { q })
    .set(auth(user));

async function hits(q: string): Promise<Hit[]> {
  const res = await search(q);
  expect(res.status).toBe(200);
  return res.body.items;
}
const taskIds = (items: Hit[]) =>
  items
    .filter((h) => h.type === 'task')
    .map((h) => h.id)
    .sort();
const of = (...names: string[]) => names.map((n) => ids[n]!).sort();

describe('workspace search', () => {
  it('finds tasks by words in the title and in the description', async () => {
    expect(taskIds(await hits('billing'))).toEqual(of('titleHit', 'descHit'));
    expect(taskIds(await hits('Friday'))).toEqual(of('descHit'));
  });

  it('matches stemmed words: "deploying" finds "deploy"', async () => {
    expect(taskIds(await hits('deploying'))).toEqual(of('titleHit', 'descHit'));
  });

  it('ranks a title hit above a description-only hit', async () => {
    const items = (await hits('billing')).filter((h) => h.type === 'task');
    expect(items.map((h) => h.id)).toEqual([ids.titleHit, ids.descHit]);
    expect(items[0]!.rank).toBeGreaterThan(items[1]!.rank);
  });

  it('finds comments, pointing at their task', async () => {
    const items = await hits('reconciliation');
    expect(items).toEqual([
      expect.objectContaining({
        type: 'comment',
        id: ids.comment,
        taskId: ids.withComment,
        projectId: team.projectId,
      }),
    ]);
  });

  it('finds a task by its key, in any case, and not its longer-numbered neighbours', async () => {
    for (const q of ['CORE-1', 'core-1']) {
      const items = await hits(q);
      expect(items.map((h) => [h.type, h.id, h.key])).toEqual([['task', ids.first, 'CORE-1']]);
    }
    const ten = await hits('CORE-10');
    expect(ten.map((h) => h.key)).toEqual(['CORE-10']);
  });

  it('finds several tasks by their keys in one query, each ranked first, and none for a word among the keys', async () => {
    const items = await hits('CORE-1, core-10 CORE-9999');
    expect(
      items
        .filter((h) => h.type === 'task')
        .map((h) => h.key)
        .sort(),
    ).toEqual(['CORE-1', 'CORE-10']);
    expect(items.slice(0, 2).every((h) => h.rank >= 2)).toBe(true);
    expect((await hits('CORE-1 deploy')).map((h) => h.key)).not.toContain('CORE-10');
  });

  it('never returns another workspace’s tasks or comments, nor deleted tasks', async () => {
    for (const q of [
      'deploy billing',
      'reconciliation',
      '100%_done',
      'invoice',
      'Deploy the billing service',
    ]) {
      const items = await hits(q);
      expect(items.map((h) => h.id)).not.toContain(ids.foreign);
      for (const h of items) expect(h.projectId).toBe(team.projectId);
    }
    expect(await hits('zeppelin')).toEqual([]);
    const theirs = await search('billing', other.users.viewer, other.workspaceId);
    expect(theirs.body.items.map((h: Hit) => h.id)).toEqual([ids.foreign]);
  });

  it('treats SQL and LIKE wildcards as plain text', async () => {
    expect(taskIds(await hits('100%_done'))).toEqual(of('percent'));
    expect(taskIds(await hits('%'))).toEqual(of('percent'));
    expect(taskIds(await hits('_'))).toEqual(of('percent'));
    expect(taskIds(await hits('\\'))).toEqual(of('backslash'));
    expect(await hits('%%%')).toEqual([]);
    expect(await hits("'; drop table tasks; --")).toEqual([]);
    const { rows } = await api.deps.pool.query(
      "select to_regclass('public.tasks') is not null as present, (select count(*)::int from tasks where project_id = $1) as n",
      [team.projectId],
    );
    expect(rows[0]).toEqual({ present: true, n: 13 });
  });

  it('refuses a missing or blank q (400), hides the workspace from strangers (404), serves viewers', async () => {
    for (const q of [undefined, '', '   ']) {
      const res = await search(q);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('q');
    }
    expect((await search('x'.repeat(201))).status).toBe(400);
    expect((await search('billing', team.users.stranger)).status).toBe(404);
    expect((await search('billing', team.users.viewer)).status).toBe(200);
  });

  it('takes ?limit= from 1 to 100, 50 by default, as every list does', async () => {
    for (let i = 0; i < 55; i++) await addTask(`sprocket${i}`, { title: `Sprocket number ${i}` });
    const page = (limit?: string) =>
      api
        .http()
        .get(`${V1}/workspaces/${team.workspaceId}/search`)
        .query(limit === undefined ? { q: 'sprocket' } : { q: 'sprocket', limit })
        .set(auth(team.users.viewer));
    expect((await page()).body.items).toHaveLength(50);
    expect((await page('100')).body).toEqual({ items: expect.any(Array), nextCursor: null });
    expect((await page('100')).body.items).toHaveLength(55);
    // A partial page says more follow (it answered nextCursor null here, as if 3 hits were all).
    expect((await page('3')).body).toEqual({
      items: [expect.anything(), expect.anything(), expect.anything()],
      nextCursor: expect.any(String),
    });
    for (const limit of ['0', '101']) {
      const res = await page(limit);
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe('limit');
    }
  });
});

describe('search paging', () => {
  it('pages the ranked hits with ?cursor=: every hit once, in rank order, the last page without a cursor; a bad cursor is a 400', async () => {
    const fixture = await createTeam(api);
    // Equal ranks (the same title shape) and distinct ones (a word in the description too).
    for (let i = 0; i < 7; i++)
      await addTask(
        `gizmo${i}`,
        { title: `Gizmo part ${i}`, description: i % 3 ? undefined : 'gizmo gizmo' },
        fixture,
      );
    await api
      .http()
      .post(`${V1}/tasks/${fixture.taskId}/comments`)
      .set(auth(fixture.users.member))
      .send({ body: 'the gizmo is late' });
    const get = (query: Record<string, string>) =>
      api
        .http()
        .get(`${V1}/workspaces/${fixture.workspaceId}/search`)
        .query({ q: 'gizmo', ...query })
        .set(auth(fixture.users.viewer));
    const all = (await get({ limit: '100' })).body.items.map((h: { id: string }) => h.id);
    expect(all).toHaveLength(8);
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(cursor ? { limit: '3', cursor } : { limit: '3' });
      expect(res.status).toBe(200);
      paged.push(...res.body.items.map((h: { id: string }) => h.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(paged).toEqual(all);
    const garbled = await get({ cursor: 'not-a-cursor' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.error.details[0].field).toBe('cursor');
    const members = await api
      .http()
      .get(`${V1}/workspaces/${fixture.workspaceId}/members`)
      .query({ limit: '1' })
      .set(auth(fixture.users.viewer));
    expect((await get({ cursor: members.body.nextCursor })).status).toBe(400);
  });
});

describe('task list ?q= filter', () => {
  const listQ = async (q: string) => {
    const res = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks`)
      .query({ q, limit: 100 })
      .set(auth(team.users.viewer));
    expect(res.status).toBe(200);
    return res.body.items.map((t: { id: string }) => t.id).sort();
  };

  it('treats % and _ in the project task filter as literal characters', async () => {
    expect(await listQ('%')).toEqual(of('percent'));
    expect(await listQ('_')).toEqual(of('percent'));
    expect(await listQ('100%_done')).toEqual(of('percent'));
    expect(await listQ('\\')).toEqual(of('backslash'));
    expect(await listQ("'; drop table tasks; --")).toEqual([]);
    expect(await listQ('deploying')).toEqual(of('titleHit', 'descHit'));
  });
});
