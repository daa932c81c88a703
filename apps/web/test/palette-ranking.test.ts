import {
  rankEntries,
  RECENT_LIMIT,
  scoreEntry,
  taskKeyFromQuery,
  type PaletteEntry,
} from '@/modules/shell/palette-ranking';

const task = (key: string, title: string, extra: Partial<PaletteEntry> = {}): PaletteEntry => ({
  id: `task:${key}`,
  group: 'Tasks',
  label: `${key} ${title}`,
  taskKey: key,
  ...extra,
});
const page = (id: string, title: string, keywords: string[] = []): PaletteEntry => ({
  id: `page:${id}`,
  group: 'Pages',
  label: `Go to ${title}`,
  keywords,
});

const TASKS = [
  task('OPS-5', 'Rotate the platform keys'),
  task('PLAT-15', 'Cache the avatars'),
  task('PLAT-50', 'Drop the old endpoint'),
  task('PLAT-5', 'Write the migration guide'),
  task('PLAT-12', 'Fix the login redirect'),
  task('PLAT-1', 'Set up the repository'),
];
const ids = (entries: PaletteEntry[]) => entries.map((e) => e.id);

describe('finding a task by a fuzzy key', () => {
  it.each(['plat5', 'PLAT-5', 'plat 5', 'Plat-5', ' plat5 '])('ranks PLAT-5 first for "%s"', (typed) => {
    expect(rankEntries(TASKS, typed, [])[0]!.id).toBe('task:PLAT-5');
  });

  it('puts the exact key before the keys it is the start of ("plat1": PLAT-1, then PLAT-12 and PLAT-15)', () => {
    const ranked = ids(rankEntries(TASKS, 'plat1', []));
    expect(ranked[0]).toBe('task:PLAT-1');
    expect(ranked.slice(1, 3).sort()).toEqual(['task:PLAT-12', 'task:PLAT-15']);
    expect(ranked).not.toContain('task:PLAT-50');
  });

  it('reads what was typed as a key for the server search, or not at all', () => {
    expect(taskKeyFromQuery('plat5')).toBe('PLAT-5');
    expect(taskKeyFromQuery('plat-05')).toBe('PLAT-5');
    expect(taskKeyFromQuery('Plat 12')).toBe('PLAT-12');
    expect(taskKeyFromQuery('p2-7')).toBe('P2-7');
    expect(taskKeyFromQuery('key2')).toBe('KEY-2');
    expect(taskKeyFromQuery('launch')).toBeNull();
    expect(taskKeyFromQuery('5')).toBeNull();
    expect(taskKeyFromQuery('x5')).toBeNull();
    expect(taskKeyFromQuery('plat5 guide')).toBeNull();
  });
});

describe('finding by title, page and keyword', () => {
  it('matches the letters of a title in order, abbreviated', () => {
    const ranked = rankEntries(TASKS, 'migr guide', []);
    expect(ranked[0]!.id).toBe('task:PLAT-5');
  });

  it('drops what does not match at all', () => {
    const ranked = ids(rankEntries([...TASKS, page('calendar', 'Calendar', ['due dates'])], 'calendar', []));
    expect(ranked).toEqual(['page:calendar']);
  });

  it('finds a page by one of its keywords', () => {
    const pages = [page('sprints', 'Sprints', ['burndown', 'velocity']), page('list', 'List', ['table'])];
    expect(ids(rankEntries(pages, 'burndown', []))).toEqual(['page:sprints']);
  });

  it("keeps a task the server's full-text search found even when its letters do not line up, last", () => {
    const stemmed = task('PLAT-7', 'Launching the beta', { fromSearch: true });
    expect(scoreEntry(stemmed, 'launches')).toBeGreaterThan(0);
    const ranked = ids(rankEntries([stemmed, task('PLAT-8', 'Launches page')], 'launches', []));
    expect(ranked).toEqual(['task:PLAT-8', 'task:PLAT-7']);
  });
});

describe('recent items first', () => {
  const entries = [page('board', 'Board'), page('list', 'List'), ...TASKS];

  it('lists the recent ones first, most recent first, when nothing is typed', () => {
    const ranked = ids(rankEntries(entries, '', ['task:PLAT-12', 'page:list']));
    expect(ranked.slice(0, 3)).toEqual(['task:PLAT-12', 'page:list', 'page:board']);
  });

  it('lifts a recent entry over an equally good match', () => {
    const twins = [task('PLAT-20', 'Release notes'), task('PLAT-21', 'Release notes')];
    expect(rankEntries(twins, 'release', [])[0]!.id).toBe('task:PLAT-20');
    expect(rankEntries(twins, 'release', ['task:PLAT-21'])[0]!.id).toBe('task:PLAT-21');
  });

  it('never lifts a recent entry past an exact key', () => {
    const recent = ['task:PLAT-50', 'task:PLAT-15'];
    expect(rankEntries(TASKS, 'plat5', recent)[0]!.id).toBe('task:PLAT-5');
  });

  it('keeps a small number of recent items', () => {
    expect(RECENT_LIMIT).toBeGreaterThanOrEqual(5);
    expect(RECENT_LIMIT).toBeLessThanOrEqual(10);
  });
});
