import { z } from 'zod';
import { CalendarDate, Id, Timestamp } from './common';

/**
 * Progress (gamification): XP, levels, streaks, achievements, a leaderboard and the team quest.
 * Every point is one `xp_events` row, unique per (user, source, kind), written by the `xp` job
 * that consumes the event stream; nothing here is ever computed inside a request that changes work.
 */

/** What earned the points: each kind has one source in the event stream (core/progress/xp-sources.ts). */
export const XpKind = z.enum([
  'task_done',
  'status_update',
  'decision_accepted',
  'incident_resolved',
  'sprint_bonus',
]);
export type XpKind = z.infer<typeof XpKind>;

/**
 * What an XP row keeps for the achievements to read without joins: a task's key, whether it helped
 * someone else (created by another person) and its points; a check-in's date and row; nothing
 * (`{}`) for the kinds no achievement reads.
 */
export const XpDetail = z.union([
  z.object({ taskKey: z.string(), helped: z.boolean(), points: z.number().int().nullable() }).strict(),
  z.object({ date: CalendarDate, statusUpdateId: Id }).strict(),
  z.object({}).strict(),
]);
export type XpDetail = z.infer<typeof XpDetail>;

/**
 * Why the row holds the points it does: `earned` (the rule's full amount), `self_farm` (created and
 * completed by the same person within 10 minutes: 0), `daily_cap` (past 200 XP in the person's
 * local day: 0, or what was left under the cap).
 */
export const XpReason = z.enum(['earned', 'self_farm', 'daily_cap']);
export type XpReason = z.infer<typeof XpReason>;

export const XP_RULES = {
  taskBase: 10,
  perStoryPoint: 5,
  statusUpdate: 5,
  decisionAccepted: 15,
  incidentResolved: 30,
  sprintBonus: 25,
  selfFarmMinutes: 10,
  dailyCap: 200,
  freezeEvery: 7,
  maxFreezes: 2,
} as const;

/** A task's XP, frozen when it is planned: 10 + 5 × story points (no points: 10). */
export function taskXp(storyPoints: number | null): number {
  return XP_RULES.taskBase + XP_RULES.perStoryPoint * (storyPoints ?? 0);
}

/** Level n starts at 50 × n × (n − 1) XP: level 1 at 0, 2 at 100, 3 at 300, 4 at 600. */
export function levelStart(level: number): number {
  return 50 * level * (level - 1);
}

export function levelFor(xp: number): number {
  let level = 1;
  while (levelStart(level + 1) <= xp) level += 1;
  return level;
}

/** XP gained inside the current level, and how much that level spans. */
export function levelProgressOf(xp: number): { into: number; needed: number } {
  const level = levelFor(xp);
  return { into: xp - levelStart(level), needed: levelStart(level + 1) - levelStart(level) };
}

export const XpEvent = z.object({
  id: Id,
  userId: Id,
  kind: XpKind,
  sourceType: z.string(),
  sourceId: Id,
  /** What earned it, as it read then ("WEB-12 Fix login"). */
  label: z.string(),
  xp: z.number().int().min(0),
  reason: XpReason,
  /** The person's local date of the work (their zone then): caps and streaks count by it. */
  localDate: CalendarDate,
  createdAt: Timestamp,
});
export type XpEvent = z.infer<typeof XpEvent>;

export const AchievementId = z.enum([
  'first-task',
  'ten-tasks',
  'hundred-tasks',
  'streak-7',
  'streak-30',
  'first-update',
  'week-of-check-ins',
  'first-decision',
  'incident-commander',
  'helping-hand',
  'sprint-finisher',
  'level-5',
  'level-10',
]);
export type AchievementId = z.infer<typeof AchievementId>;

export interface AchievementDefinition {
  id: AchievementId;
  name: string;
  description: string;
  /** An emoji, for clients that show one (the web draws its own picture per id: emoji need a colour-emoji font). */
  icon: string;
  /** How to unlock it, shown on the locked tile. */
  criteria: string;
}

