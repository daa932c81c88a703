import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { createApiServer } from '../src/http/api-server';
import { errorHandler } from '../src/http/errors';
import { requestContext } from '../src/http/request-context';
import { auth, createTeam, lastTaskNumber, startApi, V1, type TeamFixture, type TestApi } from './harness';

/**
 * Malformed requests get a named 4xx in the one error shape and never reach the error reporter.
 * Each case here was found by the contract fuzzer (test/fuzz) or by hand while hardening (issue 26).
 */

let api: TestApi;
let team: TeamFixture;
const reported: unknown[] = [];
beforeAll(async () => {
  api = await startApi();
  api.deps.reportError = (error) => void reported.push(error);
  team = await createTeam(api);
});
afterAll(() => api.close());
beforeEach(() => {
  reported.length = 0;
});
afterEach(() => {
  expect(reported).toEqual([]);
});

type Res = { status: number; body: unknown; headers: Record<string, string> };
const expectError = (res: Res, status: number, code: string, fields?: string[]) => {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: {
      error: {
        code,
        message: expect.any(String),
        ...(fields ? { details: fields.map((field) => ({ field, message: expect.any(String) })) } : {}),
        requestId: res.headers['x-request-id'],
      },
    },
  });
};

describe('badly percent-encoded path parameters', () => {
  it.each(['%zz', '%E0%A4%A', '%ff%fe', '%c0%ae%c0%ae'])(
    'GET /tasks/%s answers 400 INVALID_PATH_PARAM, without a token too',
    async (segment) => {
      expectError(await api.http().get(`${V1}/tasks/${segment}`), 400, 'INVALID_PATH_PARAM');
      expectError(
        await api.http().get(`${V1}/tasks/${segment}`).set(auth(team.users.owner)),
        400,
        'INVALID_PATH_PARAM',
      );
    },
  );

  it('answers 400 INVALID_PATH_PARAM on a write route with a body', async () => {
    const res = await api
      .http()
      .patch(`${V1}/projects/%zz`)
      .set(auth(team.users.owner))
      .send({ version: 1, name: 'x' });
    expectError(res, 400, 'INVALID_PATH_PARAM');
  });
});

describe('Content-Encoding', () => {
  const login = (encoding: string, body: string | Buffer) =>
    api
      .http()
      .post(`${V1}/auth/login`)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', encoding)
      // As is: superagent would JSON-encode a Buffer sent as application/json.
      .serialize((bytes: unknown) => bytes as string)
      .send(body);

  it.each(['gzip', 'deflate', 'br'])(
    'on a body that is not %s answers 400 INVALID_BODY',
    async (encoding) => {
      expectError(await login(encoding, '{"a":1}'), 400, 'INVALID_BODY');
    },
  );

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('is still honoured when the body really is %s', async (encoding, compress) => {
    const { email, password } = team.users.member;
    const res = await login(encoding, compress(JSON.stringify({ email, password })));
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.anything() });
  });

  it('naming an encoding we do not inflate answers 415 UNSUPPORTED_CONTENT_ENCODING', async () => {
    expectError(await login('compress', '{"a":1}'), 415, 'UNSUPPORTED_CONTENT_ENCODING');
  });
});

describe('bodies on routes that take none', () => {
  it.each([
    ['junk JSON', 'application/json', undefined, '{"not json'],
    ['a false gzip body', 'application/json', 'gzip', '{"a":1}'],
    ['a text body', 'text/plain', undefined, 'hello'],
  ])('GET /health/ready ignores %s', async (_what, type, encoding, body) => {
    let req = api.http().get('/health/ready').set('Content-Type', type);
    if (encoding) req = req.set('Content-Encoding', encoding);
    const res = await req.send(body);
    expect(res.status).toBe(200);
  });

  it('GET /metrics ignores a false gzip body', async () => {
    const res = await api
      .http()
      .get('/metrics')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"a":1}');
    expect(res.status).toBe(200);
  });
});

