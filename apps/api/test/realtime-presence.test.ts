import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import jwt from 'jsonwebtoken';
import { createTeam, type TeamFixture } from './harness';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/** Presence across two instances, and sockets that end with their token. */

let one: LiveApi;
let two: LiveApi;
let team: TeamFixture;
const clients: Client[] = [];

async function client(api: LiveApi, token: string): Promise<Client> {
  const c = await connectClient(api.url, token);
  clients.push(c);
  return c;
}

let store: Awaited<ReturnType<typeof isolatedStore>>;

beforeAll(async () => {
  store = await isolatedStore('presence');
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

describe('realtime presence and token lifetime', () => {
  it('announces a user online once and offline only when their last socket, on any instance, leaves', async () => {
    const room = `workspace:${team.workspaceId}`;
    const viewer = await client(two, team.users.viewer.token);
    await viewer.join([room]);
    const member = team.users.member;
    const first = await client(one, member.token);
    const ack = await first.join([room]);
    expect(ack.online[team.workspaceId]).toEqual(expect.arrayContaining([member.id, team.users.viewer.id]));
    await until('USER_ONLINE', () =>
      viewer.presence.some((e) => e.type === 'USER_ONLINE' && e.entityId === member.id),
    );
    expect(viewer.presence.find((e) => e.entityId === member.id)).toMatchObject({
      type: 'USER_ONLINE',
      workspaceId: team.workspaceId,
      actor: { id: member.id, name: member.name },
    });
    const second = await client(two, member.token);
    await second.join([room]);
    const firstEntry = `${member.id}:${first.socket.id}`;
    first.socket.disconnect();
    // Not a fixed wait: instance one has handled the leave (its presence entry is gone, and what
    // it announced then went out on its adapter connection) ...
    await until(
      'instance one to handle the leave',
      async () => (await one.deps.redis.zscore(`{presence}:${team.workspaceId}`, firstEntry)) === null,
    );
    // ... and a later announcement from instance one has reached the viewer, so a wrong
    // USER_OFFLINE, sent before it on the same path, would have too.
    const admin = await client(one, team.users.admin.token);
    await admin.join([room]);
    await until('a later announcement from instance one', () =>
      viewer.presence.some((e) => e.type === 'USER_ONLINE' && e.entityId === team.users.admin.id),
    );
    const mine = () => viewer.presence.filter((e) => e.entityId === member.id).map((e) => e.type);
    expect(mine()).toEqual(['USER_ONLINE']);
    second.socket.disconnect();
    await until('USER_OFFLINE', () => mine().includes('USER_OFFLINE'));
    expect(mine()).toEqual(['USER_ONLINE', 'USER_OFFLINE']);
  });

  it('disconnects a socket when its access token expires', async () => {
    const secret = one.deps.env.JWT_ACCESS_SECRET;
    const shortLived = jwt.sign({}, secret, {
      algorithm: 'HS256',
      subject: team.users.member.id,
      jwtid: randomUUID(),
      issuer: 'teamflow-api',
      audience: 'teamflow',
      expiresIn: 3,
    });
    // Its life (2 to 3 s: `exp` is in whole seconds) began at signing, not when the handshake
    // ended, which a loaded machine may take a second over: the drop is timed against `exp`.
    const { exp } = jwt.decode(shortLived) as { exp: number };
    const c = await client(one, shortLived);
    expect(c.socket.connected).toBe(true);
    await until('the server to drop the socket', () => !c.socket.connected, exp * 1000 - Date.now() + 5000);
    // Not before it expired (the server's timer may run a few ms ahead of this clock).
    expect(Date.now()).toBeGreaterThan(exp * 1000 - 100);
  });

  it('tells a task room who is viewing it, across instances, and again when a viewer leaves the room', async () => {
    const room = `task:${team.taskId}`;
    const member = await client(one, team.users.member.token);
    const viewer = await client(two, team.users.viewer.token);
    await member.join([room]);
    await viewer.join([room]);
    const latest = () => member.viewers.filter((e) => e.data.room === room).at(-1)?.data.userIds ?? [];
    await until('both viewers to be listed', () => latest().length === 2);
    expect(latest()).toEqual(expect.arrayContaining([team.users.member.id, team.users.viewer.id]));
    const left = await viewer.socket.timeout(5000).emitWithAck('leave', [room]);
    expect(left).toEqual({ left: [room] });
    await until('the viewer to be gone from the list', () => latest().length === 1);
    expect(latest()).toEqual([team.users.member.id]);
  });

  it('sends USER_ONLINE, USER_OFFLINE and ROOM_VIEWERS in the envelope of every server event, with seq 0', async () => {
    const room = `project:${team.projectId}`;
    const watcher = await client(one, team.users.viewer.token);
    const raw: Array<{ name: string; payload: Record<string, unknown> }> = [];
    watcher.socket.onAny((name: string, payload: Record<string, unknown>) => raw.push({ name, payload }));
    await watcher.join([`workspace:${team.workspaceId}`, room]);
    const admin = await client(two, team.users.admin.token);
    await admin.join([`workspace:${team.workspaceId}`, room]);
    admin.socket.disconnect();
    const names = () => raw.map((e) => e.name);
    await until('presence and viewers', () =>
      ['USER_ONLINE', 'USER_OFFLINE', 'ROOM_VIEWERS'].every((n) => names().includes(n)),
    );
    const envelope = ['actor', 'at', 'data', 'entityId', 'seq', 'type', 'workspaceId'];
    for (const { name, payload } of raw) {
      expect(Object.keys(payload).sort()).toEqual(envelope);
      expect(payload).toMatchObject({ type: name, workspaceId: team.workspaceId, seq: 0 });
    }
    expect(raw.find((e) => e.name === 'USER_OFFLINE')?.payload).toMatchObject({
      entityId: team.users.admin.id,
      data: { userId: team.users.admin.id },
      actor: { id: team.users.admin.id, name: team.users.admin.name },
    });
    expect(raw.find((e) => e.name === 'ROOM_VIEWERS')?.payload).toMatchObject({
      entityId: team.projectId,
      data: { room, userIds: expect.arrayContaining([team.users.viewer.id]) },
      actor: null,
    });
  });

  it("acks a workspace join with the workspace's current seq", async () => {
    const c = await client(one, team.users.member.token);
    const ack = await c.join([`workspace:${team.workspaceId}`]);
    const { rows } = await one.deps.pool.query<{ last: number }>(
      'select last_seq::int as last from workspace_event_seq where workspace_id = $1',
      [team.workspaceId],
    );
    expect(ack.seq).toEqual({ [team.workspaceId]: rows[0]?.last ?? 0 });
  });

  it('shuts an instance down cleanly while the others keep asking it for its sockets', async () => {
    // Viewer recounts on the other instances (fetchSockets) reach an instance until its adapter
    // closes; an answer sent on its closed publisher was an unhandled rejection.
    let asking = true;
    const ask = async () => {
      // One that counted the closing instance and got no answer times out: fine, best effort.
      while (asking)
        await one.realtime.io
          .in(`task:${team.taskId}`)
          .fetchSockets()
          .catch(() => []);
    };
    const askers = [ask(), ask(), ask()];
    try {
      for (let i = 0; i < 10; i += 1) {
        const three = await startLiveApi(store.env);
        await sleep(30);
        await three.close();
      }
    } finally {
      asking = false;
      await Promise.all(askers);
    }
  });

  it('announces a user offline when the instance holding their last socket shuts down', async () => {
    const three = await startLiveApi(store.env);
    const room = `workspace:${team.workspaceId}`;
    const member = team.users.member;
    let closed = false;
    try {
      const viewer = await client(two, team.users.viewer.token);
      await viewer.join([room]);
      const leaving = await client(three, member.token);
      await leaving.join([room]);
      const mine = () => viewer.presence.filter((e) => e.entityId === member.id).map((e) => e.type);
      await until('USER_ONLINE', () => mine().includes('USER_ONLINE'));
      // A deploy's SIGTERM: the instance drops its sockets and stops; the leave it announces must
      // still reach the other instances before its adapter connection closes.
      await three.close();
      closed = true;
      await until('USER_OFFLINE', () => mine().includes('USER_OFFLINE'));
      expect(mine()).toEqual(['USER_ONLINE', 'USER_OFFLINE']);
      // Only its own sockets: the other instances' clients stay connected.
      expect(viewer.socket.connected).toBe(true);
    } finally {
      if (!closed) await three.close();
    }
  });
});
