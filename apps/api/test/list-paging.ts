import { auth, type TestApi } from './harness';

/** One answer of a list, as API.md gives it: `{items, nextCursor}`. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

const withQuery = (path: string, query: Record<string, string>) =>
  `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(query)}`;

/**
 * Follows a list (`path` as requested, `/api/v1/…`) from its first page with `?limit=` until `nextCursor` is null, as a client of the
 * contract does. Stops after `maxPages`, so a cursor that never advances fails the caller's
 * assertion rather than the timeout.
 */
export async function pageThrough<T>(
  api: TestApi,
  user: { token: string },
  path: string,
  limit: number,
  maxPages = 200,
): Promise<ListPage<T>[]> {
  const pages: ListPage<T>[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { limit: String(limit) };
    if (cursor) query.cursor = cursor;
    const res = await api.http().get(withQuery(path, query)).set(auth(user));
    expect([path, res.status]).toEqual([path, 200]);
    const page = res.body as ListPage<T>;
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < maxPages);
  return pages;
}

/**
 * Walks a list (`path` as requested) with each `?limit=` of `limits` and expects exactly `ids`, in
 * that order, each once, on as few pages as they fill, the last one with `nextCursor: null`.
 */
export async function expectEachOnceInOrder(
  api: TestApi,
  user: { token: string },
  path: string,
  ids: string[],
  limits: number[] = [1, 2],
): Promise<void> {
  for (const limit of limits) {
    const pages = await pageThrough<{ id: string }>(api, user, path, limit);
    const seen = pages.flatMap((p) => p.items.map((item) => item.id));
    expect({ limit, ids: seen, pages: pages.length }).toEqual({
      limit,
      ids,
      pages: Math.max(1, Math.ceil(ids.length / limit)),
    });
    expect(pages.at(-1)!.nextCursor).toBeNull();
  }
}

// A microsecond apart inside one millisecond, off its boundary: cut to milliseconds, both read `.000`.
const TIED_AT = '2026-01-01T00:00:00.000200Z';
const LATER_AT = '2026-01-01T00:00:00.000201Z';

/**
 * Gives the `tied` rows of `table` one created_at to the microsecond and `later` the next
 * microsecond, as rows written in one transaction (one now()) and one written just after look.
 * Answers their ids as a newest-first list orders them, by (created_at, id) descending.
 */
export async function tieCreatedAt(
  api: TestApi,
  table: string,
  tied: string[],
  later: string,
): Promise<string[]> {
  const res = await api.deps.pool.query(
    `update ${table} set created_at = case when id = $2 then $4::timestamptz else $3::timestamptz end
      where id = any($1::uuid[])`,
    [[...tied, later], later, TIED_AT, LATER_AT],
  );
  expect(res.rowCount).toBe(tied.length + 1);
  return [later, ...[...tied].sort().reverse()];
}

/**
 * The cursor of a list's first page of one row (`path` as requested): another list's cursor, for
 * `expectPagingRefused`. The list must hold two rows or more, or there is no cursor to take.
 */
export async function firstCursor(api: TestApi, user: { token: string }, path: string): Promise<string> {
  const res = await api
    .http()
    .get(withQuery(path, { limit: '1' }))
    .set(auth(user));
  expect([path, res.status, typeof res.body.nextCursor]).toEqual([path, 200, 'string']);
  return res.body.nextCursor as string;
}

/**
 * A cursor of these values, encoded as the api encodes one. For a list whose keys no other list
 * shares, its own keys without its name stand for another list's cursor of the same shape.
 */
export const cursorOf = (values: unknown[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

/**
 * `?limit=` outside 1–100 or not a number, a garbled cursor and `foreignCursor` (another list's)
 * are each a 400 VALIDATION_ERROR naming the field.
 */
export async function expectPagingRefused(
  api: TestApi,
  user: { token: string },
  path: string,
  foreignCursor: string,
): Promise<void> {
  const forged = Buffer.from(JSON.stringify(['x', 1])).toString('base64url');
  const cases: [Record<string, string>, string][] = [
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'abc' }, 'limit'],
    [{ cursor: 'not-a-cursor' }, 'cursor'],
    [{ cursor: forged }, 'cursor'],
    [{ cursor: foreignCursor }, 'cursor'],
  ];
  for (const [query, field] of cases) {
    const res = await api.http().get(withQuery(path, query)).set(auth(user));
    expect([path, query, res.status, res.body.error?.code]).toEqual([path, query, 400, 'VALIDATION_ERROR']);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field, message: expect.any(String) })]);
  }
}
