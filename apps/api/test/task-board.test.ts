import { randomUUID } from 'node:crypto';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { firstCursor } from './list-paging';

let api: TestApi;
let team: TeamFixture;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
});
afterAll(() => api.close());

interface T {
  id: string;
  version: number;
  status: string;
  position: number;
  priority: string;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

let projects = 0;
/** A fresh project per test, so each board starts empty. */
async function newProject(): Promise<string> {
  const res = await api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/projects`)
    .set(auth(team.users.owner))
    .send({ name: 'Board', key: `BRD${++projects}` });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function addTask(projectId: string, body: Record<string, unknown> = {}): Promise<T> {
  const res = await api
    .http()
    .post(`${V1}/projects/${projectId}/tasks`)
    .set(auth(team.users.member))
    .send({ title: `Card ${randomUUID().slice(0, 6)}`, ...body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const list = (projectId: string, query: string) =>
  api.http().get(`${V1}/projects/${projectId}/tasks?${query}`).set(auth(team.users.viewer));

async function column(projectId: string, status: string): Promise<string[]> {
  const res = await list(projectId, `sort=position&status=${status}&limit=100`);
  expect(res.status).toBe(200);
  return res.body.items.map((t: T) => t.id);
}

const move = (task: { id: string; version: number }, body: Record<string, unknown>) =>
  api
    .http()
    .post(`${V1}/tasks/${task.id}/move`)
    .set(auth(team.users.member))
    .send({ version: task.version, ...body });

async function snapshot(projectId: string) {
  const { rows } = await api.deps.pool.query(
    'select id, status, position, version, updated_at from tasks where project_id = $1 order by id',
    [projectId],
  );
  return new Map(rows.map((r) => [r.id as string, r]));
}

describe('moving a card on the board', () => {
  it('places a card exactly where asked within its column', async () => {
    const p = await newProject();
    const [a, b, c, d] = [await addTask(p), await addTask(p), await addTask(p), await addTask(p)];
    expect(await column(p, 'todo')).toEqual([a.id, b.id, c.id, d.id]);

    const res = await move(d, { status: 'todo', afterId: a.id, beforeId: b.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: d.id, status: 'todo', version: d.version + 1 });
    expect(await column(p, 'todo')).toEqual([a.id, d.id, b.id, c.id]);

    expect((await move(a, { status: 'todo' })).status).toBe(200); // no anchors: bottom of the column
    expect(await column(p, 'todo')).toEqual([d.id, b.id, c.id, a.id]);

    expect((await move(c, { status: 'todo', beforeId: d.id })).status).toBe(200); // only beforeId: top
    expect(await column(p, 'todo')).toEqual([c.id, d.id, b.id, a.id]);

    expect((await move(res.body, { status: 'todo', afterId: a.id })).status).toBe(200); // only afterId: after the last
    expect(await column(p, 'todo')).toEqual([c.id, b.id, a.id, d.id]);
  });

  it('moves a card across columns, changing its status, and writes only that row', async () => {
    const p = await newProject();
    const [a, b, c] = [await addTask(p), await addTask(p), await addTask(p)];
    const [x, y] = [await addTask(p, { status: 'in_progress' }), await addTask(p, { status: 'in_progress' })];
    const before = await snapshot(p);

    const res = await move(b, { status: 'in_progress', afterId: x.id, beforeId: y.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_progress', version: b.version + 1 });
    expect(await column(p, 'todo')).toEqual([a.id, c.id]);
    expect(await column(p, 'in_progress')).toEqual([x.id, b.id, y.id]);

    const after = await snapshot(p);
    for (const [id, row] of before) {
      if (id === b.id) expect(after.get(id)).not.toEqual(row);
      else expect(after.get(id)).toEqual(row);
    }
    const done = await move(res.body, { status: 'done' });
    expect(done.body.completedAt).toEqual(expect.any(String));
  });

  it('answers a stale version with 409 carrying the current task and moves nothing', async () => {
    const p = await newProject();
    const [a, b] = [await addTask(p), await addTask(p)];
    expect((await move(a, { status: 'todo', afterId: b.id })).status).toBe(200);
    const stale = await move(a, { status: 'done' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({
      id: a.id,
      status: 'todo',
      version: a.version + 1,
    });
    expect(await column(p, 'todo')).toEqual([b.id, a.id]);
  });

  it('refuses anchors that are not in the target column (400)', async () => {
    const p = await newProject();
    const [a, b] = [await addTask(p), await addTask(p)];
    const other = await addTask(p, { status: 'in_review' });
    const elsewhere = await addTask(await newProject());
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'todo', afterId: other.id }, 'afterId'],
      [{ status: 'in_review', beforeId: b.id }, 'beforeId'],
      [{ status: 'todo', afterId: elsewhere.id }, 'afterId'],
      [{ status: 'todo', afterId: a.id }, 'afterId'],
      [{ status: 'todo', afterId: randomUUID() }, 'afterId'],
    ];
    for (const [body, field] of cases) {
      const res = await move(a, body);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const reversed = await move(other, { status: 'todo', afterId: b.id, beforeId: a.id });
    expect(reversed.status).toBe(400);
    const { rows } = await api.deps.pool.query(
      'select max(version)::int as v from tasks where project_id = $1',
      [p],
    );
    expect(rows[0].v).toBe(1);
  });

  it('keeps a strict, correct order after 60 inserts at the same spot (rebalancing the column)', async () => {
    const p = await newProject();
    const [top, bottom] = [await addTask(p), await addTask(p)];
    const incoming: T[] = [];
    for (let i = 0; i < 60; i++) incoming.push(await addTask(p, { status: 'blocked' }));
    for (const [i, card] of incoming.entries()) {
      const next = (await column(p, 'todo'))[1]!;
      const body =
        i % 2 === 0
          ? { status: 'todo', afterId: top.id, beforeId: next }
          : { status: 'todo', afterId: top.id };
      const res = await move(card, body);
      expect(res.status).toBe(200);
    }
    const expected = [top.id, ...incoming.map((t) => t.id).reverse(), bottom.id];
    expect(await column(p, 'todo')).toEqual(expected);
    const { rows } = await api.deps.pool.query(
      "select id, position from tasks where project_id = $1 and status = 'todo' order by position, id",
      [p],
    );
    expect(rows.map((r) => r.id)).toEqual(expected);
    // 60 halvings of a 1024 gap fall below double precision (1024 + 1024/2^60 === 1024): without the
    // re-spacing, positions would tie. Strictly increasing positions prove the column was rebalanced.
    for (let i = 1; i < rows.length; i++) expect(rows[i].position).toBeGreaterThan(rows[i - 1].position);
  });
});

describe('listing tasks with cursors', () => {
  const sorts = [
    'position',
    'createdAt',
    '-createdAt',
    'updatedAt',
    '-updatedAt',
    'priority',
    'dueDate',
  ] as const;
  const RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };
  // Each sort's keys; the id breaks ties. Consecutive items must never go backwards on these keys.
  const keyOf: Record<(typeof sorts)[number], (t: T) => (string | number)[]> = {
    position: (t) => [t.status, t.position],
    createdAt: (t) => [t.createdAt],
    '-createdAt': (t) => [t.createdAt],
    updatedAt: (t) => [t.updatedAt],
    '-updatedAt': (t) => [t.updatedAt],
    priority: (t) => [RANK[t.priority]!],
    dueDate: (t) => [t.dueDate ?? '9999-12-31'],
  };
  const compareKeys = (x: (string | number)[], y: (string | number)[]) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  };
  const descending = new Set(['-createdAt', '-updatedAt', 'priority']);
  let p: string;
  let all: string[];

  beforeAll(async () => {
    p = await newProject();
    const created = await Promise.all(
      Array.from({ length: 130 }, (_, i) => addTask(p, { title: `Paged ${i}` })),
    );
    all = created.map((t) => t.id);
    // Force heavy ties on every sort key: shared timestamps, positions, priorities and due dates.
    await api.deps.pool.query(
      `update tasks set
         status = (array['todo','in_progress','done'])[number % 3 + 1],
         priority = (array['low','medium','high','critical'])[number % 4 + 1],
         position = case when number % 2 = 0 then 1024 else number * 1024 end,
         created_at = case when number % 3 = 0 then created_at else timestamptz '2030-01-01 00:00:00+00' + (number % 5) * interval '1 second' end,
         updated_at = timestamptz '2030-02-01 00:00:00.123456+00' + (number % 4) * interval '1 millisecond',
         due_date = case when number % 6 = 0 then null else date '2030-01-01' + number % 4 end
       where project_id = $1`,
      [p],
    );
    const gone = await addTask(p, { title: 'Deleted card' });
    await api.http().delete(`${V1}/tasks/${gone.id}`).set(auth(team.users.member));
  });

  it.each(sorts)('returns every task exactly once, in order, when paging by 7 with sort=%s', async (sort) => {
    const seen: T[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(
        p,
        `sort=${sort}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      expect(++pages).toBeLessThan(40);
    } while (cursor);
    const ids = seen.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...all].sort());
    for (let i = 1; i < seen.length; i++) {
      const [prev, cur] = [keyOf[sort](seen[i - 1]!), keyOf[sort](seen[i]!)];
      const cmp = compareKeys(prev, cur);
      expect(descending.has(sort) ? cmp >= 0 : cmp <= 0).toBe(true);
    }
  });

  // The board reads each column on its own cursor; one status takes a query of its own (an equality
  // and a (position, id) boundary), so it is paged here too, through the heavy position ties.
  it.each(['todo', 'in_progress', 'done'])(
    'returns one column (status=%s) exactly once, in position order, when paging by 7 with sort=position',
    async (status) => {
      const seen: T[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await list(
          p,
          `sort=position&status=${status}&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(res.status).toBe(200);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        expect(++pages).toBeLessThan(20);
      } while (cursor);
      const { rows } = await api.deps.pool.query(
        'select id from tasks where project_id = $1 and status = $2 and deleted_at is null order by position, id',
        [p, status],
      );
      expect(rows.length).toBeGreaterThan(40);
      expect(seen.map((t) => t.id)).toEqual(rows.map((r) => r.id));
    },
  );

  it('refuses a malformed cursor, one from another sort or one from another list with 400 on field cursor', async () => {
    const first = await list(p, 'sort=createdAt&limit=5');
    const forged = Buffer.from(JSON.stringify(['x', 1])).toString('base64url');
    // The workspace's activity pages by (createdAt, id), as sort=createdAt does: the same shape,
    // still not this list's.
    const activity = await firstCursor(
      api,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/activity`,
    );
    for (const query of [
      'cursor=not-a-cursor',
      `cursor=${forged}`,
      `sort=priority&cursor=${first.body.nextCursor}`,
      `sort=createdAt&cursor=${activity}`,
    ]) {
      const res = await list(p, query);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it("refuses one sort's cursor with another sort, even of the same shape (sort=createdAt's with sort=-updatedAt), with 400 on cursor", async () => {
    for (const taken of sorts) {
      const first = await list(p, `sort=${taken}&limit=5`);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      for (const sort of sorts.filter((s) => s !== taken)) {
        const res = await list(p, `sort=${sort}&cursor=${first.body.nextCursor}`);
        expect([taken, sort, res.status, res.body.error?.code]).toEqual([
          taken,
          sort,
          400,
          'VALIDATION_ERROR',
        ]);
        expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    }
  });

  it('refuses a limit over 100 or under 1', async () => {
    expect((await list(p, 'limit=101')).status).toBe(400);
    expect((await list(p, 'limit=0')).status).toBe(400);
    expect((await list(p, 'limit=100')).body.items).toHaveLength(100);
  });
});

describe('filtering tasks', () => {
  let p: string;
  let label: string;
  const t: Record<string, T> = {};
  const ids = async (query: string) => {
    const res = await list(p, `${query}&limit=100`);
    expect(res.status).toBe(200);
    return res.body.items.map((x: T) => x.id).sort();
  };
  const of = (...names: string[]) => names.map((n) => t[n]!.id).sort();

  beforeAll(async () => {
    p = await newProject();
    const lr = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/labels`)
      .set(auth(team.users.member))
      .send({ name: `filter-${randomUUID().slice(0, 6)}` });
    label = lr.body.id;
    t.a = await addTask(p, {
      title: 'Deploy the gateway',
      status: 'todo',
      priority: 'high',
      dueDate: '2030-03-01',
      assigneeIds: [team.users.admin.id],
    });
    t.b = await addTask(p, {
      title: 'Fix login bug',
      status: 'done',
      priority: 'low',
      dueDate: '2030-06-01',
      labelIds: [label],
    });
    t.c = await addTask(p, {
      title: 'Write docs',
      status: 'in_progress',
      priority: 'high',
      labelIds: [label],
      assigneeIds: [team.users.admin.id, team.users.owner.id],
    });
    t.d = await addTask(p, {
      title: 'Ship 100%_done report',
      status: 'todo',
      priority: 'medium',
      dueDate: '2030-09-01',
    });
    t.e = await addTask(p, {
      title: 'Ship 1000 done',
      status: 'blocked',
      priority: 'critical',
      description: 'deploying tomorrow',
    });
  });

  it('filters by one status and by repeated statuses', async () => {
    expect(await ids('status=todo')).toEqual(of('a', 'd'));
    expect(await ids('status=todo&status=done')).toEqual(of('a', 'b', 'd'));
    expect((await list(p, 'status=doing')).status).toBe(400);
  });

  it('filters by priority, assignee, label and due date, and combines filters', async () => {
    expect(await ids('priority=high')).toEqual(of('a', 'c'));
    expect(await ids('priority=low&priority=critical')).toEqual(of('b', 'e'));
    expect(await ids(`assigneeId=${team.users.admin.id}`)).toEqual(of('a', 'c'));
    expect(await ids(`assigneeId=${team.users.member.id}`)).toEqual([]);
    expect(await ids(`labelId=${label}`)).toEqual(of('b', 'c'));
    expect(await ids('dueBefore=2030-06-01')).toEqual(of('a', 'b'));
    expect(await ids('status=todo&priority=high')).toEqual(of('a'));
    expect((await list(p, 'dueBefore=June')).status).toBe(400);
  });

  it('filters by q on words (stemmed) and treats % and _ as literal text', async () => {
    expect(await ids('q=deploy')).toEqual(of('a', 'e'));
    expect(await ids('q=login')).toEqual(of('b'));
    expect(await ids(`q=${encodeURIComponent('100%_done')}`)).toEqual(of('d'));
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual(of('d'));
    expect(await ids('q=_')).toEqual(of('d'));
    expect(await ids(`q=${encodeURIComponent("'; drop table tasks; --")}`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('\\')}`)).toEqual([]);
    expect((await list(p, 'q=')).status).toBe(400);
  });
});
