import { anAnswer } from './builders';

type Item = { id?: string; date?: string };

/**
 * The api at the HTTP boundary (fetch), paging its lists as API.md says (`?limit=`, default 50,
 * `?cursor=`, `{items, nextCursor}`) with keyset cursors as the real one has: the cursor names the
 * last item of a page (its id, or a digest's date) and the next page starts after it, so an item
 * added while someone pages (at the start of a newest-first list, at the end of an oldest-first
 * one) moves no other item between pages. `lists` is read at each request: a test adds to a list
 * as the server would. `objects` answers a path that is not a list; anything else is a 404.
 */
export function fakeListApi(lists: Record<string, Item[]>, objects: Record<string, unknown> = {}) {
  const sent: string[] = [];
  const keyOf = (item: Item) => item.id ?? item.date ?? '';
  const fetch = jest.fn((input: string) => {
    const url = new URL(input);
    const path = url.pathname.replace('/api/v1', '');
    sent.push(`${path}${url.search}`);
    const all = lists[path];
    if (!all) {
      return Promise.resolve(
        path in objects
          ? anAnswer(200, objects[path])
          : anAnswer(404, { error: { code: 'NOT_FOUND', message: 'Not found' } }),
      );
    }
    const cursor = url.searchParams.get('cursor');
    const from = cursor === null ? 0 : all.findIndex((item) => keyOf(item) === cursor) + 1;
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const items = all.slice(from, from + limit);
    const last = items.at(-1);
    const nextCursor = from + limit < all.length && last ? keyOf(last) : null;
    return Promise.resolve(anAnswer(200, { items, nextCursor }));
  });
  return { fetch, sent };
}
