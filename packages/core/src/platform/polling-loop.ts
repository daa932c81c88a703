import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logger';

export interface PollingLoop {
  start: () => void;
  /** Finishes the pass under way, then stops. */
  stop: () => Promise<void>;
  /** Runs a pass now rather than after the idle wait (once more after the pass under way, if any). */
  wake: () => void;
}

/**
 * Runs `pass` over and over: at once again after a full batch, after `idleMs` when it found less,
 * and with exponential back-off (up to `maxBackoffMs`) while it fails. Used by the relays that
 * move outbox rows to Redis, which must keep trying through outages without flooding the log.
 */
export function pollingLoop(
  name: string,
  pass: () => Promise<number>,
  options: { batchSize: number; idleMs: number; maxBackoffMs: number; logger: Logger },
): PollingLoop {
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: AbortController | undefined;
  let halt = new AbortController();
  // A wake that came while a pass ran: that pass may have missed what the wake announced.
  let woken = false;

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      let done = 0;
      woken = false;
      try {
        done = await pass();
        if (failures > 0) options.logger.info(`${name} recovered`);
        failures = 0;
      } catch (error) {
        if (failures === 0)
          options.logger.warn(`${name} failed; retrying`, { error: (error as Error).message });
        failures++;
      }
      // While failing, back-off wins over wakes (a burst of commits must not turn into a burst of retries).
      if (done === options.batchSize || (woken && failures === 0)) continue;
      const delay =
        failures > 0 ? Math.min(options.idleMs * 2 ** failures, options.maxBackoffMs) : options.idleMs;
      wake = new AbortController();
      const signal = failures === 0 ? AbortSignal.any([wake.signal, halt.signal]) : halt.signal;
      await sleep(delay, undefined, { signal }).catch(() => undefined);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      halt = new AbortController();
      loop = run();
    },
    async stop() {
      running = false;
      halt.abort();
      await loop;
    },
    wake() {
      woken = true;
      wake?.abort();
    },
  };
}
