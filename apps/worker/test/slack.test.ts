import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerEvent } from '@teamflow/contracts/events';
import {
  sendSlackNotification,
  SlackUnavailableError,
} from '@teamflow/core/integrations/slack/send-slack-notification';
import { stageSlackNotifications } from '@teamflow/core/integrations/slack/stage-slack-notifications';
import { isolatedSuite, startJobPipeline, until } from './support';

/**
 * Slack notifications through the real pipeline: staged with the published event → job relay →
 * BullMQ (integrations queue) → the worker's handler → a local server speaking Slack's wire
 * formats: an incoming webhook (JSON `{text}`, answered `ok`) and the Web API's
 * `chat.postMessage` (called by the real @slack/web-api client, pointed here by SLACK_API_URL).
 */
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let pipeline: ReturnType<typeof startJobPipeline>;
let env: Awaited<ReturnType<typeof isolatedSuite>>['env'] & {
  WEBHOOKS_ALLOW_PRIVATE: boolean;
  SLACK_API_URL: string;
};

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
/** What chat.postMessage answers next (Slack answers 200 with `ok: false` for its errors). */
const apiAnswers: { status: number; body: unknown }[] = [];
/** What the incoming webhook answers next. */
const hookAnswers: { status: number; body: string }[] = [];

const slack = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    received.push({ path: req.url ?? '', headers: req.headers, body });
    if (req.url === '/api/chat.postMessage') {
      const params = new URLSearchParams(body);
      const answer = apiAnswers.shift() ?? {
        status: 200,
        body: {
          ok: true,
          channel: 'C0123456',
          ts: '1765012345.000100',
          message: { type: 'message', text: params.get('text'), bot_id: 'B0001' },
        },
      };
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer.body));
      return;
    }
    if (req.url?.startsWith('/services/')) {
      const answer = hookAnswers.shift() ?? { status: 200, body: 'ok' };
      res.writeHead(answer.status, { 'content-type': 'text/html' });
      res.end(answer.body);
      return;
    }
    res.writeHead(404).end();
  });
});

const q = (text: string, params: unknown[]) => suite.db.pool.query(text, params);

beforeAll(async () => {
  suite = await isolatedSuite('slack');
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  const port = (slack.address() as AddressInfo).port;
  env = { ...suite.env, WEBHOOKS_ALLOW_PRIVATE: true, SLACK_API_URL: `http://127.0.0.1:${port}/api/` };
  pipeline = startJobPipeline(suite.db.db, env, { runtimeDb: suite.db.db });
});

afterAll(async () => {
  await pipeline.stop();
  await new Promise<void>((resolve) => slack.close(() => resolve()));
  await suite.db.close();
  await suite.drop();
});

beforeEach(() => {
  received.length = 0;
  apiAnswers.length = 0;
  hookAnswers.length = 0;
});

async function workspaceWith(slackSettings: { webhookUrl?: string; botToken?: string; channel?: string }) {
  const tag = randomUUID().slice(0, 8);
  const user = (
    await q(`insert into users (email, name) values ($1, 'Ada') returning id`, [`ada-${tag}@example.test`])
  ).rows[0] as { id: string };
  const ws = (
    await q(`insert into workspaces (name, slug, created_by) values ('W', $1, $2) returning id`, [
      `w-${tag}`,
      user.id,
    ])
  ).rows[0] as { id: string };
  await q(
    `insert into slack_integrations (workspace_id, webhook_url, bot_token, channel, events)
     values ($1, $2, $3, $4, $5)`,
    [
      ws.id,
      slackSettings.webhookUrl ?? null,
      slackSettings.botToken ?? null,
      slackSettings.channel ?? null,
      ['task.deleted'],
    ],
  );
  return { userId: user.id, workspaceId: ws.id };
}

/** A published TASK_DELETED event, staged the way the outbox relay stages it. */
async function publishTaskDeleted(ws: { userId: string; workspaceId: string }): Promise<number> {
  const taskId = randomUUID();
  const event = {
    type: 'TASK_DELETED',
    workspaceId: ws.workspaceId,
    entityId: taskId,
    data: { id: taskId, projectId: randomUUID() },
    actor: { id: ws.userId, name: 'Ada' },
    at: new Date().toISOString(),
    seq: 1,
  } as ServerEvent;
  return suite.db.db.transaction((tx) => stageSlackNotifications(tx, [event], 'https://teamflow.example'));
}

