import type { DbOrTx } from '@teamflow/db/client';
import { readSnapshot, upsertSnapshot } from './analytics.repository';

interface Stored<T> {
  key: string;
  result: T;
}

/**
 * Serves the cached snapshot while its inputs are unchanged, else computes, stores and serves:
 * the answer is always what a fresh computation would give. Analytics jobs call the same
 * function with `force`, so the next reader finds the snapshot ready. `db` reads (it may be the
 * replica); a new snapshot is stored through `writeTo`, the primary (by default `db` itself).
 */
export async function cachedSnapshot<T>(
  db: DbOrTx,
  writeTo: DbOrTx,
  subject: { workspaceId: string; kind: 'burndown' | 'velocity'; subjectId: string },
  key: string,
  compute: () => Promise<Omit<T, 'computedAt'>>,
  force: boolean,
): Promise<T> {
  const snapshot = force ? undefined : await readSnapshot(db, subject.kind, subject.subjectId);
  const stored = snapshot?.data as Stored<T> | undefined;
  if (stored && stored.key === key) return stored.result;
  const at = new Date();
  const result = { ...(await compute()), computedAt: at.toISOString() } as T;
  await upsertSnapshot(writeTo, { ...subject, data: { key, result }, at });
  return result;
}
