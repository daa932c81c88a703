import { anAnswer } from './builders';

type Item = { id?: string; date?: string };

/** What the api makes of a POST to a list's path (the body as sent). */
type Create = (path: string, body: unknown) => Item;

/**
 * The api at the HTTP boundary (fetch), paging its lists as API.md says (`?limit=`, default 50,
 * `?cursor=`, `{items, nextCursor}`) with keyset cursors as the real one has: the cursor names the
 * last item of a page (its id, or a digest's date) and the next page starts after it, so an item
 * added while someone pages (at the start of a newest-first list, at the end of an oldest-first
 * one) moves no other item between pages. `lists` is read at each request: a test adds to a list
 * as the server would. `objects` answers a path that is not a list; anything else is a 404. With
 * `create`, a POST to a list's path adds what it makes at the list's end (an oldest-first list, as
 * comments are) and answers it with a 201.
 */
export function fakeListApi(
  lists: Record<string, Item[]>,
  objects: Record<string, unknown> = {},
  create?: Create,
) {
  const sent: string[] = [];
  const keyOf = (item: Item) => item.id ?? item.date ?? '';
  const fetch = jest.fn((input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    const path = url.pathname.replace('/api/v1', '');
    const method = init.method ?? 'GET';
    sent.push(method === 'GET' ? `${path}${url.search}` : `${method} ${path}`);
    const all = lists[path];
    if (method === 'POST' && all && create) {
      const made = create(path, JSON.parse(init.body as string));
      all.push(made);
      return Promise.resolve(anAnswer(201, made));
    }
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
