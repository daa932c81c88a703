import { DEMO_WORKLOG } from '@teamflow/db/seed-data';
import type { CoreDeps, Ctx } from '../platform/context';
import { shiftDate, todayIn } from '../platform/local-dates';
import { analyseEntry } from '../worklog/analyse-entry';
import { createEntry } from '../worklog/create-entry';

/**
 * The demo people's work logs: two weeks of entries written through the same use case as the api,
 * each analysed at once (the local provider needs no key), so insights and exports are full on
 * first sign-in. The analysis jobs staged with them find the same text and change nothing.
 */
export async function seedWorklog(deps: CoreDeps, people: Map<string, Ctx>): Promise<number> {
  const today = todayIn('UTC');
  let written = 0;
  for (const [role, entries] of Object.entries(DEMO_WORKLOG)) {
    const ctx = people.get(role);
    if (!ctx) continue;
    for (const e of entries) {
      const entry = await createEntry(deps, ctx, 'UTC', {
        date: shiftDate(today, -e.daysAgo),
        body: e.body,
        tags: e.tags,
      });
      await analyseEntry(deps, { userId: ctx.actor.id, entryId: entry.id });
      written++;
    }
  }
  return written;
}
