import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { projects } from '@teamflow/db/schema/index';
import {
  auth,
  createTeam,
  lastTaskNumber,
  startApi,
  V1,
  type TeamFixture,
  type TestApi,
  type TestUser,
} from './harness';
import { expectPagingRefused, pageThrough } from './list-paging';

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const ids = (items: unknown) => (items as { id: string }[]).map((x) => x.id);

let team: TeamFixture;
beforeEach(async () => {
  team = await createTeam(api);
});

const create = (by: TestUser, body: Record<string, unknown>, workspaceId = team.workspaceId) =>
  api.http().post(`${V1}/workspaces/${workspaceId}/projects`).set(auth(by)).send(body);
const patch = (by: TestUser, id: string, body: Record<string, unknown>) =>
  api.http().patch(`${V1}/projects/${id}`).set(auth(by)).send(body);
const get = (by: TestUser, id: string) => api.http().get(`${V1}/projects/${id}`).set(auth(by));

async function projectRow(id: string) {
  const [row] = await api.deps.db.select().from(projects).where(eq(projects.id, id));
  return row!;
}

describe('create', () => {
  it('derives the key from the name: "Mobile App" → "MA"', async () => {
    const res = await create(team.users.member, { name: 'Mobile App' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      key: 'MA',
      name: 'Mobile App',
      workspaceId: team.workspaceId,
      createdBy: team.users.member.id,
      version: 1,
      description: null,
    });
  });

  it('upper-cases an explicit key', async () => {
    const res = await create(team.users.admin, { name: 'Website', key: 'web2' });
    expect(res.status).toBe(201);
    expect(res.body.key).toBe('WEB2');
    expect((await projectRow(res.body.id)).key).toBe('WEB2');
  });

  it('answers 409 for a key already used in the workspace, but allows it in another workspace', async () => {
    const dup = await create(team.users.owner, { name: 'Another core', key: 'core' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
    expect(dup.body.error.details).toEqual([expect.objectContaining({ field: 'key' })]);
    const derived = await create(team.users.owner, { name: 'Core' });
    expect(derived.status).toBe(201);
    expect(derived.body.key).toBe('COR');

    const other = await api
      .http()
      .post(`${V1}/workspaces`)
      .set(auth(team.users.stranger))
      .send({ name: `Other ${randomUUID().slice(0, 6)}` });
    const elsewhere = await create(team.users.stranger, { name: 'Core too', key: 'CORE' }, other.body.id);
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body).toMatchObject({ key: 'CORE', workspaceId: other.body.id });
  });

  it('rejects malformed keys and names with field details', async () => {
    for (const key of ['A', '1ABC', 'TOO-LONG', 'ABCDEFGHIJK', 'A B']) {
      const res = await create(team.users.owner, { name: 'Fine', key });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'key' })]);
    }
    const noName = await create(team.users.owner, { name: '   ' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details[0].field).toBe('name');
  });

  it('refuses a viewer with 403 and a stranger with 404', async () => {
    expect((await create(team.users.viewer, { name: 'Viewer Project', key: 'VIEW' })).status).toBe(403);
    expect((await create(team.users.stranger, { name: 'Stranger Project', key: 'STRA' })).status).toBe(404);
    const rows = await api.deps.pool.query("select 1 from projects where key in ('VIEW', 'STRA')");
    expect(rows.rowCount).toBe(0);
  });

  it('sanitises the description on write: script gone, markdown kept', async () => {
    const description =
      '# Plan\n\n<script>alert("x")</script>Ship **fast** when a < b\n\n- [docs](https://example.test)';
    const res = await create(team.users.owner, { name: 'Safe', description });
    expect(res.status).toBe(201);
    const stored = (await projectRow(res.body.id)).description!;
    expect(res.body.description).toBe(stored);
    expect(stored).not.toMatch(/<script|alert\(/);
    expect(stored).toContain('# Plan');
    expect(stored).toContain('Ship **fast** when a < b');
    expect(stored).toContain('- [docs](https://example.test)');
  });

  it('ignores id, workspaceId, createdBy, taskCounter and version in the body', async () => {
    const other = await api
      .http()
      .post(`${V1}/workspaces`)
      .set(auth(team.users.stranger))
      .send({ name: `Target ${randomUUID().slice(0, 6)}` });
    const forgedId = randomUUID();
    const res = await create(team.users.member, {
      name: 'Honest',
      key: 'HON',
      id: forgedId,
      workspaceId: other.body.id,
      createdBy: team.users.owner.id,
      taskCounter: 99,
      version: 7,
      deletedAt: new Date().toISOString(),
    });
    expect(res.status).toBe(201);
    const row = await projectRow(res.body.id);
    expect(row.id).not.toBe(forgedId);
    expect(row).toMatchObject({
      workspaceId: team.workspaceId,
      createdBy: team.users.member.id,
      taskCounter: 0,
      version: 1,
      deletedAt: null,
    });
    const forged = await api.deps.pool.query('select 1 from projects where id = $1 or workspace_id = $2', [
      forgedId,
      other.body.id,
    ]);
    expect(forged.rowCount).toBe(0);
  });
});

