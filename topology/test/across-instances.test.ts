import {
  call,
  createTeam,
  deliveries,
  startSuiteTopology,
  startWebhookReceiver,
  subscribeTaskCreated,
  until,
  watchWorkspace,
  type SuiteTopology,
  type Team,
  type WatchingClient,
  type WebhookReceiver,
} from './support';

// Three api processes behind nginx and two workers, all through PgBouncer: what one instance
// writes reaches sockets held by the others, and what the api stages runs once across the workers.
let suite: SuiteTopology;
let team: Team;
const clients: WatchingClient[] = [];

beforeAll(async () => {
  suite = await startSuiteTopology('topo_live');
  team = await createTeam(suite.topology.url);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await suite?.stop();
});

const createTask = (base: string, title: string) =>
  call(base, 'POST', `/projects/${team.projectId}/tasks`, { token: team.token, body: { title } });

describe('several api instances behind nginx', () => {
  it('delivers a task created through one instance live to sockets on the other instances, directly and through nginx', async () => {
    const [first, second, third] = suite.topology.apis;
    const direct = await Promise.all([second!, third!].map((api) => watchWorkspace(api.url, team)));
    // Round robin: three sockets in a row through nginx land on three different instances.
    const balanced: WatchingClient[] = [];
    for (let i = 0; i < 3; i++) balanced.push(await watchWorkspace(suite.topology.url, team));
    clients.push(...direct, ...balanced);

    const created = await createTask(first!.url, 'Written on the first instance');
    expect(created.status).toBe(201);

    const watchers = [...direct, ...balanced];
    await until('TASK_CREATED on every socket', () =>
      watchers.every((c) => c.live.some((e) => e.type === 'TASK_CREATED' && e.entityId === created.body.id)),
    );
    for (const client of watchers) {
      const events = client.live.filter((e) => e.type === 'TASK_CREATED' && e.entityId === created.body.id);
      expect(events).toHaveLength(1);
    }
  });
});

describe('two workers', () => {
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
  });

  it('runs each job once across both workers: N tasks created on three instances give N webhook deliveries, none twice', async () => {
    const webhookId = await subscribeTaskCreated(suite.topology.url, team, receiver.url);
    const N = 24;
    const apis = suite.topology.apis;
    const created = await Promise.all(
      Array.from({ length: N }, (_, i) => createTask(apis[i % apis.length]!.url, `Hooked ${i}`)),
    );
    expect(created.map((c) => c.status)).toEqual(Array(N).fill(201));
    const taskIds = created.map((c) => c.body.id as string).sort();

    // Every delivery row settled (staged by whichever instance's relay published the event, run by
    // whichever worker took the job), then the receiver's count is final.
    await until(`${N} deliveries to succeed`, async () => {
      const items = await deliveries(suite.topology.url, team, webhookId);
      return items.length === N && items.every((d) => d.status === 'succeeded');
    });
    const settled = await deliveries(suite.topology.url, team, webhookId);
    expect(settled.map((d) => d.attempts)).toEqual(Array(N).fill(1));

    const { received } = receiver;
    expect(received).toHaveLength(N);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(N);
    expect(received.map((r) => r.body.data.id).sort()).toEqual(taskIds);
    expect(new Set(received.map((r) => r.headers['webhook-id']))).toEqual(new Set(settled.map((d) => d.id)));

    for (const worker of suite.topology.workers) expect((await fetch(worker.healthUrl)).status).toBe(200);
  });
});
