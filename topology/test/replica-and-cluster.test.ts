import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { findRedisBinary } from '@teamflow/local-services';
import {
  call,
  createTaskRetrying,
  createTeam,
  deliveries,
  expectEveryChange,
  startSuiteTopology,
  startWebhookReceiver,
  subscribeTaskCreated,
  until,
  watchWorkspace,
  type SuiteTopology,
  type Team,
  type WatchingClient,
  type WebhookReceiver,
  gapless,
} from './support';

// The full arrangement: three api instances behind nginx and two workers, PostgreSQL through
// PgBouncer with a streaming replica taking the reads that tolerate lag (DATABASE_REPLICA_URL),
// and a Redis Cluster of three primaries with a replica each (REDIS_CLUSTER_NODES).
const run = promisify(execFile);
let suite: SuiteTopology;
let team: Team;
let receiver: WebhookReceiver;
const clients: WatchingClient[] = [];

beforeAll(async () => {
  suite = await startSuiteTopology('topo_full', { replica: true, redisCluster: true });
  team = await createTeam(suite.topology.url);
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  for (const client of clients) client.close();
  await receiver?.close();
  await suite?.stop();
});

const list = (base: string) =>
  call(base, 'GET', `/projects/${team.projectId}/tasks?limit=100`, { token: team.token });

/** Whether the Redis node on `port` answers MOVED for `key`: another shard serves it. */
async function servedElsewhere(port: number, key: string): Promise<boolean> {
  const { stdout } = await run(findRedisBinary('redis-cli')!, [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    'EXISTS',
    key,
  ]);
  return stdout.includes('MOVED');
}

/** How many connections the api instances hold open on the replica (its pools' application name). */
async function replicaReadConnections(): Promise<number> {
  const { replica } = suite.topology;
  const client = new pg.Client({ connectionString: replica!.replicaUrl('postgres') });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity where application_name = 'teamflow-replica-reads'`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe('a read replica behind the api instances', () => {
  it('serves a list read right after a write, on another instance, with the write in it; later reads go to the replica', async () => {
    const [writer, reader] = suite.topology.apis;
    for (let i = 0; i < 10; i++) {
      const created = await call(writer!.url, 'POST', `/projects/${team.projectId}/tasks`, {
        token: team.token,
        body: { title: `Read back ${i}` },
      });
      expect(created.status).toBe(201);
      const listed = await list(reader!.url);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
    }
    // Once the replica has replayed the caller's last write, their lists are read there.
    await until('a list read on the replica', async () => {
      expect((await list(suite.topology.url)).status).toBe(200);
      return (await replicaReadConnections()) > 0;
    });
  });
});

describe('a Redis Cluster primary dies', () => {
  it('loses no job and no event: every create ends in one task, every task gets its webhook delivery, every socket has every change', async () => {
    const { redisCluster } = suite.topology;
    const prefix = suite.store.env.REDIS_KEY_PREFIX;
    const webhookId = await subscribeTaskCreated(suite.topology.url, team, receiver.url);
    for (let i = 0; i < 3; i++)
      clients.push(
        await watchWorkspace(suite.topology.url, team, { reconnect: true, catchUpBase: suite.topology.url }),
      );

    const TASKS = 30;
    const created: { id: string; retries: number }[] = [];
    const writers = Array.from({ length: 2 }, async (_, w) => {
      for (let i = w; i < TASKS; i += 2)
        created.push(await createTaskRetrying(suite.topology.url, team, `Failover ${i}`));
    });
    await until('a third of the tasks', () => created.length >= TASKS / 3);
    // The shard holding the job queues (BullMQ's keys share one hash tag) dies; then the one holding
    // the event stream, when that is another shard (it still has its replica to fail over to).
    const jobsShard = await redisCluster!.killPrimary({ key: `{${prefix}bull}` });
    const streamKey = `${prefix}events`;
    const streamElsewhere = await servedElsewhere(jobsShard.promoted.port, streamKey);
    if (streamElsewhere) await redisCluster!.killPrimary({ key: streamKey });
    await Promise.all(writers);

    const ids = created.map((c) => c.id);
    expect(new Set(ids).size).toBe(TASKS);
    const stored = await list(suite.topology.url);
    expect(stored.body.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(ids));

    await until(
      `${TASKS} deliveries to succeed`,
      async () => {
        const items = await deliveries(suite.topology.url, team, webhookId);
        return items.length === TASKS && items.every((d) => d.status === 'succeeded');
      },
      60_000,
    );
    const settled = await deliveries(suite.topology.url, team, webhookId);
    const receivedIds = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(receivedIds).toEqual(new Set(settled.map((d) => d.id)));
    expect(new Set(receiver.received.map((r) => r.body.data.id))).toEqual(new Set(ids));

    await until('every socket to have every created task, with no gap in its seqs', () =>
      clients.every((c) => gapless(c) && ids.every((id) => [...c.changes.values()].includes(id))),
    );
    expectEveryChange(clients, ids);
  });
});
