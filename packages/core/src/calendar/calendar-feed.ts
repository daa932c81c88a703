import { randomBytes } from 'node:crypto';
import type { CalendarFeed } from '@teamflow/contracts/api-tokens';
import type { CoreDeps, Ctx } from '../platform/context';
import { findFeedOfUser, upsertFeed, type CalendarFeedRow } from './calendar.repository';

const feedUrl = (deps: CoreDeps, row: CalendarFeedRow): CalendarFeed => ({
  url: `${deps.env.API_URL}/api/v1/calendar/${row.token}.ics`,
  createdAt: row.createdAt.toISOString(),
});

const newToken = () => randomBytes(24).toString('base64url');

/** The caller's feed URL, made on first use. */
export async function getCalendarFeed(deps: CoreDeps, ctx: Ctx): Promise<CalendarFeed> {
  const row =
    (await findFeedOfUser(deps.db, ctx.actor.id)) ?? (await upsertFeed(deps.db, ctx.actor.id, newToken()));
  return feedUrl(deps, row);
}

/** A new secret URL; the old one answers 404 from now on. */
export async function rotateCalendarFeed(deps: CoreDeps, ctx: Ctx): Promise<CalendarFeed> {
  return feedUrl(deps, await upsertFeed(deps.db, ctx.actor.id, newToken()));
}
