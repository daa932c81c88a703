import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { generateDigest } from '@teamflow/core/digests/generate-digest';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import { expectPagingRefused, firstCursor } from './list-paging';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/**
 * Two api instances on one database and one Redis prefix, as behind a load balancer: a change
 * made through one reaches sockets on the other, through the outbox relay and the event stream.
 */

let one: LiveApi;
let two: LiveApi;
let team: TeamFixture;
const clients: Client[] = [];

async function client(api: LiveApi, token: string): Promise<Client> {
  const c = await connectClient(api.url, token);
  clients.push(c);
  return c;
}

const patchTask = (title: string, version: number) =>
  one.http().patch(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member)).send({ title, version });

let store: Awaited<ReturnType<typeof isolatedStore>>;

beforeAll(async () => {
  store = await isolatedStore('rt');
  one = await startLiveApi(store.env);
  two = await startLiveApi(store.env);
  team = await createTeam(one);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.socket.disconnect();
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await store?.drop();
});

describe('realtime over two api instances', () => {
  it('delivers a REST change made through instance 1 to a socket on instance 2, with a seq', async () => {
    const viewer = await client(two, team.users.viewer.token);
    const ack = await viewer.join([`workspace:${team.workspaceId}`, `task:${team.taskId}`]);
    expect(ack).toMatchObject({
      joined: [`workspace:${team.workspaceId}`, `task:${team.taskId}`],
      denied: [],
    });
    const current = await one.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member));
    const res = await patchTask('Renamed live', current.body.version);
    expect(res.status).toBe(200);
    await until('the update to arrive', () => viewer.events.some((e) => e.type === 'TASK_UPDATED'));
    const event = viewer.events.find((e) => e.type === 'TASK_UPDATED')!;
    expect(event).toMatchObject({
      type: 'TASK_UPDATED',
      workspaceId: team.workspaceId,
      entityId: team.taskId,
      actor: { id: team.users.member.id, name: team.users.member.name },
      seq: expect.any(Number),
    });
    // Joined both the workspace and the task room, yet receives the event once: a later change has
    // arrived after it on the same socket, so a second copy would have too (not a fixed wait).
    expect((await patchTask('Renamed live again', res.body.version)).status).toBe(200);
    await until('the later change to arrive', () =>
      viewer.events.some((e) => e.data.title === 'Renamed live again'),
    );
    expect(viewer.events.filter((e) => e.seq === event.seq)).toHaveLength(1);
  });

  it('refuses a bad or missing token with connect_error UNAUTHORIZED', async () => {
    for (const auth of [{ token: 'not-a-jwt' }, {}]) {
      const socket = connect(two.url, {
        path: '/socket.io',
        auth,
        transports: ['websocket'],
        reconnection: false,
      });
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      socket.disconnect();
      expect(error.message).toBe('UNAUTHORIZED');
    }
  });

  it('refuses a handshake from an origin that is not allowed', async () => {
    const socket = connect(two.url, {
      path: '/socket.io',
      auth: { token: team.users.member.token },
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { Origin: 'https://evil.example' },
    });
    await new Promise((resolve) => socket.once('connect_error', resolve));
    expect(socket.connected).toBe(false);
    socket.disconnect();
  });

  it("denies a stranger's join and sends them nothing", async () => {
    const stranger = await client(two, team.users.stranger.token);
    const rooms = [
      `workspace:${team.workspaceId}`,
      `project:${team.projectId}`,
      `task:${team.taskId}`,
      'bogus',
      'task:x',
    ];
    expect(await stranger.join(rooms)).toEqual({ joined: [], denied: rooms, online: {}, seq: {} });
    const member = await client(two, team.users.member.token);
    await member.join([`workspace:${team.workspaceId}`]);
    const current = await one.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member));
    await patchTask('Not for strangers', current.body.version);
    // Not a fixed wait: instance two has sent the change to the member, and then answered the
    // stranger, so anything sent to the stranger with the change has arrived before that answer.
    await until('the change to reach a member', () =>
      member.events.some((e) => e.data.title === 'Not for strangers'),
    );
    expect((await stranger.join([])).joined).toEqual([]);
    expect(stranger.events).toEqual([]);
  });

  it('sends the async-update events to the workspace room, a status update without its mood', async () => {
    const viewer = await client(two, team.users.viewer.token);
    await viewer.join([`workspace:${team.workspaceId}`]);
    const stranger = await client(two, team.users.stranger.token);
    expect((await stranger.join([`workspace:${team.workspaceId}`])).joined).toEqual([]);
    const { member } = team.users;
    const post = (path: string, body: object) =>
      one.http().post(`${V1}/workspaces/${team.workspaceId}/${path}`).set(auth(member)).send(body);
    const update = await post('status-updates', { date: '2031-02-03', done: 'a', doing: 'b', mood: 1 });
    expect(update.body.mood).toBe(1);
    await post('blockers', { title: 'Waiting on review', severity: 'high' });
    await post('incidents', { title: 'API errors', severity: 'sev2' });
    await post('decisions', { title: 'Use Postgres', context: 'c', decision: 'd', status: 'accepted' });
    await generateDigest(one.deps, team.workspaceId, '2031-02-03');
    const types = [
      'STATUS_UPDATE_POSTED',
      'BLOCKER_UPDATED',
      'INCIDENT_UPDATED',
      'DECISION_UPDATED',
      'DIGEST_READY',
    ];
    await until('every async-update event', () =>
      types.every((type) => viewer.events.some((e) => e.type === type)),
    );
    for (const type of types)
      expect(viewer.events.find((e) => e.type === type)).toMatchObject({
        workspaceId: team.workspaceId,
        seq: expect.any(Number),
      });
    const posted = viewer.events.find((e) => e.type === 'STATUS_UPDATE_POSTED')!;
    expect(posted).toMatchObject({
      entityId: update.body.id,
      actor: { id: member.id, name: member.name },
      data: { userId: member.id, done: 'a' },
    });
    expect(posted.data).not.toHaveProperty('mood');
    expect(stranger.events).toEqual([]);
  });

  it('denies each malformed, unknown or foreign room name on its own and joins the rest', async () => {
    const member = await client(two, team.users.member.token);
    const workspace = `workspace:${team.workspaceId}`;
    const task = `task:${team.taskId}`;
    const denied = [
      'x'.repeat(200),
      'bogus',
      `workspace:${randomUUID()}`,
      `user:${team.users.owner.id}`,
      `constructor:${randomUUID()}`,
      `${workspace}:extra`,
    ];
    const ack = await member.join([
      workspace,
      ...denied,
      42,
      null,
      `task:${team.taskId.toUpperCase()}`,
      workspace,
    ] as string[]);
    // The canonical (lower-case) name is the room events reach.
    expect(ack).toMatchObject({ joined: [workspace, task], denied: [...denied, '42', 'null'] });
    // One name, or several arguments, are room names too; the own room is joined already.
    const own = `user:${team.users.member.id}`;
    expect(await member.socket.timeout(5000).emitWithAck('join', own)).toMatchObject({
      joined: [own],
      denied: [],
    });
    expect(
      await member.socket.timeout(5000).emitWithAck('join', `project:${team.projectId}`, 'bogus'),
    ).toMatchObject({ joined: [`project:${team.projectId}`], denied: ['bogus'] });
    // Still connected, and in the task room events reach, though it asked with an upper-case id.
    expect(member.socket.connected).toBe(true);
    const inTaskRoom = await two.realtime.io.in(task).fetchSockets();
    expect(inTaskRoom.map((s) => s.id)).toContain(member.socket.id);
  });

  it("lets a client that was dropped catch up through GET /activity?since=<seq>; a task's since cursor is a 400 there", async () => {
    const member = await client(two, team.users.member.token);
    await member.join([`workspace:${team.workspaceId}`]);
    let current = await one.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member));
    await patchTask('Before the drop', current.body.version);
    await until('the first event', () => member.events.some((e) => e.data.title === 'Before the drop'));
    const lastSeen = member.events.at(-1)!.seq;
    two.realtime.io.in(`user:${team.users.member.id}`).disconnectSockets(true);
    await until('the forced disconnect', () => !member.socket.connected);
    for (const title of ['Missed one', 'Missed two']) {
      current = await one.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member));
      await patchTask(title, current.body.version);
    }
    await until('the relay to publish', async () => {
      const r = await one
        .http()
        .get(`${V1}/workspaces/${team.workspaceId}/activity?since=${lastSeen}`)
        .set(auth(team.users.viewer));
      return r.body.items.length === 2;
    });
    const missed = await two
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/activity?since=${lastSeen}`)
      .set(auth(team.users.viewer));
    expect(missed.status).toBe(200);
    expect(missed.body.items.map((a: { seq: number }) => a.seq)).toEqual([lastSeen + 1, lastSeen + 2]);
    expect(missed.body.items.map((a: { changes: { title?: { to?: string } } }) => a.changes)).toHaveLength(2);
    const paged = await two
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/activity?since=${lastSeen}&limit=1`)
      .set(auth(team.users.viewer));
    const rest = await two
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/activity?since=0&limit=1&cursor=${paged.body.nextCursor}`)
      .set(auth(team.users.viewer));
    expect([...paged.body.items, ...rest.body.items].map((a: { seq: number }) => a.seq)).toEqual([
      lastSeen + 1,
      lastSeen + 2,
    ]);
    // A task's changes since a seq are a list of their own, by seq too: its cursor is not the workspace's.
    const since = `?since=${lastSeen}`;
    const ofTask = await firstCursor(two, team.users.viewer, `${V1}/tasks/${team.taskId}/activity${since}`);
    await expectPagingRefused(
      two,
      team.users.viewer,
      `${V1}/workspaces/${team.workspaceId}/activity${since}`,
      ofTask,
    );
    // Someone else's workspace does not exist, as everywhere.
    const stranger = await two
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/activity?since=${lastSeen}`)
      .set(auth(team.users.stranger));
    expect(stranger.status).toBe(404);
  });

  it("takes a removed member's sockets out of the workspace's rooms at once", async () => {
    const viewer = await client(two, team.users.viewer.token);
    const member = await client(two, team.users.member.token);
    const rooms = [`workspace:${team.workspaceId}`, `project:${team.projectId}`];
    expect((await viewer.join(rooms)).joined).toEqual(rooms);
    await member.join([`workspace:${team.workspaceId}`]);
    const removed = await one
      .http()
      .delete(`${V1}/workspaces/${team.workspaceId}/members/${team.users.viewer.id}`)
      .set(auth(team.users.owner));
    expect(removed.status).toBe(204);
    await until('the removal to arrive', () => viewer.events.some((e) => e.type === 'MEMBER_REMOVED'));
    const count = viewer.events.length;
    const current = await one.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member));
    await patchTask('After the removal', current.body.version);
    // Not a fixed wait: the change has reached a member on the same instance, and the removed
    // viewer's own request was answered after that, so the change would have reached it first.
    await until('the change to reach a member', () =>
      member.events.some((e) => e.data.title === 'After the removal'),
    );
    expect(await viewer.join(rooms)).toEqual({ joined: [], denied: rooms, online: {}, seq: {} });
    expect(viewer.events).toHaveLength(count);
  });
});

