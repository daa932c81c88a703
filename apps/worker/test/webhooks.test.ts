import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import type { ServerEvent } from '@teamflow/contracts/events';
import { stageWebhookDeliveries } from '@teamflow/core/webhooks/stage-webhook-deliveries';
import { isolatedSuite, startJobPipeline, until } from './support';

/**
 * A webhook delivery through the real pipeline: staged with the published event → job relay →
 * BullMQ (integrations queue) → the worker's handler → a signed POST to an HTTP receiver here.
 */
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let pipeline: ReturnType<typeof startJobPipeline>;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.end();
  });
});

beforeAll(async () => {
  suite = await isolatedSuite('whooks');
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const env = { ...suite.env, WEBHOOKS_ALLOW_PRIVATE: true };
  pipeline = startJobPipeline(suite.db.db, env);
});

afterAll(async () => {
  await pipeline.stop();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await suite.db.close();
  await suite.drop();
});

it('delivers a published event to a subscribed webhook through BullMQ, signed, and records the success', async () => {
  const q = (text: string, params: unknown[]) => suite.db.pool.query(text, params);
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
  const secret = `whsec_${Buffer.from('a-secret-of-24-bytes-xyz').toString('base64')}`;
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
  const hook = (
    await q(`insert into webhooks (workspace_id, url, events, secret) values ($1, $2, $3, $4) returning id`, [
      ws.id,
      url,
      ['task.deleted'],
      secret,
    ])
  ).rows[0] as { id: string };

  const taskId = randomUUID();
  const event = {
    type: 'TASK_DELETED',
    workspaceId: ws.id,
    entityId: taskId,
    data: { id: taskId, projectId: randomUUID() },
    actor: { id: user.id, name: 'Ada' },
    at: new Date().toISOString(),
    seq: 1,
  } as ServerEvent;
  const staged = await suite.db.db.transaction((tx) => stageWebhookDeliveries(tx, [event]));
  expect(staged).toBe(1);

  await until(() => received.length === 1, 15_000, 'the receiver to be called');
  const { headers, body } = received[0]!;
  const payload = new StandardWebhook(secret).verify(body, {
    'webhook-id': String(headers['webhook-id']),
    'webhook-timestamp': String(headers['webhook-timestamp']),
    'webhook-signature': String(headers['webhook-signature']),
  });
  expect(payload).toEqual({ type: 'task.deleted', timestamp: event.at, data: event.data });

  await until(
    async () =>
      (await q(`select status from webhook_deliveries where webhook_id = $1`, [hook.id])).rows[0]?.status ===
      'succeeded',
    10_000,
    'the delivery to be recorded',
  );
  const row = (
    await q(`select attempts, response_status from webhook_deliveries where webhook_id = $1`, [hook.id])
  ).rows[0] as { attempts: number; response_status: number };
  expect(row).toEqual({ attempts: 1, response_status: 200 });
});
