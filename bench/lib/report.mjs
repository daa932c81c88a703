// Reporting helpers: the machine a run happened on, plain-text tables, result files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export function machineInfo(repoRoot) {
  const cpus = os.cpus();
  const git = (args) => {
    const r = spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model,
    totalMemMb: Math.round(os.totalmem() / 2 ** 20),
    loadAvg: os.loadavg().map((n) => Number(n.toFixed(2))),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    git: { commit: git(['rev-parse', 'HEAD']), dirty: Boolean(git(['status', '--porcelain'])) },
  };
}

/** A fixed-width table: `columns` = [{ title, align: 'left'|'right' }], rows = arrays of strings. */
export function table(columns, rows) {
  const widths = columns.map((c, i) =>
    Math.max(c.title.length, ...rows.map((r) => String(r[i] ?? '').length)),
  );
  const cell = (text, i) =>
    columns[i].align === 'left' ? String(text).padEnd(widths[i]) : String(text).padStart(widths[i]);
  const line = (cells) => cells.map(cell).join('  ').trimEnd();
  return [
    line(columns.map((c) => c.title)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

export const fmt = (n, digits = 1) => (n === null || n === undefined ? '-' : Number(n).toFixed(digits));

/** File-name-safe ISO timestamp: 2025-01-31T09-15-00-123Z. */
export const fileStamp = (date) => date.toISOString().replace(/[:.]/g, '-');

export function writeResults(dir, name, stamp, data, { latest = true } = {}) {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(data, null, 2)}\n`;
  const file = join(dir, `${name}-${stamp}.json`);
  writeFileSync(file, json);
  if (latest) writeFileSync(join(dir, `${name}-latest.json`), json);
  return file;
}
