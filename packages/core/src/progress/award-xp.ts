import { levelFor, XP_RULES, type XpDetail, type XpKind } from '@teamflow/contracts/progress';
import type { DbOrTx } from '@teamflow/db/client';
import { emitEvents, type EventInput } from '../events/emit-event';
import { localDateOf } from '../platform/local-dates';
import { earnedAchievements } from './achievements';
import { toUnlockedAchievement, toXpEvent } from './progress.mapper';
import {
  achievementFacts,
  gamificationEnabled,
  insertAchievements,
  insertXpEvent,
  lockStats,
  saveStats,
  sourcePaid,
  userZone,
  workCalendarOf,
  xpOnDay,
} from './progress.repository';
import { recordActiveDay } from './streaks';
import { statsStreak, withStreak } from './stats-streak';

/** What a source says an event is worth to whom, before the rules (once ever, self-farm, cap). */
export interface XpClaim {
  userId: string;
  kind: XpKind;
  sourceType: string;
  sourceId: string;
  label: string;
  /** The rule's full amount (for a task: frozen at planning). */
  baseXp: number;
  /** Created and completed by the same person within 10 minutes: pays 0. */
  selfFarm: boolean;
  /** When the work happened (the event's instant, not the job's). */
  earnedAt: Date;
  detail?: XpDetail;
}

/**
 * Applies the rules to the claims of one event and records the awards, in the caller's
 * transaction: each source pays once ever (if anyone was paid for it, even 0, nobody is paid
 * again), self-farmed work pays 0, and a person's local day holds at most 200 XP (the award is cut
 * to what is left, reason `daily_cap`). Stats, streak, level and achievements follow; the person
 * hears of it (XP_AWARDED, LEVEL_UP, ACHIEVEMENT_UNLOCKED) unless the workspace switched it off.
 */
export async function awardXp(tx: DbOrTx, workspaceId: string, claims: XpClaim[]): Promise<number> {
  const first = claims[0];
  if (!first || (await sourcePaid(tx, first.sourceType, first.sourceId, first.kind))) return 0;
  const announce = await gamificationEnabled(tx, workspaceId);
  const events: EventInput[] = [];
  let written = 0;
  for (const claim of claims) {
    const zone = (await userZone(tx, claim.userId)) ?? 'UTC';
    const localDate = localDateOf(claim.earnedAt, zone);
    const left = Math.max(0, XP_RULES.dailyCap - (await xpOnDay(tx, workspaceId, claim.userId, localDate)));
    const xp = claim.selfFarm ? 0 : Math.min(claim.baseXp, left);
    const reason = claim.selfFarm ? 'self_farm' : xp < claim.baseXp ? 'daily_cap' : 'earned';
    const row = await insertXpEvent(tx, {
      workspaceId,
      userId: claim.userId,
      kind: claim.kind,
      sourceType: claim.sourceType,
      sourceId: claim.sourceId,
      xp,
      reason,
      label: claim.label.slice(0, 300),
      localDate,
      detail: claim.detail ?? {},
      earnedAt: claim.earnedAt,
    });
    if (!row) continue;
    written += 1;

    const before = await lockStats(tx, workspaceId, claim.userId);
    const total = before.xp + xp;
    const streak =
      xp > 0
        ? recordActiveDay(statsStreak(before), localDate, await workCalendarOf(tx, workspaceId, claim.userId))
        : statsStreak(before);
    const after = withStreak({ ...before, xp: total, level: levelFor(total) }, streak);
    await saveStats(tx, after);

    const facts = await achievementFacts(tx, workspaceId, claim.userId);
    const unlocked = await insertAchievements(
      tx,
      workspaceId,
      claim.userId,
      earnedAchievements({ ...facts, longestStreak: after.streakLongest, level: after.level }),
      claim.earnedAt,
    );
    if (!announce) continue;
    const meta = { workspaceId, entityId: row.id, actor: null };
    const userId = claim.userId;
    events.push({
      type: 'XP_AWARDED',
      data: { userId, workspaceId, event: toXpEvent(row), totalXp: total, level: after.level },
      meta,
    });
    if (after.level > before.level)
      events.push({ type: 'LEVEL_UP', data: { userId, workspaceId, level: after.level }, meta });
    for (const a of unlocked) {
      const achievement = toUnlockedAchievement(a);
      events.push({ type: 'ACHIEVEMENT_UNLOCKED', data: { userId, workspaceId, achievement }, meta });
    }
  }
  await emitEvents(tx, events);
  return written;
}