describe('values the database cannot store', () => {
  const tooBig = 2 ** 31;

  it('a project version of 2^31 is a VALIDATION_ERROR naming version', async () => {
    const res = await api
      .http()
      .patch(`${V1}/projects/${team.projectId}`)
      .set(auth(team.users.owner))
      .send({ version: tooBig, name: 'Renamed' });
    expectError(res, 400, 'VALIDATION_ERROR', ['version']);
  });

  it('a task version of 2^31 is the same VALIDATION_ERROR (not a 409)', async () => {
    const res = await api
      .http()
      .patch(`${V1}/tasks/${team.taskId}`)
      .set(auth(team.users.owner))
      .send({ version: tooBig, title: 'Renamed' });
    expectError(res, 400, 'VALIDATION_ERROR', ['version']);
  });

  it('dueDate 0000-01-01 is a VALIDATION_ERROR naming dueDate', async () => {
    const res = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.member))
      .send({ title: 'Due at year zero', dueDate: '0000-01-01' });
    expectError(res, 400, 'VALIDATION_ERROR', ['dueDate']);
  });

  it('a NUL in a task title is a VALIDATION_ERROR naming title, and uses no task number', async () => {
    const before = await lastTaskNumber(api, team.projectId);
    const res = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.member))
      .send({ title: 'Nul\u0000 task' });
    expectError(res, 400, 'VALIDATION_ERROR', ['title']);
    expect(await lastTaskNumber(api, team.projectId)).toBe(before);
  });

  it('half a surrogate pair is a VALIDATION_ERROR naming its field, however deep (jsonb refuses it)', async () => {
    const comment = await api
      .http()
      .post(`${V1}/tasks/${team.taskId}/comments`)
      .set(auth(team.users.member))
      .send({ body: 'half \ud800 a pair' });
    expectError(comment, 400, 'VALIDATION_ERROR', ['body']);
    const away = await api
      .http()
      .put(`${V1}/me/away`)
      .set(auth(team.users.member))
      .send({ ranges: [{ from: '2027-01-04', to: '2027-01-05', note: 'off \udc00' }] });
    expectError(away, 400, 'VALIDATION_ERROR', ['ranges.0.note']);
  });

  it('a NUL in ?q= is a VALIDATION_ERROR naming q', async () => {
    const res = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/search`)
      .query({ q: 'a\u0000b' })
      .set(auth(team.users.viewer));
    expectError(res, 400, 'VALIDATION_ERROR', ['q']);
  });

  it('a whole surrogate pair (an emoji) is still stored', async () => {
    const res = await api
      .http()
      .post(`${V1}/tasks/${team.taskId}/comments`)
      .set(auth(team.users.member))
      .send({ body: 'Ship it 🚀' });
    expect({ status: res.status, body: res.body.body }).toEqual({ status: 201, body: 'Ship it 🚀' });
  });

  it('an AI budget of 1e-7 (stored as 0 micros) is a VALIDATION_ERROR naming monthlyBudgetUsd', async () => {
    const res = await api
      .http()
      .put(`${V1}/workspaces/${team.workspaceId}/ai/budget`)
      .set(auth(team.users.owner))
      .send({ monthlyBudgetUsd: 1e-7 });
    expectError(res, 400, 'VALIDATION_ERROR', ['monthlyBudgetUsd']);
  });
});

describe('numbers in query strings', () => {
  it.each(['0x10', '1e1', '+16', ' 16'])('limit=%s is a VALIDATION_ERROR naming limit', async (limit) => {
    const res = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks`)
      .query({ limit })
      .set(auth(team.users.viewer));
    expectError(res, 400, 'VALIDATION_ERROR', ['limit']);
  });

  it('limit=16 still works', async () => {
    const res = await api
      .http()
      .get(`${V1}/projects/${team.projectId}/tasks`)
      .query({ limit: '16' })
      .set(auth(team.users.viewer));
    expect(res.status).toBe(200);
  });
});

describe('the error classifier', () => {
  it('still answers 500 (and reports) for an error with a 4xx status that no http layer marked, e.g. a provider SDK’s', async () => {
    const seen: unknown[] = [];
    const app = express();
    app.use(requestContext({ ...api.deps, reportError: undefined }, { shuttingDown: false }));
    app.get('/boom', () => {
      throw Object.assign(new Error('provider answered 400'), { status: 400 });
    });
    app.use(errorHandler({ ...api.deps, reportError: (error) => void seen.push(error) }));
    const res = await request(app).get('/boom');
    expectError(res, 500, 'INTERNAL_ERROR');
    expect(seen).toHaveLength(1);
  });
});

describe('requests Node’s HTTP parser refuses', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createApiServer(api.app, api.deps.logger);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends raw bytes and reads the whole answer (the server closes the connection). */
  const raw = (bytes: string) =>
    new Promise<{ status: number; headers: Record<string, string>; body: unknown }>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = text.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(
          lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
        );
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body ? JSON.parse(body) : null });
      });
      socket.write(bytes);
    });

  it('a URL over 16 KB answers 431 HEADERS_TOO_LARGE in the error shape', async () => {
    const res = await raw(`GET ${V1}/tasks/${'a'.repeat(17_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectError(res, 431, 'HEADERS_TOO_LARGE');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('bytes that are not HTTP answer 400 MALFORMED_REQUEST in the error shape', async () => {
    expectError(await raw('HELLO THERE\r\n\r\n'), 400, 'MALFORMED_REQUEST');
  });

  it('a refused request after an answered one on a kept-alive connection is answered too', async () => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    for (let waited = 0; !text.includes('{"status":"ok"}') && waited < 5000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    // The same connection, now a request smuggling shape the parser refuses.
    socket.write(
      'GET /health HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n',
    );
    await closed;
    const second = text.slice(text.indexOf('{"status":"ok"}') + '{"status":"ok"}'.length);
    const [head = '', body = ''] = second.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(body || 'null')).toEqual({
      error: { code: 'MALFORMED_REQUEST', message: expect.any(String), requestId: expect.any(String) },
    });
  });
});
