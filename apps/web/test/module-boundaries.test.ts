import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { describeCycle, findModuleCycles, readModuleGraph } from './module-graph';

const web = join(__dirname, '..');
const fixtures = join(__dirname, 'fixtures');

describe('modules import each other in one direction only', () => {
  it('no two modules of src/modules import each other, directly or round a longer cycle', () => {
    const graph = readModuleGraph(join(web, 'src', 'modules'), '@/modules');
    const cycles = findModuleCycles(graph).map((cycle) => describeCycle(graph, cycle));

    expect(cycles).toEqual([]);
    // The graph is read at all: the board depends on the task module.
    expect([...(graph.get('board')?.keys() ?? [])]).toContain('tasks');
  });

  it('the check fires on a fixture where two modules import each other (one by a relative path)', () => {
    const graph = readModuleGraph(join(fixtures, 'tangled-modules'), '@/modules');

    expect(findModuleCycles(graph)).toEqual([['alpha', 'beta']]);
    expect(describeCycle(graph, ['alpha', 'beta'])).toBe(
      `alpha → beta → alpha (${join('alpha', 'components', 'alpha-panel.tsx')} imports beta; ${join('beta', 'hooks', 'use-beta.ts')} imports alpha)`,
    );
  });
});

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

/** Lints the boundary fixtures with the web app's real config (a child process: ESLint loads it as ESM). */
function lintFixtures(): Map<string, LintMessage[]> {
  const eslint = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  const cwd = join(fixtures, 'boundaries');
  const run = spawnSync(process.execPath, [eslint, '--format', 'json', '.'], { cwd, encoding: 'utf8' });
  if (!run.stdout) throw new Error(`eslint did not run: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: LintMessage[] }[];
  return new Map(results.map((r) => [relative(cwd, r.filePath).split('\\').join('/'), r.messages]));
}

describe('the lint config holds the web boundaries', () => {
  let lint: Map<string, LintMessage[]>;
  beforeAll(() => {
    lint = lintFixtures();
  }, 60_000);

  const fired = (file: string) => (lint.get(file) ?? []).map((m) => [m.line, m.ruleId, m.message]);

  it.each([
    ['src/modules/board/components/reads-another-modules-store.tsx', "Another module's store"],
    ['src/app/imports-a-store.tsx', "Another module's store"],
    ['src/modules/board/hooks/reaches-an-internal-file.ts', 'This file is private to its module'],
    ['src/modules/board/hooks/leaves-by-a-relative-path.ts', 'not a relative one'],
    ['src/modules/board/leaves-from-the-top-level.ts', 'not a relative one'],
    ['src/lib/imports-a-module.ts', 'lib/ is shared by every module and imports none'],
  ])('refuses %s', (file, reason) => {
    expect(fired(file)).toEqual([[1, 'no-restricted-imports', expect.stringContaining(reason)]]);
  });

  it('lets a module use its own files and other modules’ public ones', () => {
    expect(lint.has('src/modules/board/components/uses-public-parts.tsx')).toBe(true);
    expect(fired('src/modules/board/components/uses-public-parts.tsx')).toEqual([]);
  });

  it('refuses a write to the task cache outside modules/task-cache, and a key hidden in a variable', () => {
    const oneWriter = expect.stringContaining('The task cache has one writer');
    expect(fired('src/modules/calendar/hooks/writes-the-task-cache.ts')).toEqual([
      [6, 'no-restricted-syntax', oneWriter],
      [7, 'no-restricted-syntax', oneWriter],
      [8, 'no-restricted-syntax', oneWriter],
      [10, 'no-restricted-syntax', expect.stringContaining('Name the key inline')],
    ]);
  });
});
