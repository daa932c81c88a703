import pg from 'pg';
import { OUTBOX_CHANNEL } from '@teamflow/core/events/outbox.repository';
import { connectionUrl } from '@teamflow/db/client';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import { isolatedStore, startLiveApi, until, type LiveApi } from './realtime-harness';

/**
 * A plain task create commits on its own and wakes its own api's relay directly, without the
 * NOTIFY whose commit lock serialises event-writing commits database-wide. Both relays here poll
 * every ten minutes, so an event published within the test's timeout was published by a wake.
 * Own database, so no other suite's relay takes these rows.
 */

// The relays' advisory lock (outbox.repository.ts): holding it plays another relay mid-pass.
const RELAY_LOCK_KEY = 7_324_001;

let store: Awaited<ReturnType<typeof isolatedStore>>;
let one: LiveApi;
let two: LiveApi;
let team: TeamFixture;
let listener: pg.Client;
let other: pg.Client;
let notifications = 0;

beforeAll(async () => {
  store = await isolatedStore('outbox-wake');
  one = await startLiveApi(store.env, { idleMs: 10 * 60_000 });
  two = await startLiveApi(store.env, { idleMs: 10 * 60_000 });
  team = await createTeam(one);
  listener = new pg.Client({ connectionString: connectionUrl(store.env.DATABASE_URL) });
  await listener.connect();
  listener.on('notification', (m) => {
    if (m.channel === OUTBOX_CHANNEL) notifications++;
  });
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  other = new pg.Client({ connectionString: connectionUrl(store.env.DATABASE_URL) });
  await other.connect();
});

afterAll(async () => {
  await listener?.end();
  await other?.end();
  await one?.close();
  await two?.close();
  await store?.drop();
});

const createTask = (title: string, headers: Record<string, string> = {}) =>
  one
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set({ ...auth(team.users.member), ...headers })
    .send({ title });

async function publishedAt(taskId: string): Promise<Date | null> {
  const { rows } = await one.deps.pool.query<{ published_at: Date | null }>(
    'select published_at from outbox where entity_id = $1',
    [taskId],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.published_at;
}

describe('a plain create wakes its relay without NOTIFY', () => {
  it('is published by its own api relay, and no NOTIFY is sent', async () => {
    // Let every NOTIFY from the setup (team, project) arrive and be counted first.
    await listener.query('select 1');
    const before = notifications;
    const res = await createTask('Woken directly');
    expect(res.status).toBe(201);
    await until('the create to be published', async () => (await publishedAt(res.body.id)) !== null);
    await listener.query('select 1');
    expect(notifications).toBe(before);
  });

  it('is published once the relay lock is free when another relay held it at the commit', async () => {
    await other.query('begin');
    await other.query('select pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);
    const res = await createTask('Committed behind a busy relay');
    expect(res.status).toBe(201);
    // No relay can publish while the lock is held here.
    expect(await publishedAt(res.body.id)).toBeNull();
    await other.query('commit');
    // Neither a NOTIFY nor the poll comes: only the relay that was told of the commit trying again.
    await until('the create to be published', async () => (await publishedAt(res.body.id)) !== null);
  });

  it('still NOTIFYs from a create that needs its transaction (an Idempotency-Key)', async () => {
    await listener.query('select 1');
    const before = notifications;
    const res = await createTask('Keyed', { 'Idempotency-Key': 'outbox-wake-keyed' });
    expect(res.status).toBe(201);
    await until('the NOTIFY', () => notifications > before);
    await until('the create to be published', async () => (await publishedAt(res.body.id)) !== null);
  });
});
