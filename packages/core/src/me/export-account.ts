import type { AccountExport } from '@teamflow/contracts/me';
import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { accountRows, extraAuthoredRows } from './me.repository';

/** `GET /me/export`: everything the caller owns or wrote, as one JSON document (theirs only). */
export async function exportAccount(deps: CoreDeps, ctx: Ctx): Promise<AccountExport> {
  const [own, more] = await Promise.all([
    accountRows(deps.db, ctx.actor.id),
    extraAuthoredRows(deps.db, ctx.actor.id),
  ]);
  if (!own.profile) throw notFound('User');
  return {
    exportedAt: new Date().toISOString(),
    format: 'teamflow-account-export/v1',
    profile: own.profile,
    memberships: own.memberships,
    tasksCreated: own.tasksCreated,
    comments: own.comments,
    notifications: own.notifications,
    worklog: { entries: own.entries, exports: own.exports },
    more,
  };
}
