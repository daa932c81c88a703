import { sql } from 'drizzle-orm';
import { createOutboxRelay } from '@teamflow/core/events/outbox-relay';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

/**
 * Slack settings (owner, admin) and their link to the event stream: a published event the
 * settings send becomes one `integrations/notify-slack` job. Sending it is the worker's test.
 */
let api: TestApi; // WEBHOOKS_ALLOW_PRIVATE=true: a Slack stand-in on loopback is allowed
let strict: TestApi; // the default: private targets refused
let team: TeamFixture;

const HOOK = 'http://127.0.0.1:9/services/T0001/B0002/secretpartofthetoken123';
const TOKEN = 'xoxb-1111-2222-verysecretbottoken';

beforeAll(async () => {
  api = await startApi({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEB_ORIGIN: 'https://teamflow.example' });
  strict = await startApi();
  team = await createTeam(api);
});
afterAll(async () => {
  await api?.close();
  await strict?.close();
});

const path = () => `${V1}/workspaces/${team.workspaceId}/integrations/slack`;
const put = (body: unknown, on = api, who = team.users.admin) =>
  on
    .http()
    .put(path())
    .set(auth(who))
    .send(body as object);
const get = () => api.http().get(path()).set(auth(team.users.owner));

async function relayOnce() {
  const relay = createOutboxRelay(api.deps);
  while ((await relay.runOnce()) > 0);
}
async function slackJobs() {
  const rows = await api.deps.db.execute<{ payload: { workspaceId: string; event: string; text: string } }>(
    sql`select payload from job_outbox where queue = 'integrations' and name = 'notify-slack' order by id`,
  );
  return rows.rows.map((r) => r.payload).filter((p) => p.workspaceId === team.workspaceId);
}

it('is unconfigured until set', async () => {
  const res = await get();
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    configured: false,
    target: null,
    webhookUrl: null,
    botToken: null,
    channel: null,
    events: [],
    updatedAt: null,
  });
});

it('saves an incoming webhook URL and never returns it whole', async () => {
  const saved = await put({ webhookUrl: HOOK, events: ['task.created', 'task.moved', 'task.created'] });
  expect(saved.status).toBe(200);
  expect(saved.body).toEqual(
    expect.objectContaining({ configured: true, target: 'webhook', events: ['task.created', 'task.moved'] }),
  );
  const read = await get();
  expect(read.body.webhookUrl).toBe('http://127.0.0.1:9/services/…n123');
  expect(JSON.stringify(read.body)).not.toContain('secretpartofthetoken');
});

it('keeps the saved target when only the events change', async () => {
  const res = await put({ events: ['status_update.posted'] });
  expect(res.status).toBe(200);
  expect(res.body).toEqual(expect.objectContaining({ target: 'webhook', events: ['status_update.posted'] }));
  const row = await api.deps.db.execute<{ webhook_url: string }>(
    sql`select webhook_url from slack_integrations where workspace_id = ${team.workspaceId}`,
  );
  expect(row.rows[0]!.webhook_url).toBe(HOOK);
});

it('switches to a bot token and channel, masking the token', async () => {
  const res = await put({ botToken: TOKEN, channel: '#team-updates', events: ['task.created'] });
  expect(res.status).toBe(200);
  expect(res.body).toEqual(
    expect.objectContaining({
      target: 'bot',
      webhookUrl: null,
      botToken: 'xoxb-…oken',
      channel: '#team-updates',
    }),
  );
  expect(JSON.stringify((await get()).body)).not.toContain('verysecret');
  const channelOnly = await put({ channel: 'C0123456', events: ['task.created'] });
  expect(channelOnly.body).toEqual(expect.objectContaining({ target: 'bot', channel: 'C0123456' }));
});

it.each([
  ['both targets at once', { webhookUrl: HOOK, botToken: TOKEN, channel: '#x', events: [] }, 'webhookUrl'],
  ['a bot token without a channel', { botToken: TOKEN, events: [] }, 'channel'],
  ['something that is not a bot token', { botToken: 'hunter2', channel: '#x', events: [] }, 'botToken'],
  ['an unknown event name', { events: ['task.exploded'] }, 'events.0'],
  ['a URL that is not http(s)', { webhookUrl: 'ftp://hooks.slack.com/x', events: [] }, 'webhookUrl'],
])('refuses %s with 400 naming the field, and keeps the settings', async (_name, body, field) => {
  const before = (await get()).body;
  const res = await put(body);
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
  expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  expect((await get()).body).toEqual(before);
});

it('refuses a webhook URL on a private address unless private targets are allowed', async () => {
  const res = await put({ webhookUrl: 'http://10.0.0.7/services/T/B/x', events: ['task.created'] }, strict);
  expect(res.status).toBe(400);
  expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'webhookUrl' })]);
});

it('refuses members (403) and strangers (404)', async () => {
  expect((await put({ events: [] }, api, team.users.member)).status).toBe(403);
  expect((await put({ events: [] }, api, team.users.stranger)).status).toBe(404);
});

it('stages one notify-slack job per published event it sends, with the message, and none for others', async () => {
  await relayOnce();
  const before = (await slackJobs()).length;
  await put({ botToken: TOKEN, channel: '#team-updates', events: ['task.created'] });
  const created = await api
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(team.users.member))
    .send({ title: 'Ship the <Slack> & integration' });
  expect(created.status).toBe(201);
  // An event Slack is not told about: the task's update.
  await api
    .http()
    .patch(`${V1}/tasks/${created.body.id}`)
    .set(auth(team.users.member))
    .send({ version: created.body.version, priority: 'high' });
  await relayOnce();
  const jobs = (await slackJobs()).slice(before);
  expect(jobs).toEqual([
    {
      workspaceId: team.workspaceId,
      event: 'task.created',
      text: `member person created <https://teamflow.example/w/${team.workspaceId}/t/${created.body.id}|${created.body.key} Ship the &lt;Slack&gt; &amp; integration>`,
    },
  ]);
});

it('stages nothing once the events list is empty', async () => {
  await put({ events: [] });
  await relayOnce();
  const before = (await slackJobs()).length;
  await api
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(team.users.member))
    .send({ title: 'Quiet task' });
  await relayOnce();
  expect(await slackJobs()).toHaveLength(before);
});
