import { auth, createTeam, V1, type TeamFixture } from './harness';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

let api: LiveApi;
let team: TeamFixture;
let store: Awaited<ReturnType<typeof isolatedStore>>;
const clients: Client[] = [];

beforeAll(async () => {
  store = await isolatedStore('rts');
  api = await startLiveApi(store.env);
  team = await createTeam(api);
});
afterAll(async () => {
  for (const c of clients.splice(0)) c.socket.disconnect();
  await api?.close();
  await store?.drop();
});

describe('sprint rooms', () => {
  it('deliver SPRINT_UPDATED to readers of the sprint and refuse strangers', async () => {
    const created = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/sprints`)
      .set(auth(team.users.member))
      .send({ name: 'Live sprint' });
    const room = `sprint:${created.body.id as string}`;
    const viewer = await connectClient(api.url, team.users.viewer.token);
    const stranger = await connectClient(api.url, team.users.stranger.token);
    clients.push(viewer, stranger);
    expect(await viewer.join([room])).toMatchObject({ joined: [room], denied: [] });
    expect(await stranger.join([room])).toMatchObject({ joined: [], denied: [room] });

    const started = await api
      .http()
      .patch(`${V1}/sprints/${created.body.id as string}`)
      .set(auth(team.users.member))
      .send({ version: created.body.version, state: 'active' });
    expect(started.status).toBe(200);
    await until('the sprint event to arrive', () =>
      viewer.events.some((e) => e.type === 'SPRINT_UPDATED' && e.data.state === 'active'),
    );
    expect(viewer.events.find((e) => e.data.state === 'active')).toMatchObject({
      entityId: created.body.id,
      version: 2,
      seq: expect.any(Number),
    });
    expect(stranger.events).toHaveLength(0);
  });
});
