import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@teamflow/core/platform/logger';
import { startApi, V1, type TestApi } from './harness';
import { tag } from './route-requests';

/** POST /api/v1/csp-reports: the web app's CSP violation reports, in both formats browsers send. */

const lines: string[] = [];
let api: TestApi;
beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  api = await startApi(
    { LOG_LEVEL: 'warn' },
    { logger: createLogger({ level: 'warn', service: 'api', stream }) },
  );
});
afterAll(() => api.close());
beforeEach(() => {
  lines.length = 0;
});

const REPORTS = `${V1}/csp-reports`;
const WEB = 'http://localhost:3000';
// What a page would leak if a report were logged whole: a reset token in the query, an invitation in the path.
const SECRET = `reset-${'s3cr3t'.repeat(6)}`;
const INVITE = `inv${'x9'.repeat(16)}`;

const violations = () =>
  lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => l.message === 'csp violation');

const legacy = {
  'csp-report': {
    'document-uri': `${WEB}/reset-password?token=${SECRET}`,
    referrer: '',
    'violated-directive': 'script-src-elem',
    'effective-directive': 'script-src-elem',
    'original-policy': "default-src 'self'; script-src 'nonce-abc' 'strict-dynamic'",
    disposition: 'enforce',
    'blocked-uri': `https://cdn.evil.example/x.js?steal=${SECRET}`,
    'line-number': 12,
    'column-number': 3,
    'source-file': `${WEB}/reset-password?token=${SECRET}`,
    'status-code': 200,
    'script-sample': `alert("${SECRET}")`,
  },
};

const batch = [
  {
    type: 'csp-violation',
    age: 12,
    url: `${WEB}/invite/${INVITE}`,
    user_agent: 'Mozilla/5.0',
    body: {
      documentURL: `${WEB}/invite/${INVITE}`,
      referrer: '',
      blockedURL: 'inline',
      effectiveDirective: 'script-src-elem',
      originalPolicy: "script-src 'nonce-abc' 'strict-dynamic'",
      sourceFile: `${WEB}/invite/${INVITE}`,
      sample: `window.secret="${SECRET}"`,
      disposition: 'report',
      statusCode: 200,
      lineNumber: 1,
      columnNumber: 9,
    },
  },
  {
    type: 'csp-violation',
    age: 40,
    url: `${WEB}/login`,
    user_agent: 'Mozilla/5.0',
    body: {
      documentURL: `${WEB}/login`,
      blockedURL: 'http://localhost:9/evil.js',
      effectiveDirective: 'script-src-elem',
      originalPolicy: "script-src 'nonce-abc'",
      disposition: 'enforce',
      statusCode: 200,
    },
  },
];

const post = (contentType: string, body: string) =>
  api.http().post(REPORTS).set('Content-Type', contentType).send(body);

const expectError = (
  res: { status: number; body: unknown; headers: Record<string, string> },
  status: number,
  code: string,
) => {
  expect(res.status).toBe(status);
  const { details: _details, ...error } = (res.body as { error: { details?: unknown } }).error;
  expect(error).toEqual({ code, message: expect.any(String), requestId: res.headers['x-request-id'] });
};

describe('POST /api/v1/csp-reports', () => {
  it('takes a report-uri report (application/csp-report), answers 204 with no body and logs one warn line', async () => {
    const res = await post('application/csp-report', JSON.stringify(legacy));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(violations()).toEqual([
      expect.objectContaining({
        level: 'warn',
        directive: 'script-src-elem',
        blocked: 'https://cdn.evil.example/x.js',
        document: `${WEB}/reset-password`,
        source: `${WEB}/reset-password:12:3`,
        disposition: 'enforce',
        requestId: res.headers['x-request-id'],
      }),
    ]);
  });

  it('takes a report-to batch (application/reports+json) and logs each violation', async () => {
    const res = await post('application/reports+json', JSON.stringify(batch));
    expect(res.status).toBe(204);
    expect(violations().map((v) => [v.directive, v.blocked, v.document, v.disposition])).toEqual([
      ['script-src-elem', 'inline', `${WEB}/invite/…`, 'report'],
      ['script-src-elem', 'http://localhost:9/evil.js', `${WEB}/login`, 'enforce'],
    ]);
  });

  it('never writes the body to the log: no policy, no sample, no query string, no token in a path', async () => {
    expect((await post('application/csp-report', JSON.stringify(legacy))).status).toBe(204);
    expect((await post('application/reports+json', JSON.stringify(batch))).status).toBe(204);
    const logged = lines.join('\n');
    expect(violations()).toHaveLength(3);
    for (const leaked of [SECRET, INVITE, 'strict-dynamic', 'nonce-abc', 'alert(', 'Mozilla'])
      expect([leaked, logged.includes(leaked)]).toEqual([leaked, false]);
  });

  it('answers a browser’s CORS preflight from the web origin (report-to sends one for its JSON body)', async () => {
    const res = await api
      .http()
      .options(REPORTS)
      .set('Origin', api.deps.env.WEB_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(api.deps.env.WEB_ORIGIN);
  });

  it.each([
    ['malformed JSON', 400, 'INVALID_JSON', 'application/csp-report', '{"csp-report": {'],
    ['a body that is no CSP report', 400, 'VALIDATION_ERROR', 'application/csp-report', '{"hello":"world"}'],
    [
      'a report-to batch of another report type',
      400,
      'VALIDATION_ERROR',
      'application/reports+json',
      '[{"type":"deprecation","body":{}}]',
    ],
    ['an empty report-to batch', 400, 'VALIDATION_ERROR', 'application/reports+json', '[]'],
    ['no body', 400, 'VALIDATION_ERROR', 'application/csp-report', ''],
    ['another media type', 415, 'UNSUPPORTED_MEDIA_TYPE', 'text/plain', JSON.stringify(legacy)],
    [
      'a body over 64 KB',
      413,
      'PAYLOAD_TOO_LARGE',
      'application/csp-report',
      JSON.stringify({ pad: 'x'.repeat(70_000) }),
    ],
  ] as const)(
    'answers %s with %i %s in the one error shape and logs no violation',
    async (_what, status, code, type, body) => {
      expectError(await post(type, body), status, code);
      expect(violations()).toEqual([]);
    },
  );

  it('is rate limited per client like other anonymous calls: over the limit it is 429 with Retry-After', async () => {
    const limited = await startApi({
      RATE_LIMIT_DEFAULT_PER_MINUTE: '3',
      REDIS_KEY_PREFIX: `${api.deps.env.REDIS_KEY_PREFIX}csp-${tag()}:`,
    });
    try {
      // Fixed one-minute windows: do not start the burst in the last seconds of one.
      const s = Math.floor(Date.now() / 1000) % 60;
      if (s >= 55) await sleep((61 - s) * 1000);
      const send = () =>
        limited
          .http()
          .post(REPORTS)
          .set('Content-Type', 'application/csp-report')
          .send(JSON.stringify(legacy));
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await send()).status);
      const over = await send();
      expect([...statuses, over.status]).toEqual([204, 204, 204, 429]);
      expectError(over, 429, 'RATE_LIMIT_EXCEEDED');
      expect(over.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
