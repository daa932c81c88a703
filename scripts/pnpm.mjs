#!/usr/bin/env node
// Runs the repo's pinned pnpm, installing it into .tools/ from the npm registry on first use,
// so a machine with only Node and npm can run every command.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsDir = join(root, '.tools');
const bin = join(toolsDir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

export function ensurePnpm() {
  const installed =
    existsSync(bin) &&
    JSON.parse(readFileSync(join(toolsDir, 'node_modules', 'pnpm', 'package.json'), 'utf8')).version ===
      version;
  if (installed) return bin;
  const r = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      toolsDir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `pnpm@${version}`,
    ],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    process.stderr.write(`Could not install pnpm@${version} from the npm registry.\n`);
    process.exit(1);
  }
  return bin;
}

export function pnpm(args, options = {}) {
  return spawnSync(process.execPath, [ensurePnpm(), ...args], { stdio: 'inherit', cwd: root, ...options });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = pnpm(process.argv.slice(2));
  process.exit(r.status ?? 1);
}
