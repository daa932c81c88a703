// One load scenario through autocannon's programmatic API: an optional warm-up, then the
// measured run, reduced to the figures the reports use.
import autocannon from 'autocannon';

function run(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
    // Ctrl-C during a run stops the load at once; the caller still cleans up its children.
    const stop = () => instance.stop();
    process.once('SIGINT', stop);
    instance.on('done', () => process.removeListener('SIGINT', stop));
  });
}

const round = (n, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);

/**
 * @param {object} s  url, method?, headers?, body?, requests?, connections, duration (s), warmup (s),
 *                   meter? (called as the measured run starts; returns { stop() } whose result is kept as `cpu`)
 * @returns figures: req/s (autocannon's per-second average), latency percentiles in ms, counts
 */
export async function measure(s) {
  const base = {
    url: s.url,
    method: s.method ?? 'GET',
    headers: s.headers,
    body: s.body,
    requests: s.requests,
    connections: s.connections,
    pipelining: 1,
    timeout: 10,
  };
  if (s.warmup > 0) await run({ ...base, duration: s.warmup });
  const meter = s.meter?.();
  const r = await run({ ...base, duration: s.duration });
  const cpu = meter?.stop() ?? null;
  const responses = r.requests.total;
  const statusCodes = Object.fromEntries(
    Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, Number(v.count)]),
  );
  return {
    rps: round(r.requests.average, 1),
    latencyMs: {
      avg: round(r.latency.average),
      p50: round(r.latency.p50),
      p97_5: round(r.latency.p97_5),
      p99: round(r.latency.p99),
      max: round(r.latency.max),
    },
    requests: responses,
    durationS: round(r.duration, 2),
    connections: r.connections,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    throughputBytesPerS: Math.round(r.throughput.average),
    cpu,
  };
}

/** A run whose answers are mostly errors measures the error path, not the endpoint. */
export function healthProblem(fig, { maxBadShare = 0.01 } = {}) {
  const total = fig.requests + fig.errors;
  if (fig.requests === 0) return 'no responses at all';
  const bad = fig.non2xx + fig.errors;
  if (bad / total > maxBadShare) {
    return `${bad} of ${total} requests failed (status codes ${JSON.stringify(fig.statusCodes)}, ${fig.errors} connection errors, ${fig.timeouts} timeouts)`;
  }
  return undefined;
}
