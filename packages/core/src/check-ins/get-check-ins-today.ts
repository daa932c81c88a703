import type { CheckInsToday } from '@teamflow/contracts/check-ins';
import type { DbOrTx } from '@teamflow/db/client';
import { todayIn } from '../platform/local-dates';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { awayOn, checkInMembers, postedOn } from './check-ins.repository';

/** Posted, missing and away for one date of a workspace: the away are never counted missing. */
export async function whoCheckedIn(db: DbOrTx, workspaceId: string, date: string): Promise<CheckInsToday> {
  const members = await checkInMembers(db, workspaceId);
  const posted = await postedOn(db, workspaceId, date);
  const away = await awayOn(
    db,
    members.filter((m) => !posted.has(m.id)).map((m) => m.id),
    date,
  );
  const person = (m: { id: string; name: string }) => ({ id: m.id, name: m.name });
  return {
    date,
    posted: members.filter((m) => posted.has(m.id)).map(person),
    missing: members.filter((m) => !posted.has(m.id) && !away.has(m.id)).map(person),
    away: members.filter((m) => away.has(m.id)).map(person),
  };
}

/** `GET …/check-ins/today?date=` (default: today in the workspace's zone). */
export async function getCheckInsToday(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: { date?: string },
): Promise<CheckInsToday> {
  return whoCheckedIn(deps.db, ctx.workspaceId, query.date ?? todayIn(ctx.timeZone));
}
