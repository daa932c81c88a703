// The raw baselines, run as a child of the bench (so, like the api, it has a core of its own
// apart from the load generator): plain node:http, no framework, one pg Pool sized like the api's.
//   GET  /hello  hello world: what this machine does with no work at all        (scenario 1)
//   GET  /tasks  the list query of GET /projects/:id/tasks, rows as JSON         (scenario 4)
//   POST /tasks  one INSERT of a task (number from a counter held here)          (scenario 6)
// And, on a second port, the framework's own floor: the api's Express 5 with no middleware at all
// answering GET /hello and GET /tasks the same way (scenarios 1x and 4x). The api cannot be
// cheaper than the framework it is built on; these show how much of the gap is Express's own.
// Settings come in the environment; the ports go back to the parent over IPC.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { INSERT_TASK_SQL, LIST_TASKS_SQL } from './baseline-sql.mjs';

const env = process.env;
const pool = new pg.Pool({
  connectionString: env.DATABASE_URL,
  max: Number(env.DB_POOL_MAX ?? 10),
  application_name: 'teamflow-bench-baseline',
});
pool.on('error', () => undefined);

const LIST_PROJECT = env.BENCH_LIST_PROJECT_ID;
const INSERT_PROJECT = env.BENCH_INSERT_PROJECT_ID;
const WORKSPACE = env.BENCH_WORKSPACE_ID;
const CREATED_BY = env.BENCH_USER_ID;
let counter = 0;

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = createServer(async (req, res) => {
  try {
    const path = req.url.split('?', 1)[0];
    if (req.method === 'GET' && path === '/hello') return send(res, 200, 'hello world', 'text/plain');
    if (req.method === 'GET' && path === '/tasks') {
      const { rows } = await pool.query(LIST_TASKS_SQL, [LIST_PROJECT, 51]);
      return send(res, 200, JSON.stringify({ items: rows }));
    }
    if (req.method === 'POST' && path === '/tasks') {
      const input = JSON.parse(await readBody(req));
      const number = ++counter;
      const { rows } = await pool.query(INSERT_TASK_SQL, [
        WORKSPACE,
        INSERT_PROJECT,
        number,
        input.title,
        input.priority ?? 'medium',
        number * 1024,
        CREATED_BY,
      ]);
      return send(res, 201, JSON.stringify(rows[0]));
    }
    send(res, 404, '{"error":"not found"}');
  } catch (error) {
    send(res, 500, JSON.stringify({ error: error.message }));
  }
});
server.keepAliveTimeout = 65_000;

// The api's own copy of Express (resolved from apps/api), so the floor is the version the api runs.
const express = createRequire(new URL('../../apps/api/package.json', import.meta.url))('express');
const bare = express();
bare.get('/hello', (_req, res) => res.type('text/plain').send('hello world'));
bare.get('/tasks', async (_req, res) => {
  const { rows } = await pool.query(LIST_TASKS_SQL, [LIST_PROJECT, 51]);
  res.json({ items: rows });
});
const expressServer = createServer(bare);
expressServer.keepAliveTimeout = 65_000;

const listening = (s) => new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s.address().port)));
Promise.all([listening(server), listening(expressServer)]).then(([port, expressPort]) =>
  process.send?.({ port, expressPort }),
);

const shutdown = () => {
  let open = 2;
  const closed = () => {
    if (--open === 0) pool.end().finally(() => process.exit(0));
  };
  server.close(closed);
  expressServer.close(closed);
  server.closeAllConnections();
  expressServer.closeAllConnections();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', () => undefined); // the parent decides when we stop
process.on('disconnect', shutdown);
