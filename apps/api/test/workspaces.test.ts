import { randomUUID } from 'node:crypto';
import {
  auth,
  createTeam,
  registerUser,
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

const suffix = () => randomUUID().slice(0, 8);
const ids = (items: unknown) => (items as { id: string }[]).map((x) => x.id);
const fieldsOf = (error: unknown) => (error as { details: { field: string }[] }).details.map((d) => d.field);

async function createWorkspace(user: TestUser, body: Record<string, unknown>) {
  return api.http().post(`${V1}/workspaces`).set(auth(user)).send(body);
}

/** Activity and outbox rows written by this workspace, or by this actor anywhere. */
async function changeRows(filter: { workspaceId: string } | { actorId: string }) {
  const [column, value] =
    'workspaceId' in filter ? ['workspace_id', filter.workspaceId] : ['actor_id', filter.actorId];
  const activities = await api.deps.pool.query<{ action: string; entity_type: string }>(
    `select action, entity_type from activities where ${column} = $1 order by created_at`,
    [value],
  );
  const outbox = await api.deps.pool.query<{ type: string }>(
    `select type from outbox where ${column} = $1 order by id`,
    [value],
  );
  return { activities: activities.rows, outbox: outbox.rows };
}

describe('create', () => {
  it('derives the slug from the name and makes the caller its owner', async () => {
    const owner = await registerUser(api, 'owner');
    const tag = suffix();
    const res = await createWorkspace(owner, { name: `Acme Rockets ${tag}!` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: `Acme Rockets ${tag}!`,
      slug: `acme-rockets-${tag}`,
      role: 'owner',
    });
    const members = await api.deps.pool.query(
      'select user_id, role from workspace_members where workspace_id = $1',
      [res.body.id],
    );
    expect(members.rows).toEqual([{ user_id: owner.id, role: 'owner' }]);
  });

  it('uses an explicit slug as given (lower-cased)', async () => {
    const owner = await registerUser(api, 'owner');
    const slug = `my-team-${suffix()}`;
    const res = await createWorkspace(owner, { name: 'Whatever', slug: slug.toUpperCase() });
    expect(res.status).toBe(201);
    expect(res.body.slug).toBe(slug);
  });

  it('answers 409 with slug details for an explicit slug already taken, and writes nothing', async () => {
    const [first, second] = await Promise.all([registerUser(api, 'first'), registerUser(api, 'second')]);
    const slug = `taken-${suffix()}`;
    expect((await createWorkspace(first, { name: 'One', slug })).status).toBe(201);
    const res = await createWorkspace(second, { name: 'Two', slug });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'slug' })]);
    const rows = await changeRows({ actorId: second.id });
    expect(rows).toEqual({ activities: [], outbox: [] });
    const owned = await api.deps.pool.query('select 1 from workspace_members where user_id = $1', [
      second.id,
    ]);
    expect(owned.rowCount).toBe(0);
  });

  it('adds a suffix when the derived slug is taken', async () => {
    const owner = await registerUser(api, 'owner');
    const name = `Same Name ${suffix()}`;
    const a = await createWorkspace(owner, { name });
    const b = await createWorkspace(owner, { name });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.slug).not.toBe(a.body.slug);
    expect(b.body.slug).toMatch(new RegExp(`^${a.body.slug}-[0-9a-f]{6}$`));
  });

  it('rejects a malformed slug and a missing name with field details', async () => {
    const owner = await registerUser(api, 'owner');
    const res = await createWorkspace(owner, { name: '', slug: 'bad slug!' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    const fields = fieldsOf(res.body.error);
    expect(fields).toEqual(expect.arrayContaining(['name', 'slug']));
    for (const slug of ['-leading', 'double--dash', 'x']) {
      const bad = await createWorkspace(owner, { name: 'Ok', slug });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('slug');
    }
  });

  it('writes exactly one activity and one outbox row', async () => {
    const owner = await registerUser(api, 'owner');
    const res = await createWorkspace(owner, { name: `Audit ${suffix()}` });
    const rows = await changeRows({ workspaceId: res.body.id });
    expect(rows.activities).toEqual([{ action: 'created', entity_type: 'workspace' }]);
    expect(rows.outbox).toHaveLength(1);
  });
});

