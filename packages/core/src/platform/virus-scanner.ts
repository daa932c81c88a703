import type { Readable } from 'node:stream';
import NodeClam from 'clamscan';
import type { Env } from '@teamflow/config/env';

export type ScanVerdict = { infected: false } | { infected: true; threat: string };

export interface VirusScanner {
  /** Streams the bytes to clamd (INSTREAM). Rejects when clamd cannot be reached or times out. */
  scan(stream: Readable): Promise<ScanVerdict>;
}

export function isScannerConfigured(env: Env): boolean {
  return env.CLAMAV_HOST !== undefined;
}

const scanners = new WeakMap<Env, Promise<NodeClam>>();

/**
 * ClamAV's daemon over TCP through the `clamscan` client. Undefined when no scanner is configured
 * (attachments are then stored `unscanned`, and the UI says so).
 */
export function virusScanner(env: Env): VirusScanner | undefined {
  if (!env.CLAMAV_HOST) return undefined;
  const host = env.CLAMAV_HOST;
  const connect = () => {
    let clam = scanners.get(env);
    if (!clam) {
      clam = new NodeClam().init({
        removeInfected: false,
        scanLog: undefined,
        debugMode: false,
        clamscan: { active: false },
        clamdscan: {
          host,
          port: env.CLAMAV_PORT,
          timeout: env.CLAMAV_TIMEOUT_MS,
          // Only the daemon: never a local binary, never a socket file we did not name.
          localFallback: false,
          active: true,
        },
        preference: 'clamdscan',
      });
      // A failed start (clamd not up yet) is not cached: the next scan tries again.
      clam.catch(() => scanners.delete(env));
      scanners.set(env, clam);
    }
    return clam;
  };
  return {
    async scan(stream) {
      const clam = await connect();
      const result = await clam.scanStream(stream);
      if (result.isInfected)
        return { infected: true, threat: result.viruses?.[0]?.replace(/\.UNOFFICIAL$/, '') ?? 'unknown' };
      return { infected: false };
    },
  };
}
