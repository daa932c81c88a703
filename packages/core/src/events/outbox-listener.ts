import pg from 'pg';
import { connectionUrl } from '@teamflow/db/client';
import type { Logger } from '../platform/logger';
import { OUTBOX_CHANNEL } from './outbox.repository';

export interface OutboxListener {
  /** Resolves once the first LISTEN is in place (or failed; the poll covers until it is). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * LISTENs for outbox commits on a dedicated connection (not from the pool: a LISTEN lives as long
 * as its session) and calls `onNotify` for each. `databaseUrl` is the direct one
 * (DATABASE_DIRECT_URL) when PgBouncer fronts DATABASE_URL: in transaction mode the LISTEN would be
 * left on a server connection that other clients then use, and notifications would go astray. When the connection drops it reconnects with
 * back-off; meanwhile, and for anything missed in between, the relay's poll is the fallback.
 */
export function listenForOutbox(
  databaseUrl: string,
  onNotify: () => void,
  logger: Logger,
  options: { retryMs?: number; maxRetryMs?: number } = {},
): OutboxListener {
  const retryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5000;
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function retry(): void {
    if (stopped || timer) return;
    const delay = Math.min(retryMs * 2 ** failures, maxRetryMs);
    failures++;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({
      connectionString: connectionUrl(databaseUrl),
      application_name: 'teamflow-outbox-listener',
      // Catch a half-open connection (no error, no notifications) by TCP keep-alive.
      keepAlive: true,
    });
    client = next;
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (stopped) return;
      if (failures === 0)
        logger.warn('outbox listener lost its connection; reconnecting', { error: error?.message });
      retry();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', (message) => {
      if (message.channel === OUTBOX_CHANNEL) onNotify();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (failures > 0) logger.info('outbox listener reconnected');
      failures = 0;
      // Anything committed while we were not listening: one pass picks it up.
      onNotify();
    } catch (error) {
      lost(error as Error);
    } finally {
      markReady();
    }
  }

  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
