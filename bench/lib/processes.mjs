// Child-process plumbing shared by the benches: free ports, readiness polling, clean shutdown.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export { freePort } from '@teamflow/local-services';

/**
 * Starts `node <args>` with its output appended to `logFile` (never the console: under load a
 * chatty child would slow itself down and bury the report). Resolves once spawned.
 */
export function startNode(args, { cwd, env, logFile, ipc = false }) {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      log.end();
      resolve({ code, signal });
    });
  });
  child.logFile = logFile;
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

/** Polls `url` until it answers 200; fails early if `child` dies first. */
export async function waitForOk(url, { child, timeoutMs = 30_000, what = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  child?.exited.then(() => {
    died = true;
  });
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (died) throw new Error(`${what} exited before it was ready (see ${child.logFile})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(100);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${last}; see ${child?.logFile ?? 'its log'})`);
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves with how the child ended. */
export async function stopChild(child, { graceMs = 15_000 } = {}) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}
