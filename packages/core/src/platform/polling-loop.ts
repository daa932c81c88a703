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
  // The idle wait under way: `end` finishes it early; a wake may do so only when `wakeable` (not
  // while backing off). A timer and a resolver, not an AbortController: the relay is woken after
  // every create, and each abort built a DOMException with its stack (1.4% of a create's api CPU).
  let waiting: { end: () => void; wakeable: boolean } | undefined;
  // A wake that came while a pass ran: that pass may have missed what the wake announced.
  let woken = false;

  const pause = (ms: number, wakeable: boolean) =>
    new Promise<void>((resolve) => {
      const end = () => {
        clearTimeout(timer);
        waiting = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      waiting = { end, wakeable };
    });

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
      if (running) await pause(delay, failures === 0);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      waiting?.end();
      await loop;
    },
    wake() {
      woken = true;
      if (waiting?.wakeable) waiting.end();
    },
  };
}