/** The catalogue; each id has one pure check in core/progress/achievements.ts. */
export const ACHIEVEMENTS: readonly AchievementDefinition[] = [
  {
    id: 'first-task',
    name: 'First task done',
    description: 'Finished a first piece of work.',
    icon: '✅',
    criteria: 'Complete a task that pays XP.',
  },
  {
    id: 'ten-tasks',
    name: 'Ten down',
    description: 'Ten finished tasks.',
    icon: '🔟',
    criteria: 'Complete 10 tasks that pay XP.',
  },
  {
    id: 'hundred-tasks',
    name: 'Centurion',
    description: 'A hundred finished tasks.',
    icon: '💯',
    criteria: 'Complete 100 tasks that pay XP.',
  },
  {
    id: 'streak-7',
    name: 'Week on fire',
    description: 'Earned XP on 7 workdays in a row.',
    icon: '🔥',
    criteria: 'Reach a 7-workday streak.',
  },
  {
    id: 'streak-30',
    name: 'Unstoppable',
    description: 'Earned XP on 30 workdays in a row.',
    icon: '☄️',
    criteria: 'Reach a 30-workday streak.',
  },
  {
    id: 'first-update',
    name: 'Checked in',
    description: 'Posted a first status update.',
    icon: '📣',
    criteria: 'Post a status update.',
  },
  {
    id: 'week-of-check-ins',
    name: 'A week of check-ins',
    description: 'Status updates on five days of one week.',
    icon: '🗓️',
    criteria: 'Post status updates on 5 different days of the same week.',
  },
  {
    id: 'first-decision',
    name: 'Decider',
    description: 'A first decision accepted.',
    icon: '⚖️',
    criteria: 'Have a decision you own accepted.',
  },
  {
    id: 'incident-commander',
    name: 'Incident commander',
    description: 'Led an incident to resolution.',
    icon: '🚒',
    criteria: 'Resolve an incident as its commander.',
  },
  {
    id: 'helping-hand',
    name: 'Helping hand',
    description: 'Completed a task somebody else created.',
    icon: '🤝',
    criteria: 'Complete a task created by someone else.',
  },
  {
    id: 'sprint-finisher',
    name: 'Sprint finisher',
    description: 'Part of a sprint completed at or above its commitment.',
    icon: '🏁',
    criteria: 'Contribute to a sprint that completes at or above its committed points.',
  },
  {
    id: 'level-5',
    name: 'Level 5',
    description: 'Reached level 5.',
    icon: '⭐',
    criteria: 'Reach 1,000 XP.',
  },
  {
    id: 'level-10',
    name: 'Level 10',
    description: 'Reached level 10.',
    icon: '🌟',
    criteria: 'Reach 4,500 XP.',
  },
];

export const UnlockedAchievement = z.object({ id: AchievementId, name: z.string(), unlockedAt: Timestamp });
export type UnlockedAchievement = z.infer<typeof UnlockedAchievement>;

export const Streak = z.object({
  current: z.number().int().min(0),
  longest: z.number().int().min(0),
  freezes: z.number().int().min(0),
  lastActiveDate: CalendarDate.nullable(),
});
export type Streak = z.infer<typeof Streak>;

export const Progress = z.object({
  userId: Id,
  /** False when the workspace has switched gamification off: then every number here is 0 and lists are empty. */
  enabled: z.boolean(),
  showOnLeaderboard: z.boolean(),
  xp: z.number().int().min(0),
  level: z.number().int().min(1),
  levelProgress: z.object({ into: z.number().int().min(0), needed: z.number().int().min(1) }),
  streak: Streak,
  achievements: z.array(UnlockedAchievement),
  recent: z.array(XpEvent),
});
export type Progress = z.infer<typeof Progress>;

export const ProgressUserParams = z.object({ workspaceId: Id, userId: Id });

export const LeaderboardPeriod = z.enum(['week', 'month', 'all']);
export type LeaderboardPeriod = z.infer<typeof LeaderboardPeriod>;
export const LeaderboardQuery = z.object({ period: LeaderboardPeriod.default('week') });
export type LeaderboardQuery = z.infer<typeof LeaderboardQuery>;

export const LeaderboardEntry = z.object({
  rank: z.number().int().min(1),
  user: z.object({ id: Id, name: z.string(), avatarUrl: z.string().nullable() }),
  xp: z.number().int().min(0),
  level: z.number().int().min(1),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

export const Leaderboard = z.object({
  period: LeaderboardPeriod,
  /** The first local date counted (workspace zone); null for `all`. */
  from: CalendarDate.nullable(),
  enabled: z.boolean(),
  items: z.array(LeaderboardEntry),
});
export type Leaderboard = z.infer<typeof Leaderboard>;

export const ProgressSettingsUpdate = z.strictObject({
  showOnLeaderboard: z.boolean().optional(),
  /** Owners only: gamification on or off for the whole workspace (events are recorded either way). */
  enabled: z.boolean().optional(),
});
export type ProgressSettingsUpdate = z.infer<typeof ProgressSettingsUpdate>;

export const ProgressSettings = z.object({ enabled: z.boolean(), showOnLeaderboard: z.boolean() });
export type ProgressSettings = z.infer<typeof ProgressSettings>;

export const QuestQuery = z.object({ projectId: Id.optional() });
export type QuestQuery = z.infer<typeof QuestQuery>;

export const QuestContributor = z.object({ id: Id, name: z.string(), donePoints: z.number().int().min(0) });

/** The active sprint's goal as a team quest; every field null/0 when no sprint is active. */
export const Quest = z.object({
  sprintId: Id.nullable(),
  projectId: Id.nullable(),
  name: z.string().nullable(),
  goal: z.string().nullable(),
  committedPoints: z.number().int().min(0),
  donePoints: z.number().int().min(0),
  percent: z.number().int().min(0),
  contributors: z.array(QuestContributor),
});
export type Quest = z.infer<typeof Quest>;

/** Personal realtime events (to `user:{id}` only). */
export const XpAwarded = z.object({
  userId: Id,
  workspaceId: Id,
  event: XpEvent,
  totalXp: z.number().int().min(0),
  level: z.number().int().min(1),
});
export const LevelUp = z.object({ userId: Id, workspaceId: Id, level: z.number().int().min(2) });
export const AchievementUnlocked = z.object({
  userId: Id,
  workspaceId: Id,
  achievement: UnlockedAchievement,
});
