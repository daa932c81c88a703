// Starting Debian daemons the local services run on loopback: find the binary, pick a free port,
// spawn it in the foreground and poll until it answers; close stops it and removes its config.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync, rmSync } = require('node:fs');
const net = require('node:net');
const { delimiter, join } = require('node:path');

/** Path of a Debian daemon (`/usr/sbin` first, then PATH), or undefined when it is not installed. */
function findDaemon(name) {
  const dirs = ['/usr/sbin', '/usr/local/sbin', ...(process.env.PATH ?? '').split(delimiter)];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A TCP port nothing listens on right now on `host` (bound, then released): the one helper for it. */
function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// What a daemon says when another process took its port between freePort and its bind.
const PORT_TAKEN = /address already in use|cannot bind|EADDRINUSE/i;

/**
 * Starts a daemon with `start(port)` on `port`, or on a free port when none is given; a free port
 * is only free when asked, and a daemon that reads its config first (clamd loads its signatures
 * for seconds) can find it taken by a test server started meanwhile: then again on another port,
 * up to three times.
 */
async function onFreePort(host, port, start) {
  if (port) return start(port);
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort(host));
    } catch (error) {
      if (attempt >= 3 || !PORT_TAKEN.test(String(error?.message))) throw error;
    }
  }
}

const READY_GRACE_MS = 300;

function stillRunning(child, ms) {
  return new Promise((resolve) => setTimeout(() => resolve(child.exitCode === null), ms));
}

/**
 * Spawns a daemon that stays in the foreground and polls `isReady` until it answers true. Its
 * `workDir` (config files) is removed when it fails to start and on close; close stops it with
 * SIGTERM, then SIGKILL after 5 s.
 */
async function startDaemon({ name, command, args, workDir, timeoutMs, pollMs, isReady }) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(workDir, { recursive: true, force: true });
      throw new Error(`${name} exited (${child.exitCode}): ${stderr.trim()}`);
    }
    // Ready, and still running a moment later: a daemon that could not bind its port exits (PgBouncer
    // within ~100–300 ms here), and meanwhile whatever holds the port answers a plain connect.
    if ((await isReady()) && (await stillRunning(child, READY_GRACE_MS))) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      rmSync(workDir, { recursive: true, force: true });
      throw new Error(`${name} did not start within the timeout: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return {
    pid: child.pid,
    log: () => stderr,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once something accepts TCP connections on host:port. */
function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

module.exports = { findDaemon, freePort, onFreePort, startDaemon, canConnect };
