// Where the machine's CPU went during a run (Linux /proc; null elsewhere). A bench on a shared
// machine is only as good as its quiet: this says how busy the machine was before a scenario,
// and during it how much went to the load generator, the server under test, PostgreSQL and
// everything else.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const TICK_MS = 10; // USER_HZ is 100 on every Linux that matters

function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0); // user..steal (guest is inside user)
  const idle = n[3] + n[4];
  return { total, busy: total - idle };
}

function procTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ticks: Number(after[11]) + Number(after[12]),
    };
  } catch {
    return undefined;
  }
}

function postgresTicks() {
  const byPid = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = procTicks(name);
    if (p?.comm === 'postgres') byPid.set(name, p.ticks);
  }
  return byPid;
}

function snapshot(pids) {
  return {
    machine: machineTicks(),
    self: process.cpuUsage(),
    pids: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, procTicks(pid)?.ticks ?? 0])),
    postgres: postgresTicks(),
  };
}

/** Starts measuring; `stop()` returns percentages of ONE core (so 200% is both cores of a 2-cpu box). */
export function cpuMeter(pids) {
  let start;
  try {
    start = snapshot(pids);
  } catch {
    return { stop: () => null };
  }
  const t0 = Date.now();
  return {
    stop() {
      const end = snapshot(pids);
      const wallMs = Date.now() - t0;
      const pct = (ms) => Math.round((100 * ms) / wallMs);
      const self = (end.self.user + end.self.system - start.self.user - start.self.system) / 1000;
      let pg = 0;
      for (const [pid, ticks] of end.postgres) pg += ticks - (start.postgres.get(pid) ?? ticks);
      const out = {
        machineBusy: pct((end.machine.busy - start.machine.busy) * TICK_MS),
        loadGenerator: pct(self),
      };
      for (const k of Object.keys(pids)) out[k] = pct((end.pids[k] - start.pids[k]) * TICK_MS);
      out.postgres = pct(pg * TICK_MS);
      out.other = Math.max(
        0,
        out.machineBusy -
          out.loadGenerator -
          out.postgres -
          Object.keys(pids).reduce((a, k) => a + out[k], 0),
      );
      return out;
    },
  };
}

/** Share of all cores busy over `ms` (0–100), or null off Linux. */
export async function busyPercent(ms = 1000) {
  try {
    const a = machineTicks();
    await sleep(ms);
    const b = machineTicks();
    return Math.round((100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total));
  } catch {
    return null;
  }
}

/**
 * Waits (up to `maxWaitMs`) for a second in which the machine is at most `threshold`% busy.
 * Returns the last reading, so a report can flag a scenario that started on a busy machine.
 */
export async function waitForQuiet({ threshold = 20, maxWaitMs = 20_000 } = {}) {
  const deadline = Date.now() + maxWaitMs;
  let busy = await busyPercent();
  while (busy !== null && busy > threshold && Date.now() < deadline) busy = await busyPercent();
  return busy;
}
