import {
  ACHIEVEMENTS,
  AchievementId,
  XpKind,
  XpReason,
  type UnlockedAchievement,
  type XpEvent,
} from '@teamflow/contracts/progress';
import type { XpEventRow } from './progress.repository';

const NAMES = new Map(ACHIEVEMENTS.map((a) => [a.id, a.name]));

export function toXpEvent(row: XpEventRow): XpEvent {
  return {
    id: row.id,
    userId: row.userId,
    kind: XpKind.parse(row.kind),
    sourceType: row.sourceType,
    sourceId: row.sourceId,
    label: row.label,
    xp: row.xp,
    reason: XpReason.parse(row.reason),
    localDate: row.localDate,
    createdAt: row.earnedAt.toISOString(),
  };
}

export function toUnlockedAchievement(row: { achievementId: string; unlockedAt: Date }): UnlockedAchievement {
  const id = AchievementId.parse(row.achievementId);
  return { id, name: NAMES.get(id) ?? id, unlockedAt: row.unlockedAt.toISOString() };
}
