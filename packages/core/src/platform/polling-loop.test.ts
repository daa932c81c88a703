import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from './logger';
import { pollingLoop } from './polling-loop';

const logger = createLogger({ level: 'silent', service: 'test' });
const LONG_IDLE_MS = 10_000;

async function until(ok: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

describe('polling loop wake-ups', () => {
  it('runs a pass at once when woken during its idle wait', async () => {
    let passes = 0;
    const loop = pollingLoop(
      'test',
      () => {
        passes++;
        return Promise.resolve(0);
      },
      { batchSize: 10, idleMs: LONG_IDLE_MS, maxBackoffMs: LONG_IDLE_MS, logger },
    );
    loop.start();
    await until(() => passes === 1);
    loop.wake();
    await until(() => passes === 2);
    await loop.stop();
  });

  it('runs one more pass right after the pass under way when woken during it', async () => {
    let passes = 0;
    let release: () => void = () => undefined;
    const loop = pollingLoop(
      'test',
      async () => {
        passes++;
        if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
        return 0;
      },
      { batchSize: 10, idleMs: LONG_IDLE_MS, maxBackoffMs: LONG_IDLE_MS, logger },
    );
    loop.start();
    await until(() => passes === 1);
    // The wake arrives while pass 1 runs: that pass may have missed what the wake announced.
    loop.wake();
    release();
    await until(() => passes === 2);
    await loop.stop();
  });

  it('keeps backing off while passes fail, whatever the wakes', async () => {
    let passes = 0;
    const loop = pollingLoop(
      'test',
      () => {
        passes++;
        return Promise.reject(new Error('redis down'));
      },
      { batchSize: 10, idleMs: 1000, maxBackoffMs: LONG_IDLE_MS, logger },
    );
    loop.start();
    await until(() => passes === 1);
    for (let i = 0; i < 20; i++) {
      loop.wake();
      await sleep(5);
    }
    expect(passes).toBe(1);
    await loop.stop();
  });

  it('stops at once from an idle wait and from a back-off wait, running no further pass', async () => {
    for (const outcome of ['idle', 'failing'] as const) {
      let passes = 0;
      const loop = pollingLoop(
        'test',
        () => {
          passes++;
          return outcome === 'idle' ? Promise.resolve(0) : Promise.reject(new Error('down'));
        },
        { batchSize: 10, idleMs: LONG_IDLE_MS, maxBackoffMs: LONG_IDLE_MS, logger },
      );
      loop.start();
      await until(() => passes === 1);
      const started = Date.now();
      await loop.stop();
      expect(Date.now() - started).toBeLessThan(LONG_IDLE_MS / 2);
      loop.wake();
      await sleep(20);
      expect(passes).toBe(1);
    }
  });
});
