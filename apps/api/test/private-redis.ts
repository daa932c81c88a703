import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { freePort } from '@teamflow/local-services';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A redis-server child of the suite's own, on a free port, that a fault test may kill and start
 * again on the same port (the shared server stays untouched for every other suite).
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly persistDir?: string,
  ) {}

  /**
   * Without `persistDir` nothing survives a restart (no RDB, no AOF), as most tests want. With it,
   * an append-only file fsynced on every write lives there, so a kill -9 and restart keeps all data.
   */
  static async start(options: { persistDir?: string } = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), options.persistDir);
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** One raw PING, so the probe does not depend on the client under test. */
  ping(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect(this.port, '127.0.0.1');
      let reply = '';
      socket.setTimeout(500, () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(false));
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (chunk) => {
        reply += chunk.toString();
        if (reply.includes('\r\n')) {
          socket.end();
          resolve(reply.startsWith('+PONG'));
        }
      });
    });
  }

  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        ...(this.persistDir
          ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.persistDir]
          : ['--appendonly', 'no']),
      ],
      { stdio: 'ignore' },
    );
    let spawnError: Error | undefined;
    child.on('error', (error) => (spawnError = error));
    this.child = child;
    const deadline = Date.now() + 15_000;
    while (!(await this.ping())) {
      if (spawnError) throw new Error(`cannot start redis-server: ${spawnError.message}`);
      if (Date.now() > deadline) throw new Error('redis-server did not answer PING');
      await sleep(100);
    }
  }

  /** SIGSTOP: the server holds every connection open and answers nothing until `resume`. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
