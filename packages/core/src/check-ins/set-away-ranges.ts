import type { AwayRangeList, AwayRanges } from '@teamflow/contracts/check-ins';
import type { CoreDeps, Ctx } from '../platform/context';
import { listAwayRangeRows, replaceAwayRangeRows, type AwayRangeRow } from './check-ins.repository';

const toView = (r: AwayRangeRow) => ({ id: r.id, from: r.fromDate, to: r.toDate, note: r.note });

/** `PUT /me/away`: the caller's away days, replaced as a whole (dates in their own zone). */
export async function setAwayRanges(deps: CoreDeps, ctx: Ctx, input: AwayRanges): Promise<AwayRangeList> {
  const rows = await deps.db.transaction((tx) => replaceAwayRangeRows(tx, ctx.actor.id, input.ranges));
  return { ranges: rows.map(toView) };
}

/** `GET /me/away`. */
export async function listAwayRanges(deps: CoreDeps, ctx: Ctx): Promise<AwayRangeList> {
  return { ranges: (await listAwayRangeRows(deps.db, ctx.actor.id)).map(toView) };
}
