import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './client';

type Hook = (db: Database) => void;

// The hooks of the outermost `db.transaction()` the caller runs inside (savepoints share it).
const pending = new AsyncLocalStorage<Hook[]>();

/**
 * Runs `hook` once the `db.transaction()` around the caller has committed (never on rollback).
 * False when the caller is not inside one: the caller then does the work itself, in its statement.
 */
export function afterCommit(hook: Hook): boolean {
  const hooks = pending.getStore();
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/** Makes `db.transaction()` run the `afterCommit` hooks registered inside it once it has committed. */
export function runHooksAfterCommit(db: Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (...args: Parameters<Database['transaction']>) => {
    const hooks: Hook[] = [];
    const result = await pending.run(hooks, () => transaction(...args));
    for (const hook of hooks) hook(db);
    return result;
  }) as Database['transaction'];
}
