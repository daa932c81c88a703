import { consumeXpEvents } from '@teamflow/core/progress/consume-xp-events';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  unpublishedOutboxRows,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/**
 * XP_AWARDED, LEVEL_UP and ACHIEVEMENT_UNLOCKED are personal (audience `user`): they reach the
 * person's own sockets and nobody else's, not even a teammate in the workspace's room.
 */

let live: LiveApi;
let team: TeamFixture;
let store: Awaited<ReturnType<typeof isolatedStore>>;
const clients: Client[] = [];

beforeAll(async () => {
  store = await isolatedStore('rtprogress');
  live = await startLiveApi(store.env);
  team = await createTeam(live);
});
afterEach(() => {
  for (const c of clients.splice(0)) c.socket.disconnect();
});
afterAll(async () => {
  await live?.close();
  await store?.drop();
});

async function client(token: string): Promise<Client> {
  const c = await connectClient(live.url, token);
  clients.push(c);
  await c.join([`workspace:${team.workspaceId}`]);
  return c;
}

describe('progress events in realtime', () => {
  it('XP_AWARDED, LEVEL_UP and ACHIEVEMENT_UNLOCKED reach only the person who earned them', async () => {
    const member = await client(team.users.member.token);
    const owner = await client(team.users.owner.token);
    const viewer = await client(team.users.viewer.token);

    const created = await live
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.owner))
      .send({ title: 'Big one', storyPoints: 21, assigneeIds: [team.users.member.id] });
    const done = await live
      .http()
      .patch(`${V1}/tasks/${created.body.id}`)
      .set(auth(team.users.member))
      .send({ status: 'done', version: created.body.version });
    expect(done.status).toBe(200);
    // The running relay publishes the change and stages progress/xp; the worker's handler runs it.
    await until('the change to be published', () => member.events.some((e) => e.type === 'TASK_UPDATED'));
    // The member has the event once the relay appended it, before its pass commits the row's seq and
    // the progress/xp job with it: the consumer below reads committed seqs only.
    await until(
      'the relay to commit its pass',
      async () => (await unpublishedOutboxRows(live, team.workspaceId)) === 0,
    );
    const { rows: staged } = await live.deps.pool.query(
      `select 1 from job_outbox where queue = 'progress' and name = 'xp' and payload->>'workspaceId' = $1`,
      [team.workspaceId],
    );
    expect(staged.length).toBeGreaterThan(0);
    await consumeXpEvents(live.deps, team.workspaceId);

    await until('the member to hear of the XP', () =>
      member.events.some((e) => e.type === 'ACHIEVEMENT_UNLOCKED'),
    );
    const types = member.events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['TASK_UPDATED', 'XP_AWARDED', 'LEVEL_UP', 'ACHIEVEMENT_UNLOCKED']),
    );
    const xp = member.events.find((e) => e.type === 'XP_AWARDED')!;
    expect(xp.seq).toBe(0);
    expect(xp.data).toMatchObject({ userId: team.users.member.id, totalXp: 115, level: 2 });

    // The teammates saw the change, and nothing personal. Not a fixed wait: each has had a request
    // answered after the member's events went out (one instance), so anything misrouted came first.
    for (const other of [owner, viewer]) {
      await other.join([]);
      expect(other.events.map((e) => e.type)).toContain('TASK_UPDATED');
      expect(
        other.events.filter((e) => ['XP_AWARDED', 'LEVEL_UP', 'ACHIEVEMENT_UNLOCKED'].includes(e.type)),
      ).toEqual([]);
    }
  });
});
