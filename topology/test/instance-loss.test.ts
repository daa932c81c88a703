import {
  call,
  createTaskRetrying,
  createTeam,
  expectEveryChange,
  startSuiteTopology,
  until,
  watchWorkspace,
  type SuiteTopology,
  type Team,
  type WatchingClient,
  gapless,
} from './support';

// One api instance dies (SIGKILL: a crash, no draining) while clients work through nginx. Nothing
// is lost: reads are retried on another instance by nginx itself; a create that reached the dead
// instance is retried by the client with its Idempotency-Key, as the web app's offline queue does
// (502 from nginx is a 5xx it retries; when the dead instance had reserved the key, the retry
// settles it in PostgreSQL after a short wait); sockets on the dead instance reconnect through nginx to
// another one and catch up with `?since=`.
let suite: SuiteTopology;
let team: Team;
const clients: WatchingClient[] = [];

beforeAll(async () => {
  suite = await startSuiteTopology('topo_loss');
  team = await createTeam(suite.topology.url);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await suite?.stop();
});

describe('losing an api instance behind nginx', () => {
  it('loses no request and no event when an instance is killed while clients create, list and watch through nginx (a create cut off after its commit may be written twice: the documented idempotency window)', async () => {
    // Six sockets in a row through nginx's round robin: two on each instance.
    for (let i = 0; i < 6; i++)
      clients.push(
        await watchWorkspace(suite.topology.url, team, { reconnect: true, catchUpBase: suite.topology.url }),
      );

    const TASKS = 45;
    const created: { title: string; id: string; retries: number }[] = [];
    const listStatuses: number[] = [];
    let writing = true;
    const writers = Array.from({ length: 3 }, async (_, w) => {
      for (let i = w; i < TASKS; i += 3) {
        const title = `Survivor ${i}`;
        created.push({ title, ...(await createTaskRetrying(suite.topology.url, team, title)) });
      }
    });
    const reader = (async () => {
      while (writing) {
        const list = await call(suite.topology.url, 'GET', `/projects/${team.projectId}/tasks?limit=20`, {
          token: team.token,
        }).catch(() => ({ status: 0 }));
        listStatuses.push(list.status);
      }
    })();

    await until('a third of the tasks', () => created.length >= TASKS / 3);
    const victim = suite.topology.apis[1]!;
    await victim.stop('SIGKILL');
    await Promise.all(writers);
    writing = false;
    await reader;

    // Every create answered 201, each with a task of its own: none lost.
    expect(created).toHaveLength(TASKS);
    const ids = created.map((c) => c.id);
    expect(new Set(ids).size).toBe(TASKS);
    const stored = (
      await call(suite.topology.url, 'GET', `/projects/${team.projectId}/tasks?limit=100`, {
        token: team.token,
      })
    ).body.items as { id: string; title: string }[];
    expect(stored.map((t) => t.id)).toEqual(expect.arrayContaining(ids));
    // And no duplicate: a create the killed instance committed before it could store its answer
    // is replayed from the key its transaction recorded (core/platform/idempotent-writes.ts).
    expect(stored.filter((t) => !ids.includes(t.id))).toEqual([]);
    expect(stored.filter((t) => t.title.startsWith('Survivor '))).toHaveLength(TASKS);
    // nginx took every read to a live instance.
    expect(listStatuses.length).toBeGreaterThan(0);
    expect(listStatuses.filter((s) => s !== 200)).toEqual([]);

    // The sockets the dead instance held came back through nginx, and every socket has every
    // change (live, or caught up), seqs without a gap.
    const dropped = clients.filter((c) => c.disconnects > 0);
    expect(dropped).toHaveLength(2);
    for (const client of dropped) expect(client.catchUps.made).toBeGreaterThanOrEqual(1);
    await until('every socket to have every created task, with no gap in its seqs', () =>
      clients.every((c) => gapless(c) && ids.every((id) => [...c.changes.values()].includes(id))),
    );
    for (const client of clients) expect(client.socket.connected).toBe(true);
    expectEveryChange(clients, ids);
    for (const api of suite.topology.apis.filter((a) => a !== victim))
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
  });
});
