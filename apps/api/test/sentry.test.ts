import { initErrorReporter } from '@teamflow/core/platform/error-reporter';
import { startSentryEndpoint, type LocalSentryEndpoint } from '@teamflow/local-services/sentry-endpoint.cjs';
import { startApi, V1, type TestApi } from './harness';

let sentry: LocalSentryEndpoint;
let api: TestApi;

beforeAll(async () => {
  sentry = await startSentryEndpoint();
  api = await startApi({
    SENTRY_DSN: sentry.dsn(42),
    SENTRY_RELEASE: 'teamflow@9e8d7c6',
    SENTRY_ENVIRONMENT: 'staging',
  });
  const reporter = initErrorReporter(api.deps.env, 'api')!;
  api.deps.reportError = (error, context) => reporter.report(error, context);
});

afterAll(async () => {
  await api.close().catch(() => undefined);
  await sentry.close();
});

describe('error reporting', () => {
  it('answers an unexpected failure with a bare 500 and reports it to Sentry with the request id, release and environment', async () => {
    // A pool that has been ended throws an error no handler expects.
    await api.deps.pool.end();
    const res = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: 'someone@example.test', password: 'secret-pass-1' });
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side',
      requestId: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/pool|at \w+ \(|select/i);

    const until = Date.now() + 10000;
    while (!sentry.envelopes().some((e) => e.includes(res.body.error.requestId)) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const envelope = sentry.envelopes().find((e) => e.includes(res.body.error.requestId));
    expect(envelope).toBeDefined();
    expect(envelope).toContain('"type":"event"');
    const event = JSON.parse(envelope!.split('\n').find((line) => line.includes(res.body.error.requestId))!);
    expect(event).toMatchObject({
      release: 'teamflow@9e8d7c6',
      environment: 'staging',
      tags: { service: 'api' },
    });
    expect(envelope).not.toContain('secret-pass-1');
  });
});
