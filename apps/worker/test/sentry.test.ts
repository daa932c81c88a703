import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { z } from 'zod';
import { initErrorReporter } from '@teamflow/core/platform/error-reporter';
import { startSentryEndpoint, type LocalSentryEndpoint } from '@teamflow/local-services/sentry-endpoint.cjs';
import { bullConnection } from '@teamflow/queue/connection';
import { defineJob } from '@teamflow/queue/define-job';
import { queuePrefix } from '@teamflow/queue/queues';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { reportJobFailure } from '../src/report-job-failure';
import { register, startWorkers, type Runtime } from '../src/runtime';
import { quietLogger, suiteEnv, until } from './support';

let sentry: LocalSentryEndpoint;
let dsn: string;

beforeAll(async () => {
  sentry = await startSentryEndpoint();
  dsn = sentry.dsn(7);
});

afterAll(() => sentry.close());

describe('worker error reporting (Sentry)', () => {
  it(
    'reports a job that failed for good with queue, job name, attempt, release and environment, and no payload',
    async () => {
      const env = { ...suiteEnv(), REDIS_KEY_PREFIX: `tf:test:sentry-${randomBytes(3).toString('hex')}:` };
      const child: ChildProcessWithoutNullStreams = spawn(
        process.execPath,
        ['--import', 'tsx', join(__dirname, '..', 'src', 'main.ts')],
        {
          cwd: join(__dirname, '..'),
          env: {
            ...process.env,
            LOG_LEVEL: 'info',
            REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
            SENTRY_DSN: dsn,
            SENTRY_RELEASE: 'teamflow@3f2c1ab',
            SENTRY_ENVIRONMENT: 'staging',
          },
        },
      );
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const exited = new Promise((r) => child.on('exit', r));
      const queue = new Queue('analytics', {
        connection: bullConnection(env.REDIS_URL, 'producer'),
        prefix: queuePrefix(env.REDIS_KEY_PREFIX),
      });
      try {
        await until(() => stdout.includes('worker ready'), PROCESS_START_MS, 'worker ready');
        // A payload its schema refuses fails at once, for good; it carries a secret that must not leave.
        await queue.add(
          'burndown',
          { workspaceId: 'not-a-uuid', apiToken: 'tf_pat_supersecret123' },
          { attempts: 3 },
        );
        await until(() => sentry.events().some((e) => e.tags?.job === 'burndown'), 15000, 'the Sentry event');
        const event = sentry.events().find((e) => e.tags?.job === 'burndown')!;
        expect(event.release).toBe('teamflow@3f2c1ab');
        expect(event.environment).toBe('staging');
        expect(event.tags).toMatchObject({
          service: 'worker',
          queue: 'analytics',
          job: 'burndown',
          attempt: '1',
        });
        expect(event.extra).toMatchObject({ attempts: 3, jobId: expect.any(String) });
        expect(event.exception?.values[0]?.value).toContain('Invalid payload for analytics/burndown');
        expect(sentry.envelopes().join('\n')).not.toContain('tf_pat_supersecret123');
        expect(sentry.envelopes().join('\n')).not.toContain('not-a-uuid');
      } finally {
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
        child.kill('SIGTERM');
        await exited;
      }
    },
    PROCESS_START_MS + 30_000,
  );

  it('reports a retried job once, when its last attempt fails, naming that attempt', async () => {
    const env = suiteEnv();
    const flaky = defineJob({
      queue: 'integrations',
      name: 'sync-test',
      payload: z.object({ password: z.string() }),
      attempts: 2,
    });
    let runs = 0;
    const reporter = initErrorReporter(
      { ...env, SENTRY_DSN: dsn, SENTRY_RELEASE: 'r2', SENTRY_ENVIRONMENT: 'production' },
      'worker',
    )!;
    const runtime: Runtime = startWorkers({
      redisUrl: env.REDIS_URL,
      redisKeyPrefix: env.REDIS_KEY_PREFIX,
      logger: quietLogger(),
      registrations: [
        register(flaky, () => {
          runs++;
          return Promise.reject(new Error(`upstream refused (run ${runs})`));
        }),
      ],
      onFailed: (failure) => reportJobFailure(reporter, failure),
    });
    const queue = new Queue('integrations', {
      connection: bullConnection(env.REDIS_URL, 'producer'),
      prefix: queuePrefix(env.REDIS_KEY_PREFIX),
    });
    try {
      await queue.add('sync-test', { password: 'hunter2-secret' }, flaky.options);
      await until(() => sentry.events().some((e) => e.tags?.job === 'sync-test'), 15000, 'the Sentry event');
      // A wrongly reported first attempt was captured before the last one: flushing the reporter
      // (not a fixed wait) sends it too.
      await reporter.close();
      const reported = sentry.events().filter((e) => e.tags?.job === 'sync-test');
      expect(runs).toBe(2);
      expect(reported).toHaveLength(1);
      expect(reported[0]!.tags).toMatchObject({ queue: 'integrations', attempt: '2' });
      expect(reported[0]!.exception?.values[0]?.value).toBe('upstream refused (run 2)');
      expect(reported[0]!.environment).toBe('production');
      expect(sentry.envelopes().join('\n')).not.toContain('hunter2-secret');
    } finally {
      await runtime.close(5000);
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await reporter.close();
    }
  });
});
