import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { deleteEntry as removeEntry } from './worklog.repository';

/** Deletes the caller's entry and its analysis (cascade); anyone else's id is a 404. */
export async function deleteEntry(deps: CoreDeps, ctx: Ctx, entryId: string): Promise<void> {
  if (!(await removeEntry(deps.db, ctx.actor.id, entryId))) throw notFound('Entry');
}
