import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApiServer } from '../src/http/api-server';
import { startApi, V1, type TestApi } from './harness';

/**
 * A connection closed after its answer while the client is still sending a body nobody reads (a
 * GET with a body, a request refused before its body): the client must still read the whole answer.
 * Closing with unread input makes the kernel send a reset, which discards an answer the client has
 * not read yet (the contract fuzzer's `GET /metrics` with a large junk body, cut off under load).
 */

let api: TestApi;
let server: Server;
let port: number;
// Every answer this server has finished writing, by request line.
const finished = new Set<string>();
beforeAll(async () => {
  api = await startApi();
  server = createApiServer(api.app, api.deps.logger);
  // First, so it sees the request line as it arrived (Express rewrites req.url as it routes).
  server.prependListener('request', (req, res) => {
    const line = `${req.method} ${req.url}`;
    res.on('finish', () => finished.add(line));
  });
  // After client-error.ts has answered what Node's parser refused.
  server.on('clientError', () => finished.add('refused'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await api.close();
});

const BODY_BYTES = 8 * 1024 * 1024;

/**
 * Sends `head` and a body of BODY_BYTES (more than the socket buffers hold), reads nothing until
 * the server has written its answer and had time to close (a loaded client reads late), then reads
 * all of it.
 */
async function sendWithUnreadBody(
  method: string,
  path: string,
  extraHeaders = '',
  answered = `${method} ${path}`,
): Promise<{ status: number; headers: Record<string, string>; body: string; error?: string }> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.pause();
  const chunks: Buffer[] = [];
  let error: string | undefined;
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
  socket.write(
    `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${BODY_BYTES}\r\n${extraHeaders}\r\n`,
  );
  socket.write(Buffer.alloc(BODY_BYTES, 'x'));
  for (let waited = 0; !finished.has(answered) && waited < 10_000; waited += 10) await sleep(10);
  await sleep(300);
  // Read until the answer is complete (then hang up, as a client does) or the connection ends.
  const whole = () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const split = text.indexOf('\r\n\r\n');
    const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, split));
    return split >= 0 && length !== null && Buffer.byteLength(text) - split - 4 >= Number(length[1]);
  };
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (whole()) done();
    });
    socket.once('close', done);
    if (socket.destroyed) done();
    socket.resume();
  });
  socket.destroy();
  const text = Buffer.concat(chunks).toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, Math.max(split, 0)).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(split + 4), error };
}

describe('a connection closed while the client still sends a body nobody reads', () => {
  it.each(['/metrics', `${V1}/metrics`])(
    'GET %s with a large junk body: the whole answer arrives',
    async (path) => {
      const res = await sendWithUnreadBody('GET', path);
      expect({ status: res.status, error: res.error }).toEqual({ status: 200, error: undefined });
      expect(Buffer.byteLength(res.body)).toBe(Number(res.headers['content-length']));
      expect(res.body).toContain('queue_jobs');
    },
  );

  it('a request refused before its body is read gets its whole error answer', async () => {
    const res = await sendWithUnreadBody('POST', `${V1}/workspaces`);
    expect({ status: res.status, error: res.error }).toEqual({ status: 401, error: undefined });
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'UNAUTHORIZED', message: expect.any(String), requestId: res.headers['x-request-id'] },
    });
  });

  it('a request Node’s parser refuses gets its whole error answer', async () => {
    // Transfer-Encoding beside Content-Length: a request smuggling shape the parser refuses.
    const res = await sendWithUnreadBody('GET', '/health', 'Transfer-Encoding: chunked\r\n', 'refused');
    expect({ status: res.status, error: res.error }).toEqual({ status: 400, error: undefined });
    expect(JSON.parse(res.body)).toEqual({
      error: {
        code: 'MALFORMED_REQUEST',
        message: expect.any(String),
        requestId: res.headers['x-request-id'],
      },
    });
  });
});
