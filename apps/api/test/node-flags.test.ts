import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The V8 flags production runs the api with live in apps/api/node-flags.json, read by every starter
// in the tree (npm start, the topology, e2e, the bench). The Dockerfile's CMD and `npm start` in
// apps/api cannot read it, so they are held to it here.
const apiDir = join(__dirname, '..');
const flags = JSON.parse(readFileSync(join(apiDir, 'node-flags.json'), 'utf8')) as string[];

describe('the api runs with the same V8 flags everywhere', () => {
  it('lists at least one flag, each a --option', () => {
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(flag).toMatch(/^--[a-z-]+(=\S+)?$/);
  });

  it("puts them before the bundle in the Dockerfile's CMD", () => {
    const dockerfile = readFileSync(join(apiDir, 'Dockerfile'), 'utf8');
    const cmd = dockerfile.split('\n').find((line) => line.startsWith('CMD '));
    expect(cmd && JSON.parse(cmd.slice(4))).toEqual(['node', ...flags, 'dist/server.js']);
  });

  it('puts them before the bundle in npm start', () => {
    const pkg = JSON.parse(readFileSync(join(apiDir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe(['node', ...flags, 'dist/server.js'].join(' '));
  });
});