describe('list and get', () => {
  it('lists the workspace projects to every role and hides them from strangers', async () => {
    const extra = await create(team.users.member, { name: 'Backlog' });
    for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
      const res = await api
        .http()
        .get(`${V1}/workspaces/${team.workspaceId}/projects`)
        .set(auth(team.users[role]));
      expect(res.status).toBe(200);
      expect(ids(res.body.items).sort()).toEqual([team.projectId, extra.body.id].sort());
    }
    const stranger = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/projects`)
      .set(auth(team.users.stranger));
    expect(stranger.status).toBe(404);
  });

  it('returns one project to a viewer and 404 to a stranger or for an unknown id', async () => {
    const res = await get(team.users.viewer, team.projectId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: team.projectId,
      key: 'CORE',
      name: 'Core',
      workspaceId: team.workspaceId,
    });
    expect((await get(team.users.stranger, team.projectId)).status).toBe(404);
    expect((await get(team.users.owner, randomUUID())).status).toBe(404);
  });

  it('pages by name, 50 by default, with ?limit= and ?cursor=: every project once, in order', async () => {
    // 50 besides the team's "Core", three of them named alike (their order is the id's).
    for (let i = 0; i < 50; i++) {
      const name = i % 20 === 0 ? 'Same name' : `Project ${String(i).padStart(2, '0')}`;
      expect((await create(team.users.member, { name, key: `PG${i}` })).status).toBe(201);
    }
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from projects where workspace_id = $1 and deleted_at is null order by name, id',
      [team.workspaceId],
    );
    expect(rows).toHaveLength(51);
    const order = rows.map((r) => r.id);
    const path = `${V1}/workspaces/${team.workspaceId}/projects`;
    const first = await api.http().get(path).set(auth(team.users.viewer));
    expect(ids(first.body.items)).toEqual(order.slice(0, 50));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await api
      .http()
      .get(path)
      .query({ cursor: first.body.nextCursor })
      .set(auth(team.users.viewer));
    expect(rest.body).toEqual({ items: [expect.objectContaining({ id: order[50] })], nextCursor: null });
    for (const limit of [2, 7, 100]) {
      const pages = await pageThrough<{ id: string }>(api, team.users.viewer, path, limit);
      expect(pages.flatMap((p) => ids(p.items))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(51 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('refuses ?limit= outside 1–100, a garbled cursor and a cursor of another list with 400', async () => {
    const labels = `${V1}/workspaces/${team.workspaceId}/labels`;
    for (const name of ['One', 'Two'])
      expect((await api.http().post(labels).set(auth(team.users.member)).send({ name })).status).toBe(201);
    // Labels page by (name, id) too: the cursor has the same shape and still is not this list's.
    const labelPage = await api.http().get(`${labels}?limit=1`).set(auth(team.users.viewer));
    expect(labelPage.body.nextCursor).toEqual(expect.any(String));
    await expectPagingRefused(
      api,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/projects`,
      labelPage.body.nextCursor,
    );
  });
});

