import { dispatchNotifications } from '@teamflow/core/notifications/dispatch-notifications';
import { dispatchNotificationsJob } from '@teamflow/queue/jobs';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/** A NOTIFICATION event reaches its recipient's sockets on any instance, and nobody else's. */

let one: LiveApi;
let two: LiveApi;
let team: TeamFixture;
let store: Awaited<ReturnType<typeof isolatedStore>>;
const clients: Client[] = [];

beforeAll(async () => {
  store = await isolatedStore('notif');
  one = await startLiveApi(store.env);
  two = await startLiveApi(store.env, { relay: false });
  team = await createTeam(one);
});
afterAll(async () => {
  for (const c of clients) c.socket.disconnect();
  // Let the instances finish their disconnect handling (presence) before their Redis closes.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await one?.close();
  await two?.close();
  await store?.drop();
});

async function client(api: LiveApi, token: string): Promise<Client> {
  const c = await connectClient(api.url, token);
  clients.push(c);
  await c.join([`workspace:${team.workspaceId}`]);
  return c;
}

it('emits NOTIFICATION only to the recipient (room user:{id}), without taking a workspace seq', async () => {
  const { owner, admin, member } = team.users;
  const recipient = await client(two, admin.token);
  const bystander = await client(two, member.token);
  const actor = await client(one, owner.token);

  const created = await one
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(owner))
    .send({ title: 'Ship the bell', assigneeIds: [admin.id] });
  expect(created.status).toBe(201);
  const { rows } = await one.deps.pool.query<{ payload: unknown }>(
    `select payload from job_outbox where name = 'dispatch' and payload->>'taskId' = $1`,
    [created.body.id],
  );
  expect(rows).toHaveLength(1);
  await dispatchNotifications(one.deps, dispatchNotificationsJob.payload.parse(rows[0]!.payload));

  await until('the recipient to get the notification', () =>
    recipient.events.some((e) => e.type === 'NOTIFICATION'),
  );
  const event = recipient.events.find((e) => e.type === 'NOTIFICATION')!;
  expect(event).toMatchObject({
    type: 'NOTIFICATION',
    workspaceId: team.workspaceId,
    actor: { id: owner.id, name: owner.name },
    seq: 0,
    data: {
      userId: admin.id,
      notification: { type: 'assigned', taskId: created.body.id, data: { taskTitle: 'Ship the bell' } },
    },
  });
  // Everyone in the workspace room saw the task created, so a later event would have arrived too.
  await until('the bystander to see the task', () =>
    bystander.events.some((e) => e.type === 'TASK_CREATED' && e.entityId === created.body.id),
  );
  await one
    .http()
    .patch(`${V1}/tasks/${created.body.id}`)
    .set(auth(owner))
    .send({ version: created.body.version, title: 'Ship the bell now' })
    .expect(200);
  await until('the bystander to see the update', () =>
    bystander.events.some((e) => e.type === 'TASK_UPDATED'),
  );
  expect(bystander.events.filter((e) => e.type === 'NOTIFICATION')).toEqual([]);
  expect(actor.events.filter((e) => e.type === 'NOTIFICATION')).toEqual([]);
  // The workspace sequence members follow has no gap where the notification went out.
  const seqs = bystander.events.map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
});