const jobStates = async (workspaceId: string) =>
  (
    await q(
      `select state from job_outbox where name = 'notify-slack' and payload->>'workspaceId' = $1 order by id`,
      [workspaceId],
    )
  ).rows.map((r: { state: string }) => r.state);

it('posts to an incoming webhook in its wire format, through BullMQ, and records the job done', async () => {
  const port = (slack.address() as AddressInfo).port;
  const ws = await workspaceWith({
    webhookUrl: `http://127.0.0.1:${port}/services/T0001/B0002/abcdEFGH1234`,
  });
  expect(await publishTaskDeleted(ws)).toBe(1);
  await until(() => received.length === 1, 15_000, 'Slack to be called');
  const { path, headers, body } = received[0]!;
  expect(path).toBe('/services/T0001/B0002/abcdEFGH1234');
  expect(headers['content-type']).toBe('application/json');
  expect(JSON.parse(body)).toEqual({ text: 'Ada deleted a task', unfurl_links: false });
  await until(async () => (await jobStates(ws.workspaceId))[0] === 'done', 10_000, 'the job to be done');
});

it('calls chat.postMessage with the bot token and channel through @slack/web-api', async () => {
  const ws = await workspaceWith({ botToken: 'xoxb-1111-2222-abcdefabcdef', channel: '#team-updates' });
  await publishTaskDeleted(ws);
  await until(() => received.length === 1, 15_000, 'Slack to be called');
  const { path, headers, body } = received[0]!;
  expect(path).toBe('/api/chat.postMessage');
  expect(headers.authorization).toBe('Bearer xoxb-1111-2222-abcdefabcdef');
  const params = Object.fromEntries(new URLSearchParams(body));
  expect(params).toEqual(
    expect.objectContaining({ channel: '#team-updates', text: 'Ada deleted a task', unfurl_links: 'false' }),
  );
  await until(async () => (await jobStates(ws.workspaceId))[0] === 'done', 10_000, 'the job to be done');
});

it('fails at once, without retrying, when Slack refuses for good (channel_not_found)', async () => {
  const ws = await workspaceWith({ botToken: 'xoxb-1111-2222-abcdefabcdef', channel: '#gone' });
  apiAnswers.push({ status: 200, body: { ok: false, error: 'channel_not_found' } });
  await publishTaskDeleted(ws);
  await until(async () => (await jobStates(ws.workspaceId))[0] === 'failed', 15_000, 'the job to fail');
  expect(received).toHaveLength(1);
});

it('sends nothing for an event the settings no longer send', async () => {
  const ws = await workspaceWith({ botToken: 'xoxb-1111-2222-abcdefabcdef', channel: '#team' });
  const outcome = await sendSlackNotification(
    { db: suite.db.db, env },
    { workspaceId: ws.workspaceId, event: 'task.created', text: 'not subscribed' },
  );
  expect(outcome).toBe('skipped');
  expect(received).toHaveLength(0);
});

it.each([
  ['the Web API answers 500', 'bot', { status: 500, body: 'oops' }],
  ['the Web API is rate limited', 'bot', { status: 200, body: { ok: false, error: 'ratelimited' } }],
  ['the incoming webhook answers 503', 'webhook', { status: 503, body: 'busy' }],
] as const)('leaves the message to BullMQ to retry when %s', async (_name, target, answer) => {
  const port = (slack.address() as AddressInfo).port;
  const ws = await workspaceWith(
    target === 'bot'
      ? { botToken: 'xoxb-1111-2222-abcdefabcdef', channel: '#team' }
      : { webhookUrl: `http://127.0.0.1:${port}/services/T1/B1/retryme` },
  );
  if (target === 'bot') apiAnswers.push(answer);
  else hookAnswers.push(answer);
  await expect(
    sendSlackNotification(
      { db: suite.db.db, env },
      { workspaceId: ws.workspaceId, event: 'task.deleted', text: 'try me' },
    ),
  ).rejects.toBeInstanceOf(SlackUnavailableError);
  expect(received).toHaveLength(1);
});