describe('removing a member, before the relay has published it', () => {
  // Two instances and no relay: MEMBER_REMOVED stays in the outbox, so nothing the stream carries
  // can be what takes the removed member's sockets out of the rooms.
  let a: LiveApi;
  let b: LiveApi;
  let quiet: Awaited<ReturnType<typeof isolatedStore>>;
  beforeAll(async () => {
    quiet = await isolatedStore('rtrm');
    a = await startLiveApi(quiet.env, { relay: false });
    b = await startLiveApi(quiet.env, { relay: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await quiet?.drop();
  });

  it("takes the removed member's sockets, on every instance, out of the workspace's rooms as the removal commits", async () => {
    const t = await createTeam(a);
    const rooms = [`workspace:${t.workspaceId}`, `project:${t.projectId}`];
    const here = await client(a, t.users.viewer.token);
    const there = await client(b, t.users.viewer.token);
    for (const c of [here, there]) expect((await c.join(rooms)).joined).toEqual(rooms);
    const removed = await a
      .http()
      .delete(`${V1}/workspaces/${t.workspaceId}/members/${t.users.viewer.id}`)
      .set(auth(t.users.owner));
    expect(removed.status).toBe(204);
    const inRooms = async (api: LiveApi, id: string) => {
      const found = await Promise.all(rooms.map((r) => api.realtime.io.in(r).fetchSockets()));
      return found.some((sockets) => sockets.some((s) => s.id === id));
    };
    // On the instance that removed them: already gone when the 204 is sent.
    expect(await inRooms(a, here.socket.id!)).toBe(false);
    // Through the adapter: a signal and a cross-instance fetchSockets, slower on a loaded machine.
    await until('the other instance to drop its socket', async () => !(await inRooms(b, there.socket.id!)));
    const heard = here.presence.length + here.viewers.length + there.presence.length + there.viewers.length;
    // Someone coming online, or opening the project, is not news for them any more. The owner on
    // instance a hears what b sends into the rooms, so `here` would have heard it by then too.
    const owner = await client(a, t.users.owner.token);
    expect((await owner.join(rooms)).joined).toEqual(rooms);
    const member = await client(b, t.users.member.token);
    expect((await member.join(rooms)).joined).toEqual(rooms);
    const inProject = (c: Client) => c.viewers.some((v) => v.data.userIds.includes(t.users.member.id));
    await until('the member to see themself in the project', () => inProject(member));
    await until(
      'the owner on instance a to hear the member come online and open the project',
      () =>
        inProject(owner) &&
        owner.presence.some((p) => p.type === 'USER_ONLINE' && p.entityId === t.users.member.id),
    );
    // Answered after that on each instance: anything sent to them with it has arrived first.
    expect(await Promise.all([here.join(rooms), there.join(rooms)])).toMatchObject([
      { joined: [], denied: rooms },
      { joined: [], denied: rooms },
    ]);
    expect(here.presence.length + here.viewers.length + there.presence.length + there.viewers.length).toBe(
      heard,
    );
  });
});
