import type { AchievementId } from '@teamflow/contracts/progress';

/** What the achievement checks read: counted from xp_events (paying rows only) and user_stats. */
export interface AchievementFacts {
  tasksDone: number;
  /** Tasks completed that someone else created. */
  tasksHelped: number;
  statusUpdates: number;
  /** The most distinct days with a status update in one ISO week. */
  checkInDaysInBestWeek: number;
  decisionsAccepted: number;
  incidentsCommanded: number;
  sprintBonuses: number;
  longestStreak: number;
  level: number;
}

/** One pure check per achievement of the catalogue (contracts/progress.ts); each is awarded once. */
export const ACHIEVEMENT_CHECKS: Record<AchievementId, (f: AchievementFacts) => boolean> = {
  'first-task': (f) => f.tasksDone >= 1,
  'ten-tasks': (f) => f.tasksDone >= 10,
  'hundred-tasks': (f) => f.tasksDone >= 100,
  'streak-7': (f) => f.longestStreak >= 7,
  'streak-30': (f) => f.longestStreak >= 30,
  'first-update': (f) => f.statusUpdates >= 1,
  'week-of-check-ins': (f) => f.checkInDaysInBestWeek >= 5,
  'first-decision': (f) => f.decisionsAccepted >= 1,
  'incident-commander': (f) => f.incidentsCommanded >= 1,
  'helping-hand': (f) => f.tasksHelped >= 1,
  'sprint-finisher': (f) => f.sprintBonuses >= 1,
  'level-5': (f) => f.level >= 5,
  'level-10': (f) => f.level >= 10,
};

export function earnedAchievements(facts: AchievementFacts): AchievementId[] {
  return (Object.keys(ACHIEVEMENT_CHECKS) as AchievementId[]).filter((id) => ACHIEVEMENT_CHECKS[id](facts));
}