describe('update with version', () => {
  it('applies a change sent with the current version and increments it', async () => {
    const res = await patch(team.users.admin, team.projectId, { version: 1, name: 'Core Platform' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Core Platform', version: 2, key: 'CORE' });
    expect(await projectRow(team.projectId)).toMatchObject({ name: 'Core Platform', version: 2 });
  });

  it('answers a stale version with 409 carrying the current project, and overwrites nothing', async () => {
    expect((await patch(team.users.owner, team.projectId, { version: 1, name: 'First' })).status).toBe(200);
    const stale = await patch(team.users.admin, team.projectId, { version: 1, name: 'Second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({ id: team.projectId, name: 'First', version: 2 });
    expect(await projectRow(team.projectId)).toMatchObject({ name: 'First', version: 2 });
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const results = await Promise.all([
      patch(team.users.owner, team.projectId, { version: 1, name: 'Owner wins' }),
      patch(team.users.admin, team.projectId, { version: 1, name: 'Admin wins' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.details.current).toEqual(winner.body);
    expect(await projectRow(team.projectId)).toMatchObject({ name: winner.body.name, version: 2 });
  });

  it('sanitises the description on update and can clear it with null', async () => {
    const res = await patch(team.users.owner, team.projectId, {
      version: 1,
      description: 'Keep *this*<img src=x onerror=alert(1)><script>steal()</script>',
    });
    expect(res.status).toBe(200);
    expect(res.body.description).toContain('Keep *this*');
    expect(res.body.description).not.toMatch(/<script|onerror|steal\(/);
    const cleared = await patch(team.users.owner, team.projectId, { version: 2, description: null });
    expect(cleared.body).toMatchObject({ description: null, version: 3 });
  });

  it('ignores workspaceId, key, createdBy and taskCounter in an update', async () => {
    const other = await api
      .http()
      .post(`${V1}/workspaces`)
      .set(auth(team.users.owner))
      .send({ name: `Move ${randomUUID().slice(0, 6)}` });
    const res = await patch(team.users.owner, team.projectId, {
      version: 1,
      name: 'Renamed',
      workspaceId: other.body.id,
      key: 'HIJACK',
      createdBy: team.users.viewer.id,
      taskCounter: 0,
    });
    expect(res.status).toBe(200);
    expect(await projectRow(team.projectId)).toMatchObject({
      name: 'Renamed',
      workspaceId: team.workspaceId,
      key: 'CORE',
      createdBy: team.users.owner.id,
    });
    expect(await lastTaskNumber(api, team.projectId)).toBe(1);
  });

  it('requires a version (400) and refuses members and viewers (403) and strangers (404)', async () => {
    const missing = await patch(team.users.owner, team.projectId, { name: 'No version' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('version');
    expect((await patch(team.users.member, team.projectId, { version: 1, name: 'M' })).status).toBe(403);
    expect((await patch(team.users.viewer, team.projectId, { version: 1, name: 'V' })).status).toBe(403);
    expect((await patch(team.users.stranger, team.projectId, { version: 1, name: 'S' })).status).toBe(404);
    expect(await projectRow(team.projectId)).toMatchObject({ name: 'Core', version: 1 });
  });
});

describe('delete', () => {
  it('soft-deletes: the row stays, the project and its tasks answer 404 and it leaves the list', async () => {
    expect((await api.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member))).status).toBe(
      200,
    );
    const res = await api.http().delete(`${V1}/projects/${team.projectId}`).set(auth(team.users.admin));
    expect(res.status).toBe(204);
    expect((await projectRow(team.projectId)).deletedAt).toBeInstanceOf(Date);

    const member = auth(team.users.member);
    const after = await Promise.all([
      api.http().get(`${V1}/projects/${team.projectId}`).set(member),
      api
        .http()
        .patch(`${V1}/projects/${team.projectId}`)
        .set(auth(team.users.owner))
        .send({ version: 2, name: 'Zombie' }),
      api.http().delete(`${V1}/projects/${team.projectId}`).set(auth(team.users.owner)),
      api.http().get(`${V1}/projects/${team.projectId}/tasks`).set(member),
      api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(member).send({ title: 'Too late' }),
      api.http().get(`${V1}/tasks/${team.taskId}`).set(member),
      api
        .http()
        .patch(`${V1}/tasks/${team.taskId}`)
        .set(member)
        .send({ title: 'Edit after delete', version: 1 }),
    ]);
    expect(after.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const list = await api.http().get(`${V1}/workspaces/${team.workspaceId}/projects`).set(member);
    expect(ids(list.body.items)).not.toContain(team.projectId);
  });

  it('frees the key of a deleted project for reuse', async () => {
    expect(
      (await api.http().delete(`${V1}/projects/${team.projectId}`).set(auth(team.users.owner))).status,
    ).toBe(204);
    const res = await create(team.users.owner, { name: 'Core again', key: 'CORE' });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(team.projectId);
  });

  it('refuses members and viewers with 403 and strangers with 404', async () => {
    for (const role of ['member', 'viewer'] as const) {
      expect(
        (await api.http().delete(`${V1}/projects/${team.projectId}`).set(auth(team.users[role]))).status,
      ).toBe(403);
    }
    expect(
      (await api.http().delete(`${V1}/projects/${team.projectId}`).set(auth(team.users.stranger))).status,
    ).toBe(404);
    expect((await projectRow(team.projectId)).deletedAt).toBeNull();
  });
});