describe('list', () => {
  it("lists only the caller's workspaces, each with the caller's role", async () => {
    const team = await createTeam(api);
    const other = await createWorkspace(team.users.stranger, { name: `Elsewhere ${suffix()}` });
    const mine = await api.http().get(`${V1}/workspaces`).set(auth(team.users.admin));
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: team.workspaceId, role: 'admin' })]);
    const strangers = await api.http().get(`${V1}/workspaces`).set(auth(team.users.stranger));
    expect(ids(strangers.body.items)).toEqual([other.body.id]);
    expect(strangers.body.items[0].role).toBe('owner');
  });

  it('pages by name with ?limit= and ?cursor=: every workspace once, in order, the last page without a cursor', async () => {
    const team = await createTeam(api);
    const user = team.users.owner;
    // Two of the same name: their order is the id's.
    for (const name of ['Twin', 'alpha', 'Twin', 'Zulu', 'Beta'])
      expect((await createWorkspace(user, { name: `${name} ${team.workspaceId.slice(0, 4)}` })).status).toBe(
        201,
      );
    const { rows } = await api.deps.pool.query<{ id: string }>(
      `select w.id from workspace_members m join workspaces w on w.id = m.workspace_id
        where m.user_id = $1 and w.deleted_at is null order by w.name, w.id`,
      [user.id],
    );
    expect(rows).toHaveLength(6);
    const all = await api.http().get(`${V1}/workspaces`).set(auth(user));
    expect(all.body).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(ids(all.body.items)).toEqual(rows.map((r) => r.id));
    for (const limit of [1, 2, 4]) {
      const pages = await pageThrough<{ id: string }>(api, user, `${V1}/workspaces`, limit);
      expect(pages.flatMap((p) => ids(p.items))).toEqual(rows.map((r) => r.id));
      expect(pages).toHaveLength(Math.ceil(6 / limit));
      expect(pages.slice(0, -1).every((p) => p.items.length === limit && p.nextCursor)).toBe(true);
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('refuses ?limit= outside 1–100, a garbled cursor and a cursor of another list with 400', async () => {
    const team = await createTeam(api);
    const members = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/members?limit=1`)
      .set(auth(team.users.owner));
    expect(members.body.nextCursor).toEqual(expect.any(String));
    await expectPagingRefused(api, team.users.owner, `${V1}/workspaces`, members.body.nextCursor);
  });
});

describe('get, update and delete by role', () => {
  let team: TeamFixture;
  beforeEach(async () => {
    team = await createTeam(api);
  });
  const url = () => `${V1}/workspaces/${team.workspaceId}`;

  it('lets every role read the workspace and hides it from strangers with 404', async () => {
    for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
      const res = await api.http().get(url()).set(auth(team.users[role]));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: team.workspaceId, role });
    }
    const stranger = await api.http().get(url()).set(auth(team.users.stranger));
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('NOT_FOUND');
  });

  it('lets the owner rename and re-slug, writing one activity and one outbox row', async () => {
    const before = await changeRows({ workspaceId: team.workspaceId });
    const slug = `renamed-${suffix()}`;
    const res = await api.http().patch(url()).set(auth(team.users.owner)).send({ name: 'Renamed', slug });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', slug, role: 'owner' });
    expect((await api.http().get(url()).set(auth(team.users.viewer))).body).toMatchObject({
      name: 'Renamed',
      slug,
    });
    const after = await changeRows({ workspaceId: team.workspaceId });
    expect(after.activities.slice(before.activities.length)).toEqual([
      { action: 'updated', entity_type: 'workspace' },
    ]);
    expect(after.outbox.slice(before.outbox.length)).toEqual([{ type: 'WORKSPACE_UPDATED' }]);
  });

  it('lets the owner set the team’s time zone (UTC until then) and refuses an unknown one', async () => {
    expect((await api.http().get(url()).set(auth(team.users.member))).body.timeZone).toBe('UTC');
    const res = await api.http().patch(url()).set(auth(team.users.owner)).send({ timeZone: 'Europe/Berlin' });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Europe/Berlin');
    const bad = await api
      .http()
      .patch(url())
      .set(auth(team.users.owner))
      .send({ timeZone: 'Europe/Atlantis' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['timeZone']);
    expect((await api.http().get(url()).set(auth(team.users.viewer))).body.timeZone).toBe('Europe/Berlin');
  });

  it('refuses update and delete to admin, member and viewer with 403, and to strangers with 404', async () => {
    for (const role of ['admin', 'member', 'viewer'] as const) {
      expect(
        (await api.http().patch(url()).set(auth(team.users[role])).send({ name: 'Mine now' })).status,
      ).toBe(403);
      expect((await api.http().delete(url()).set(auth(team.users[role]))).status).toBe(403);
    }
    expect(
      (await api.http().patch(url()).set(auth(team.users.stranger)).send({ name: 'Mine now' })).status,
    ).toBe(404);
    expect((await api.http().delete(url()).set(auth(team.users.stranger))).status).toBe(404);
    const row = await api.deps.pool.query('select name, deleted_at from workspaces where id = $1', [
      team.workspaceId,
    ]);
    expect(row.rows[0].name).not.toBe('Mine now');
    expect(row.rows[0].deleted_at).toBeNull();
  });

  it('answers 409 with slug details when renaming to a taken slug, and rolls back its audit rows', async () => {
    const other = await createWorkspace(team.users.stranger, { name: `Other ${suffix()}` });
    const before = await changeRows({ workspaceId: team.workspaceId });
    const res = await api
      .http()
      .patch(url())
      .set(auth(team.users.owner))
      .send({ name: 'Clash', slug: other.body.slug });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'slug' })]);
    expect(await changeRows({ workspaceId: team.workspaceId })).toEqual(before);
    const row = await api.deps.pool.query('select name from workspaces where id = $1', [team.workspaceId]);
    expect(row.rows[0].name).not.toBe('Clash');
  });

  it('gives one of two concurrent renames to the same slug a 409, never a 500', async () => {
    const other = await createWorkspace(team.users.owner, { name: `Second ${suffix()}` });
    for (let i = 0; i < 3; i++) {
      const slug = `race-${suffix()}`;
      const results = await Promise.all(
        [team.workspaceId, other.body.id].map((id) =>
          api.http().patch(`${V1}/workspaces/${id}`).set(auth(team.users.owner)).send({ slug }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.details).toEqual([
        expect.objectContaining({ field: 'slug' }),
      ]);
    }
  });

  it('rejects an empty update with 400', async () => {
    const res = await api.http().patch(url()).set(auth(team.users.owner)).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('soft-deletes: the row stays, the workspace leaves every list and all its resources answer 404', async () => {
    const before = await changeRows({ workspaceId: team.workspaceId });
    const res = await api.http().delete(url()).set(auth(team.users.owner));
    expect(res.status).toBe(204);

    const row = await api.deps.pool.query('select deleted_at from workspaces where id = $1', [
      team.workspaceId,
    ]);
    expect(row.rows[0].deleted_at).toBeInstanceOf(Date);
    const after = await changeRows({ workspaceId: team.workspaceId });
    expect(after.activities.slice(before.activities.length)).toEqual([
      { action: 'deleted', entity_type: 'workspace' },
    ]);
    expect(after.outbox).toHaveLength(before.outbox.length + 1);

    for (const role of ['owner', 'member'] as const) {
      const list = await api.http().get(`${V1}/workspaces`).set(auth(team.users[role]));
      expect(ids(list.body.items)).not.toContain(team.workspaceId);
    }
    const owner = auth(team.users.owner);
    const gone = [
      api.http().get(url()).set(owner),
      api.http().patch(url()).set(owner).send({ name: 'Back' }),
      api.http().delete(url()).set(owner),
      api.http().get(`${url()}/members`).set(owner),
      api.http().get(`${url()}/projects`).set(owner),
      api.http().post(`${url()}/projects`).set(owner).send({ name: 'Late' }),
      api.http().get(`${V1}/projects/${team.projectId}`).set(owner),
      api.http().get(`${V1}/tasks/${team.taskId}`).set(owner),
    ];
    for (const res404 of await Promise.all(gone)) expect(res404.status).toBe(404);
  });
});
