import { sql, type SQL } from 'drizzle-orm';
import { createDb, type DbHandle } from '../src/client';
import { prepareQuery, runPrepared } from '../src/prepared';
import { dropDatabase, ensureDatabase } from '../src/setup';
import { testDatabaseUrl } from './test-database';

const url = testDatabaseUrl('prepared');

// One connection per pool, so "the server connection" of each step is the same one.
const handles: DbHandle[] = [];
const pool = () => {
  const handle = createDb(url, { max: 1 });
  handles.push(handle);
  return handle;
};
const namedOnServer = async ({ db }: DbHandle) =>
  (
    await db.execute<{ name: string }>(
      sql`select name from pg_prepared_statements where name like 'tf\\_%' order by name`,
    )
  ).rows.map((r) => r.name);
const doubled = (n: number) => sql`select ${n}::int * 2 as doubled`;

beforeAll(() => ensureDatabase(url), 30_000);

afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
  await dropDatabase(url);
});

// A statement compiled where it is run (its values fixed in it), as a one-off caller would.
const executePrepared = (db: DbHandle['db'], query: SQL) => runPrepared(db, prepareQuery(query));

describe('runPrepared with values compiled in', () => {
  it('runs a statement on the pool as a named statement, prepared once and reused with new values', async () => {
    const handle = pool();
    expect(await executePrepared(handle.db, doubled(2))).toEqual([{ doubled: 4 }]);
    expect(await executePrepared(handle.db, doubled(21))).toEqual([{ doubled: 42 }]);
    const names = await namedOnServer(handle);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^tf_[0-9a-f]{24}$/);
  });

  it('runs unnamed inside a transaction, where a failed Parse would abort the caller', async () => {
    const handle = pool();
    const rows = await handle.db.transaction((tx) => executePrepared(tx, doubled(5)));
    expect(rows).toEqual([{ doubled: 10 }]);
    expect(await namedOnServer(handle)).toEqual([]);
  });

  it('answers a statement whose name the server no longer has (as behind a pooler) unnamed, and stays unnamed on that pool', async () => {
    const handle = pool();
    expect(await executePrepared(handle.db, doubled(1))).toEqual([{ doubled: 2 }]);
    // The server forgets the name; the client still believes it is prepared there (what a
    // transaction-mode pooler does by handing the next statement to another server connection).
    await handle.db.execute(sql`deallocate all`);
    expect(await executePrepared(handle.db, doubled(3))).toEqual([{ doubled: 6 }]);
    // From then on the pool names nothing, even a statement it has never seen.
    expect(await executePrepared(handle.db, sql`select ${7}::int + 1 as next`)).toEqual([{ next: 8 }]);
    expect(await namedOnServer(handle)).toEqual([]);
  });

  it('lets any other database error through', async () => {
    const handle = pool();
    await expect(executePrepared(handle.db, sql`select 1 / ${0}::int`)).rejects.toMatchObject({
      code: '22012',
    });
  });
});

describe('prepareQuery and runPrepared', () => {
  // Fixed values, values by placeholder (one used twice) and an array, as the task create has.
  const tagged = prepareQuery(
    sql`select ${'fixed'}::text as tag, ${sql.placeholder('n')}::int * ${sql.placeholder('n')}::int as squared,
               array_length(${sql.placeholder('ids')}::uuid[], 1) as ids`,
  );
  const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

  it('runs a statement compiled once with new values each time, under one name', async () => {
    const handle = pool();
    expect(await runPrepared(handle.db, tagged, { n: 3, ids })).toEqual([
      { tag: 'fixed', squared: 9, ids: 2 },
    ]);
    expect(await runPrepared(handle.db, tagged, { n: 4, ids: [ids[0]] })).toEqual([
      { tag: 'fixed', squared: 16, ids: 1 },
    ]);
    expect(await namedOnServer(handle)).toEqual([tagged.name]);
  });

  it('runs the same compiled statement unnamed, values in place, inside a transaction', async () => {
    const handle = pool();
    const rows = await handle.db.transaction((tx) => runPrepared(tx, tagged, { n: 5, ids }));
    expect(rows).toEqual([{ tag: 'fixed', squared: 25, ids: 2 }]);
    expect(await namedOnServer(handle)).toEqual([]);
  });

  it('refuses a run that leaves a placeholder without a value', async () => {
    await expect(runPrepared(pool().db, tagged, { n: 1 })).rejects.toThrow('no value for placeholder "ids"');
  });

  it('refuses a statement whose text holds a $ of its own (it could not run unnamed)', () => {
    expect(() => prepareQuery(sql`select $$text$$ as quoted`)).toThrow('no $ but its parameters');
  });
});
