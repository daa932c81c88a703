import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Job } from 'bullmq';
import { stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { createJobRelay } from '@teamflow/core/jobs/job-relay';
import { invitationMail, resetPasswordMail, verifyEmailMail } from '@teamflow/core/mail/templates';
import { sendEmailJob } from '@teamflow/queue/jobs';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { allHandlers } from '../src/handlers/index';
import { sendEmailHandler } from '../src/handlers/email/send.job';
import { startWorkers, type Runtime } from '../src/runtime';
import { quietLogger, until, isolatedSuite } from './support';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read links in a message body. */
const decodeQp = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// Its own database: it runs a job relay (see isolatedSuite).
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let env: typeof suite.env;
let db: typeof suite.db;
const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: decodeQp(Buffer.concat(chunks).toString('utf8')),
      });
      callback();
    });
  },
});
let smtpUrl = '';
let queues: Queues;
const runtimes: Runtime[] = [];

beforeAll(async () => {
  suite = await isolatedSuite('wemail');
  ({ env, db } = suite);
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
});
afterAll(async () => {
  await Promise.all(runtimes.map((r) => r.close(5000)));
  for (const q of Object.values(queues)) await q.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.close();
  await suite.drop();
});

const start = (mail: { smtpUrl?: string; from: string }) => {
  const r = startWorkers({
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    registrations: allHandlers(db.db, { ...env, SMTP_URL: mail.smtpUrl, MAIL_FROM: mail.from }),
  });
  runtimes.push(r);
  return r;
};

const completed = async (id: string) =>
  until(async () => (await (await queues.email.getJob(id))!.getState()) === 'completed', 15000, `job ${id}`);

describe('email/send', () => {
  it('sends the three templates over SMTP with recipients, subjects and links', async () => {
    const runtime = start({ smtpUrl, from: 'TeamFlow <no-reply@teamflow.test>' });
    const mails = [
      {
        to: 'invitee@example.test',
        ...invitationMail({
          workspaceName: 'Acme',
          inviterName: 'Olivia Owner',
          role: 'member',
          inviteUrl: 'http://web.test/invite/abc123',
        }),
      },
      {
        to: 'new@example.test',
        ...verifyEmailMail({ name: 'Nia', verifyUrl: 'http://web.test/verify-email?token=v456' }),
      },
      {
        to: 'forgetful@example.test',
        ...resetPasswordMail({
          name: 'Fred',
          resetUrl: 'http://web.test/reset-password?token=r789',
          validMinutes: 60,
        }),
      },
    ];
    for (const m of mails) await completed(await enqueue(queues, sendEmailJob, m));
    await runtime.close(5000);

    const byTo = (to: string) => received.find((r) => r.to.includes(to))!;
    const invite = byTo('invitee@example.test');
    expect(invite.from).toBe('no-reply@teamflow.test');
    expect(invite.raw).toMatch(/^Subject: Olivia Owner invited you to Acme on TeamFlow/m);
    expect(invite.raw).toContain('Accept the invitation: http://web.test/invite/abc123');
    expect(invite.raw).toContain('<a href="http://web.test/invite/abc123">');
    expect(invite.raw).toMatch(/^X-TeamFlow-Template: invitation/im);

    const verify = byTo('new@example.test');
    expect(verify.raw).toMatch(/^Subject: Confirm your email address for TeamFlow/m);
    expect(verify.raw).toContain('http://web.test/verify-email?token=v456');

    const reset = byTo('forgetful@example.test');
    expect(reset.raw).toMatch(/^Subject: Reset your TeamFlow password/m);
    expect(reset.raw).toContain('http://web.test/reset-password?token=r789');
    expect(reset.raw).toMatch(/^Content-Type: text\/html/m);
  });

  it('keeps the message in the dev outbox without SMTP_URL, once per job id', async () => {
    const handler = sendEmailHandler(db.db, { from: 'TeamFlow <no-reply@teamflow.test>' });
    const payload = {
      to: 'dev@example.test',
      ...verifyEmailMail({ name: 'Dev', verifyUrl: 'http://web.test/verify-email?token=dev1' }),
    };
    const job = { id: `dev-${Date.now()}`, queueName: 'email' } as Job;
    const log = quietLogger();
    await handler.handle(payload, { job, log });
    await handler.handle(payload, { job, log }); // a retry after the worker died: no second row
    const rows = (
      await db.pool.query(`select "to", subject, text, html, template from dev_mail where job_id = $1`, [
        job.id,
      ])
    ).rows;
    expect(rows).toEqual([
      {
        to: 'dev@example.test',
        subject: 'Confirm your email address for TeamFlow',
        text: expect.stringContaining('http://web.test/verify-email?token=dev1'),
        html: expect.stringContaining('href="http://web.test/verify-email?token=dev1"'),
        template: 'verify-email',
      },
    ]);
  });

  it('moves staged jobs from the job outbox to BullMQ once, and keeps them while Redis is down', async () => {
    const payload = {
      to: 'staged@example.test',
      ...resetPasswordMail({
        name: 'S',
        resetUrl: 'http://web.test/reset-password?token=s1',
        validMinutes: 60,
      }),
    };
    // Redis gone (the producer's connection is closed): the pass fails and the row stays pending.
    const dead = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
    for (const q of Object.values(dead)) {
      await q.waitUntilReady();
      await q.disconnect();
    }
    await stageJob(db.db, sendEmailJob, payload);
    const downRelay = createJobRelay({ db: db.db, logger: quietLogger() }, dead, { enqueueTimeoutMs: 500 });
    await expect(downRelay.runOnce()).rejects.toThrow();
    const pending = (
      await db.pool.query(`select id from job_outbox where enqueued_at is null and payload->>'to' = $1`, [
        'staged@example.test',
      ])
    ).rows;
    expect(pending).toHaveLength(1);

    const relay = createJobRelay({ db: db.db, logger: quietLogger() }, queues);
    expect(await relay.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await relay.runOnce()).toBe(0);
    const job = await queues.email.getJob(`outbox-${pending[0].id}`);
    expect(job!.data).toMatchObject({ to: 'staged@example.test', template: 'reset-password' });
  });
});
