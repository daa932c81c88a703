import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { initErrorReporter } from '@teamflow/core/platform/error-reporter';
import { startApi, V1, type TestApi } from './harness';

// A local server speaking Sentry's ingestion protocol: the SDK POSTs envelopes to /api/<project>/envelope/.
let sentry: Server;
const envelopes: string[] = [];
let api: TestApi;

beforeAll(async () => {
  sentry = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      envelopes.push(
        req.headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString() : body.toString(),
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => sentry.listen(0, '127.0.0.1', r));
  const port = (sentry.address() as AddressInfo).port;
  api = await startApi({
    SENTRY_DSN: `http://publickey@127.0.0.1:${port}/42`,
    SENTRY_RELEASE: 'teamflow@9e8d7c6',
    SENTRY_ENVIRONMENT: 'staging',
  });
  const reporter = initErrorReporter(api.deps.env, 'api')!;
  api.deps.reportError = (error, context) => reporter.report(error, context);
});

afterAll(async () => {
  await api.close().catch(() => undefined);
  await new Promise((r) => sentry.close(r));
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
    while (!envelopes.some((e) => e.includes(res.body.error.requestId)) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const envelope = envelopes.find((e) => e.includes(res.body.error.requestId));
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
