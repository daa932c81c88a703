// The servers TeamFlow's attachments need, started on loopback by the project itself: an
// S3-compatible object store (s3rver, spoken to through the real AWS SDK on the real wire
// protocol) and ClamAV's daemon with the signature database this folder ships (the EICAR test
// signature: the public signature download is not reachable on a developer's or CI's machine).
// Used by `npm start` (scripts/start.mjs), the Jest global setup and the e2e suite. Also Debian's
// PgBouncer in transaction mode, which the pooler suite puts in front of the test database.
'use strict';
const { chmodSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const net = require('node:net');
const { tmpdir, userInfo } = require('node:os');
const { join } = require('node:path');
const { canConnect, findDaemon, freePort, onFreePort, startDaemon } = require('./daemon.cjs');

/** s3rver checks request signatures against its one built-in account. */
const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * Starts s3rver on `host:port` (0: any free port) storing under `directory` (a temp folder when
 * omitted, removed on close), with `bucket` created at start.
 */
async function startObjectStorage(options = {}) {
  const S3rver = require('s3rver');
  const host = options.host ?? '127.0.0.1';
  const bucket = options.bucket ?? 'teamflow';
  const ownDirectory = !options.directory;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'teamflow-s3-'));
  const server = new S3rver({
    address: host,
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://${host}:${address.port}`;
  return {
    endpoint,
    bucket,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'us-east-1',
    },
    async close() {
      await server.close();
      if (ownDirectory) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Path of Debian's clamd (`clamav-daemon`), or undefined when it is not installed. */
function findClamd() {
  return findDaemon('clamd');
}

/** Path of Debian's pgbouncer, or undefined when it is not installed. */
function findPgBouncer() {
  return findDaemon('pgbouncer');
}

/** One clamd command over TCP (`zPING\0` → `PONG`). */
function clamdCommand(host, port, command, timeoutMs = 1000) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let answer = '';
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('clamd did not answer')));
    socket.on('connect', () => socket.write(`z${command}\0`));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer.replace(/\0/g, '').trim()));
    socket.on('error', reject);
  });
}

/**
 * Starts clamd in the foreground on loopback with the repo's signature database. Resolves once it
 * answers PING (loading a one-signature database takes about a second).
 */
async function startClamd(options = {}) {
  const clamd = options.clamdPath ?? findClamd();
  if (!clamd) throw new Error('clamd is not installed (Debian package clamav-daemon)');
  const host = options.host ?? '127.0.0.1';
  return onFreePort(host, options.port, (port) => startClamdOn(clamd, host, port, options));
}

async function startClamdOn(clamd, host, port, options) {
  const workDir = mkdtempSync(join(tmpdir(), 'teamflow-clamd-'));
  const databaseDirectory = options.databaseDirectory ?? join(__dirname, 'clamav');
  const config = join(workDir, 'clamd.conf');
  writeFileSync(
    config,
    [
      'Foreground yes',
      `TCPSocket ${port}`,
      `TCPAddr ${host}`,
      `DatabaseDirectory ${databaseDirectory}`,
      // Uploads are at most 10 MiB; leave room.
      'StreamMaxLength 32M',
      // Read the signatures once; nothing updates them while this runs.
      'SelfCheck 0',
      '',
    ].join('\n'),
  );
  const daemon = await startDaemon({
    name: 'clamd',
    command: clamd,
    args: ['-c', config],
    workDir,
    timeoutMs: options.timeoutMs ?? 30000,
    pollMs: 200,
    isReady: () =>
      clamdCommand(host, port, 'PING').then(
        (answer) => answer === 'PONG',
        () => false,
      ),
  });
  return {
    host,
    port,
    pid: daemon.pid,
    env: { CLAMAV_HOST: host, CLAMAV_PORT: String(port) },
    close: daemon.close,
  };
}

/**
 * Starts PgBouncer in the foreground on a free loopback port, in transaction mode, in front of the
 * PostgreSQL server `upstreamUrl` names (any database on it: `*` in [databases]). `poolSize`
 * server connections per database and user (2 by default, so clients share them and a statement
 * that leaned on session state would meet another client's session). Clients are trusted; the
 * auth file holds the user and the upstream password (URL or PGPASSWORD) for the server login. Run by root (CI), it
 * drops to `nobody`, since PgBouncer refuses to run as root.
 */
async function startPgBouncer(options = {}) {
  const pgbouncer = options.pgbouncerPath ?? findPgBouncer();
  if (!pgbouncer) throw new Error('pgbouncer is not installed (Debian package pgbouncer)');
  const upstream = new URL(options.upstreamUrl ?? 'postgres://127.0.0.1:5432/postgres');
  const user = decodeURIComponent(upstream.username) || process.env.PGUSER || userInfo().username;
  const host = options.host ?? '127.0.0.1';
  return onFreePort(host, options.port, (port) =>
    startPgBouncerOn(pgbouncer, upstream, user, host, port, options),
  );
}

async function startPgBouncerOn(pgbouncer, upstream, user, host, port, options) {
  const workDir = mkdtempSync(join(tmpdir(), 'teamflow-pgbouncer-'));
  // Read by the `nobody` PgBouncer drops to.
  chmodSync(workDir, 0o755);
  const authFile = join(workDir, 'users.txt');
  // Clients are trusted; the password is what PgBouncer logs in to the server with, where the
  // server asks for one (GitHub's CI service container does; the test machine's trust does not).
  const password = decodeURIComponent(upstream.password) || process.env.PGPASSWORD || '';
  const quoted = (text) => `"${text.replace(/"/g, '""')}"`;
  writeFileSync(authFile, `${quoted(user)} ${quoted(password)}\n`, { mode: 0o644 });
  const config = join(workDir, 'pgbouncer.ini');
  writeFileSync(
    config,
    [
      '[databases]',
      `* = host=${upstream.hostname || '127.0.0.1'} port=${upstream.port || 5432}`,
      '[pgbouncer]',
      `listen_addr = ${host}`,
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize ?? 2}`,
      'max_client_conn = 500',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const daemon = await startDaemon({
    name: 'pgbouncer',
    command: pgbouncer,
    args: process.getuid?.() === 0 ? ['-u', 'nobody', config] : [config],
    workDir,
    timeoutMs: options.timeoutMs ?? 10000,
    pollMs: 100,
    isReady: () => canConnect(host, port),
  });
  return {
    host,
    port,
    pid: daemon.pid,
    /** `databaseUrl` (a URL on the upstream server) rewritten to go through this PgBouncer. */
    pooledUrl(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = host;
      url.port = String(port);
      return url.toString();
    },
    /** What PgBouncer logged so far (connections, errors), for a failing test's message. */
    log: daemon.log,
    close: daemon.close,
  };
}

/**
 * The 68-byte EICAR anti-virus test file, assembled at run time so no file in the repository
 * trips a scanner that looks at the repository itself.
 */
function eicarTestFile() {
  return Buffer.from(
    ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-', 'TEST-FILE!$H+H*'].join(''),
    'latin1',
  );
}

module.exports = {
  freePort,
  onFreePort,
  startObjectStorage,
  startClamd,
  findClamd,
  startPgBouncer,
  findPgBouncer,
  eicarTestFile,
  LOCAL_S3_CREDENTIALS,
  ...require('./replica.cjs'),
  ...require('./redis-cluster.cjs'),
  ...require('./nginx.cjs'),
};
