import type { z } from 'zod';
import { invalid } from './errors';

/** Opaque keyset cursors: base64url JSON of the last row's sort values. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes and checks a cursor against the tuple the query expects; anything else is a 400. */
export function decodeCursor<T extends z.ZodType>(cursor: string, schema: T): z.infer<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid([{ field: 'cursor', message: 'Invalid cursor' }]);
  return parsed.data;
}

/**
 * The page of a keyset query that read `limit + 1` rows (the extra one says another page follows):
 * the page's rows, and the cursor of its last row when one does.
 */
export function keysetPage<R>(
  rows: R[],
  limit: number,
  cursorOf: (last: R) => readonly unknown[],
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
