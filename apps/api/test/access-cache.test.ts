import { sql } from 'drizzle-orm';
import { renewAccessStamps } from '@teamflow/core/workspaces/access-stamp';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

// Two api instances on one database and one Redis, each with its own in-process membership
// cache: what one instance changes, the other must honour on the very next request.
let a: TestApi;
let b: TestApi;
beforeAll(async () => {
  [a, b] = await Promise.all([startApi(), startApi()]);
});
afterAll(() => Promise.all([a.close(), b.close()]));

let team: TeamFixture;
beforeEach(async () => {
  team = await createTeam(a);
});

const listTasks = (api: TestApi, who: { token: string }) =>
  api.http().get(`${V1}/projects/${team.projectId}/tasks`).set(auth(who));
const createTask = (api: TestApi, who: { token: string }, title = 'Cached access task') =>
  api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(auth(who)).send({ title });

/** Both instances have served the member, so each holds their membership in its cache. */
async function warmBoth(): Promise<void> {
  for (const api of [a, b]) expect((await listTasks(api, team.users.member)).status).toBe(200);
}

describe('membership cache across two api instances', () => {
  it('a member removed on one instance gets 404 on the next request to the other', async () => {
    await warmBoth();
    const removed = await a
      .http()
      .delete(`${V1}/workspaces/${team.workspaceId}/members/${team.users.member.id}`)
      .set(auth(team.users.owner));
    expect(removed.status).toBe(204);

    expect((await listTasks(b, team.users.member)).status).toBe(404);
    expect((await listTasks(a, team.users.member)).status).toBe(404);
    expect((await createTask(b, team.users.member)).status).toBe(404);
  });

  it('a member demoted to viewer on one instance may no longer create on the other', async () => {
    await warmBoth();
    expect((await createTask(b, team.users.member)).status).toBe(201);
    const demoted = await a
      .http()
      .patch(`${V1}/workspaces/${team.workspaceId}/members/${team.users.member.id}`)
      .set(auth(team.users.owner))
      .send({ role: 'viewer' });
    expect(demoted.status).toBe(200);

    expect((await createTask(b, team.users.member)).status).toBe(403);
    expect((await listTasks(b, team.users.member)).status).toBe(200);
  });

  it('a project deleted on one instance is gone for every member on the other', async () => {
    await warmBoth();
    const deleted = await a.http().delete(`${V1}/projects/${team.projectId}`).set(auth(team.users.owner));
    expect(deleted.status).toBe(204);

    expect((await listTasks(b, team.users.member)).status).toBe(404);
    expect((await listTasks(b, team.users.viewer)).status).toBe(404);
  });

  it('a signed-out token is refused by the other instance at once', async () => {
    await warmBoth();
    const out = await a.http().post(`${V1}/auth/logout`).set(auth(team.users.member));
    expect(out.status).toBe(204);

    expect((await listTasks(b, team.users.member)).status).toBe(401);
  });

  it('serves a cached membership until the access stamp changes, then reads the database again', async () => {
    await warmBoth();
    // Behind the api's back (no stamp renewed): the cache still answers with the old role ...
    await b.deps.db.execute(
      sql`update workspace_members set role = 'viewer'
          where workspace_id = ${team.workspaceId} and user_id = ${team.users.member.id}`,
    );
    expect((await createTask(b, team.users.member)).status).toBe(201);
    // ... and a renewed stamp ends it on the next request.
    await renewAccessStamps(a.deps.redis, [team.users.member.id]);
    expect((await createTask(b, team.users.member)).status).toBe(403);
  });

  it('a stranger is never cached: joining later gives access on the next request', async () => {
    const stranger = team.users.stranger;
    for (const api of [a, b]) expect((await listTasks(api, stranger)).status).toBe(404);
    const inv = await a
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/invitations`)
      .set(auth(team.users.owner))
      .send({ email: stranger.email, role: 'viewer' });
    const token = String(inv.body.inviteUrl).split('/invite/')[1];
    expect((await a.http().post(`${V1}/invitations/${token}/accept`).set(auth(stranger))).status).toBe(200);

    expect((await listTasks(b, stranger)).status).toBe(200);
  });
});
